package dev.ganplayground.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors while a config record checks its ranges, so a request learns about every bad field at
 * once. Messages follow one shape: "must be in [lo, hi], found X".
 */
public final class Validator {
    private final List<FieldError> errors = new ArrayList<>();

    public Validator intRange(String pointer, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            fail(pointer, "must be in [" + lo + ", " + hi + "], found " + value);
        }
        return this;
    }

    /** Closed range check that also rejects NaN and the infinities (e.g. a JSON 1e400). */
    public Validator range(String pointer, double value, double lo, double hi) {
        if (!Double.isFinite(value)) {
            fail(pointer, "must be a finite number, found " + value);
        } else if (value < lo || value > hi) {
            fail(pointer, "must be in [" + lo + ", " + hi + "], found " + value);
        }
        return this;
    }

    /** Half-open range [lo, hi): for betas and momentum, where 1 would stop the average from moving. */
    public Validator rangeBelow(String pointer, double value, double lo, double hi) {
        if (!Double.isFinite(value)) {
            fail(pointer, "must be a finite number, found " + value);
        } else if (value < lo || value >= hi) {
            fail(pointer, "must be in [" + lo + ", " + hi + "), found " + value);
        }
        return this;
    }

    /** Open at the bottom: (lo, hi]. For learning rates, where 0 means nothing learns. */
    public Validator rangeAbove(String pointer, double value, double lo, double hi) {
        if (!Double.isFinite(value)) {
            fail(pointer, "must be a finite number, found " + value);
        } else if (value <= lo || value > hi) {
            fail(pointer, "must be in (" + lo + ", " + hi + "], found " + value);
        }
        return this;
    }

    public Validator require(boolean ok, String pointer, String message) {
        if (!ok) {
            fail(pointer, message);
        }
        return this;
    }

    public Validator notNull(Object value, String pointer) {
        return require(value != null, pointer, "is required");
    }

    public void fail(String pointer, String message) {
        errors.add(new FieldError(pointer, message));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a {@link ConfigException} carrying every error collected so far, if there is any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }
}
