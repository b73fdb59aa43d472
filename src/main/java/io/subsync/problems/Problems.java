package io.subsync.problems;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details; every error names the field at fault in {@code errors[].field} when there is one. */
public final class Problems {
    /** One shared instance, not the bean: {@link #write} and {@link #json} are static, called from Tomcat's error valve too. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final URI BLANK = URI.create("about:blank");

    private Problems() {}

    public record FieldError(String field, String message) {}

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail field(HttpStatus status, String title, String field, String message) {
        return fields(status, title, List.of(new FieldError(field, message)));
    }

    public static ProblemDetail fields(HttpStatus status, String title, List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = of(status, title, detail);
        // Mutable, so an advice can add properties (e.g. a "code").
        problem.setProperties(new LinkedHashMap<>(Map.of("errors", errors)));
        return problem;
    }

    /**
     * Answers with the problem, for code that runs outside Spring MVC (filters, security's handlers), in the shape
     * Spring MVC gives it.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(problem));
    }

    /** The problem as a JSON document: its members (no type for {@code about:blank}), then its properties. */
    public static String json(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (problem.getType() != null && !BLANK.equals(problem.getType())) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return JSON.writeValueAsString(body);
    }
}
