package io.subsync.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/** The error page ({@code templates/error.html}) with a status and a message for people, never internals. */
public final class ErrorPage {
    private ErrorPage() {}

    public static ModelAndView of(HttpStatusCode status, String message) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        HttpStatus known = HttpStatus.resolve(status.value());
        page.addObject("error", known == null ? "Error" : known.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }
}
