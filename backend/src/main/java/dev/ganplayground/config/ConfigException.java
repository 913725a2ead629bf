package dev.ganplayground.config;

import java.util.List;

/** A config that failed validation: every field error found, not only the first. */
public final class ConfigException extends RuntimeException {
    private final transient List<FieldError> errors;

    public ConfigException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid config" : errors.get(0).pointer() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public ConfigException(String pointer, String message) {
        this(List.of(new FieldError(pointer, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
