package dev.ganplayground.web;

import dev.ganplayground.config.Json;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.run.RunAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The web side's handle on the runs: event-bus requests only (never a direct call), failures mapped to
 * {@link ApiError}s.
 */
final class RunsClient {
    private static final DeliveryOptions TIMEOUT = new DeliveryOptions().setSendTimeout(10_000);
    /** Exports (a GIF of hundreds of frames) take longer than control requests. */
    private static final DeliveryOptions SLOW = new DeliveryOptions().setSendTimeout(60_000);
    private final Vertx vertx;

    RunsClient(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Creates a run owned by {@code owner} (a user id; null: only the admin controls it). */
    Future<JsonObject> create(String preset, RunConfig config, String owner) {
        JsonObject body = new JsonObject().put("preset", preset)
                .put("config", Json.MAPPER.valueToTree(config).toString());
        if (owner != null) {
            body.put("owner", owner);
        }
        return request(RunAddresses.CREATE, body, null);
    }

    Future<JsonArray> list() {
        return request(RunAddresses.LIST, new JsonObject(), null).map(o -> o.getJsonArray("runs"));
    }

    /** Every dataset with its availability (docs/protocol.md, Dataset). */
    Future<JsonArray> datasets() {
        return request(RunAddresses.DATASETS, new JsonObject(), null).map(o -> o.getJsonArray("datasets"));
    }

    /** A binary reply of a run's control op (PNG, GIF), or a failed future with the run's error. */
    Future<Buffer> bytes(String runId, JsonObject op) {
        return vertx.eventBus().<Buffer>request(RunAddresses.control(runId), op, SLOW)
                .recover(t -> Future.failedFuture(new ApiException(ApiError.from(t, runId))))
                .map(Message::body);
    }

    /** A text reply of a run's control op (CSV). */
    Future<String> text(String runId, JsonObject op) {
        return vertx.eventBus().<String>request(RunAddresses.control(runId), op, SLOW)
                .recover(t -> Future.failedFuture(new ApiException(ApiError.from(t, runId))))
                .map(Message::body);
    }

    Future<JsonObject> delete(String runId, Caller caller) {
        return request(RunAddresses.DELETE, new JsonObject().put("runId", runId).put("caller", caller.toJson()),
                runId);
    }

    Future<JsonObject> control(String runId, JsonObject op) {
        return request(RunAddresses.control(runId), op, runId);
    }

    /** The run's newest binary frame, or null before its first. */
    Future<Buffer> latestFrame(String runId) {
        return vertx.eventBus().<Buffer>request(RunAddresses.control(runId), new JsonObject().put("op", "frame"),
                        TIMEOUT)
                .recover(t -> Future.failedFuture(new ApiException(ApiError.from(t, runId))))
                .map(Message::body);
    }

    private Future<JsonObject> request(String address, JsonObject body, String runId) {
        return vertx.eventBus().<JsonObject>request(address, body, TIMEOUT)
                .recover(t -> Future.failedFuture(new ApiException(ApiError.from(t, runId))))
                .map(Message::body);
    }

    /** Carries an {@link ApiError} through a failed future. */
    static final class ApiException extends RuntimeException {
        private final transient ApiError error;

        ApiException(ApiError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        ApiError error() {
            return error;
        }

        static ApiError of(Throwable t) {
            return t instanceof ApiException a ? a.error() : ApiError.from(t, null);
        }
    }
}
