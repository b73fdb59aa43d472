package io.subsync.problems;

import java.beans.PropertyEditorSupport;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How query parameters and path segments become ids: a present but blank id ({@code ?mvpUserId=}) is refused, as in
 * JSON bodies ({@link StrictJson}). Spring's own editor reads it as no id, so a filter meant for one user silently
 * listed everyone's rows. The refusal is a 400 problem naming the parameter ({@link RequestProblems}). An editor, not
 * a converter: Spring falls back to its editor when a converter refuses, and that editor says null.
 */
@ControllerAdvice
@ConditionalOnWebApplication
class StrictParameters {

    @InitBinder
    void ids(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new Ids());
    }

    /** A UUID, or a refusal: never null for a blank value. */
    static final class Ids extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a blank value is not an id");
            }
            setValue(UUID.fromString(text.trim()));
        }
    }
}
