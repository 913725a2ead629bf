package dev.ganplayground.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns Jackson's parse and binding errors into messages fit for a client. Jackson's own messages name Java types
 * ({@code `java.lang.Integer`}, our record classes), its settings and coercion configs: none of that may reach an
 * error body (shared/RELIABILITY.md 4.1), and none of it helps the user fix the field.
 */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** One sentence saying what is wrong with the value at the error's location (the pointer is separate). */
    public static String describe(Throwable e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return m.contains("nesting") ? "nested too deeply" : m.contains("number") ? "a number is too long"
                    : m.contains("string") ? "a string is too long" : "the document is too large";
        }
        if (e instanceof ValueInstantiationException) {
            return "is not a valid value";
        }
        if (e instanceof InvalidFormatException f) {
            return "must be " + expected(f.getTargetType()) + ", found " + shortValue(f.getValue());
        }
        if (e instanceof MismatchedInputException m) {
            String original = String.valueOf(m.getOriginalMessage());
            if (original.startsWith("Missing required creator property")) {
                return "is required";
            }
            if (original.contains("null")) {
                return "must not be null";
            }
            return "must be " + expected(m.getTargetType());
        }
        if (e instanceof JsonProcessingException p) {
            String m = firstLine(p.getOriginalMessage());
            // Parse errors name the character and what was expected; drop any trailing source excerpt.
            int cut = m.indexOf(" at [Source");
            return cut < 0 ? m : m.substring(0, cut);
        }
        return "is not valid";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> Json.MAPPER.convertValue(c, String.class)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }


    private static String shortValue(Object v) {
        String s = String.valueOf(v);
        return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "...'";
    }

    static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
