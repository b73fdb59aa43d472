package io.subsync.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 answers. */
public final class ProblemAssertions {
    private ProblemAssertions() {}

    /** The answer is problem details with this status, naming {@code field} first (unless null). */
    public static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .isEqualTo(field);
        }
    }
}
