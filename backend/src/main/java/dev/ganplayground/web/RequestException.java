package dev.ganplayground.web;

import io.vertx.core.json.JsonArray;

/** A request whose shape is wrong (missing, unknown or mistyped member), caught before anything is resolved. */
final class RequestException extends Exception {
    private final transient ApiError error;

    RequestException(String field, String message) {
        this(new ApiError("invalid_message", 400, field.isEmpty() ? message : field + ": " + message,
                field.isEmpty() ? null : field, new JsonArray()));
    }

    RequestException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    ApiError error() {
        return error;
    }
}
