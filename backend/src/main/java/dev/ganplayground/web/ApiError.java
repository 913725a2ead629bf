package dev.ganplayground.web;

import dev.ganplayground.config.ConfigException;
import dev.ganplayground.config.FieldError;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A user-facing error, one shape for REST (problem+json) and the WebSocket ({@code error} message).
 *
 * @param code    closed list of docs/protocol.md 3.5 (invalid_config, unknown_run, ...)
 * @param status  HTTP status
 * @param message one sentence, naming the field and the value found where there is one
 * @param field   JSON pointer of the first bad field, or null
 * @param errors  every bad field as {pointer, message}; empty when none
 */
public record ApiError(String code, int status, String message, String field, JsonArray errors) {
    /** Seconds a client should wait before retrying after a 429 (Retry-After; retryAfter in the error payload). */
    public static final int RETRY_AFTER_S = 30;

    public static ApiError of(String code, int status, String message) {
        return new ApiError(code, status, message, null, new JsonArray());
    }

    public static ApiError invalidMessage(String message) {
        return of("invalid_message", 400, message);
    }

    /** A create or control request without a valid token. */
    public static ApiError unauthorized() {
        return of("unauthorized", 401, "creating or controlling a run needs a token: get one with POST /api/identity"
                + " and present it (Authorization: Bearer, or the gan.token.* WebSocket subprotocol)");
    }

    public static ApiError unknownRun(String runId) {
        return of("unknown_run", 404, "no run '" + runId + "'");
    }

    /** A config problem; an unknown preset is its own code so clients can tell it from a bad field. */
    public static ApiError from(ConfigException e) {
        JsonArray errors = new JsonArray();
        for (FieldError f : e.errors()) {
            errors.add(new JsonObject().put("pointer", f.pointer()).put("message", f.message()));
        }
        FieldError first = e.errors().get(0);
        boolean preset = first.pointer().equals("/preset");
        String message = first.pointer().isEmpty() ? first.message() : first.pointer() + ": " + first.message();
        return new ApiError(preset ? "unknown_preset" : "invalid_config", preset ? 404 : 422, message,
                first.pointer(), errors);
    }

    /** Maps an event-bus failure from the runs side (status code + JSON problem) to an error. */
    public static ApiError from(Throwable t, String runId) {
        if (t instanceof ReplyException r) {
            if (r.failureType() == ReplyFailure.NO_HANDLERS) {
                return unknownRun(runId);
            }
            if (r.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
                try {
                    JsonObject p = new JsonObject(r.getMessage());
                    return new ApiError(p.getString("code", "internal"), r.failureCode(), p.getString("message"),
                            p.getString("field"), p.getJsonArray("errors", new JsonArray()));
                } catch (DecodeException | ClassCastException ignored) {
                    // not one of ours: fall through to internal
                }
            }
        }
        return of("internal", 500, "internal error; the server log has the details");
    }

    /** RFC 9457 problem details, with our code and field-level errors as extension members. */
    public JsonObject toProblem() {
        JsonObject p = new JsonObject().put("type", "about:blank").put("title", title()).put("status", status)
                .put("detail", message).put("code", code);
        if (field != null) {
            p.put("field", field);
        }
        if (!errors.isEmpty()) {
            p.put("errors", errors);
        }
        if (status == 429) {
            p.put("retryAfter", RETRY_AFTER_S);
        }
        return p;
    }

    /** The payload of a WebSocket {@code error} message. */
    public JsonObject toPayload() {
        JsonObject p = new JsonObject().put("code", code).put("message", message);
        if (field != null) {
            p.put("field", field);
        }
        if (!errors.isEmpty()) {
            p.put("errors", errors);
        }
        if (status == 429) {
            p.put("retryAfter", RETRY_AFTER_S);
        }
        return p;
    }

    private String title() {
        return switch (code) {
            case "invalid_config" -> "Invalid config";
            case "invalid_message" -> "Malformed request";
            case "unknown_run" -> "Unknown run";
            case "unknown_preset" -> "Unknown preset";
            case "too_many_runs" -> "Too many runs";
            case "too_many_sockets" -> "Too many connections";
            case "unauthorized" -> "Token required";
            case "forbidden" -> "Read-only";
            case "illegal_state", "rebuild_required" -> "Not possible in this state";
            default -> "Internal error";
        };
    }
}
