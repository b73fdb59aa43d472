package io.subsync.problems;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * How the API reads JSON bodies, for every endpoint at once: a value is taken only as the JSON type its field has.
 * Jackson's defaults guess instead, and each guess was a defect here: {@code "code": true} made a product named
 * "true", {@code "validityHours": 1.5} a one-hour link, a blank {@code "syncId"} was read as no id and retried every
 * failed operation. So: no conversion between strings, numbers and booleans; no fraction where a whole number is
 * wanted; no empty or blank string for an id; no unknown field (a typo must not pass silently); no U+0000 in any
 * string or key ({@link NulFreeStrings}), which PostgreSQL cannot store and refused only after the request had done
 * half its work. Each refusal is a 400 problem naming the field ({@link RequestProblems}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Textual,
                        strings -> strings.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // UUIDs (and other values read from a string): "" and "  " are not a missing value.
                .withCoercionConfig(
                        LogicalType.OtherScalar,
                        ids -> ids.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setAcceptBlankAsEmpty(false))
                .addModule(NulFreeStrings.module());
    }
}
