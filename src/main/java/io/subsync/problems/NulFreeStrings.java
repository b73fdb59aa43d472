package io.subsync.problems;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Strings without U+0000: PostgreSQL cannot hold that character in {@code text} or {@code jsonb}, so a string that
 * carries it is refused while the body is read, with the JSON path of the field, not by the database later. Covers
 * string fields, strings in lists and in untyped values (a sync's {@code metadata}), and map keys, untyped ones too.
 */
final class NulFreeStrings {
    private NulFreeStrings() {}

    static SimpleModule module() {
        Keys keys = new Keys();
        return new SimpleModule("nul-free-strings")
                .addDeserializer(String.class, new Values())
                .addKeyDeserializer(String.class, keys)
                .addKeyDeserializer(Object.class, keys);
    }

    /** A string holding U+0000; its path names the field. */
    static final class NulInString extends MismatchedInputException {
        NulInString(JsonParser parser) {
            super(parser, "a string must not contain U+0000", String.class);
        }
    }

    private static String checked(String value, JsonParser parser) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new NulInString(parser);
        }
        return value;
    }

    private static final class Values extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return checked(super.deserialize(parser, context), parser);
        }
    }

    private static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return checked(key, context.getParser());
        }
    }
}
