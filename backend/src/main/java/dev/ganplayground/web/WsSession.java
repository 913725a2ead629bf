package dev.ganplayground.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.ConfigException;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.JsonErrors;
import dev.ganplayground.config.PairDefinition;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.ServerLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One WebSocket connection speaking {@code gan.v1} (docs/protocol.md): parses and checks each client message,
 * forwards controls to runs over the event bus, and streams its subscriptions through its {@link Outbox}. Inbound
 * limits are the {@link SocketGuard}'s. Everything registered for the socket is released when it closes. Bad input
 * gets an {@code error} and the socket stays open. The caller was identified at the handshake: without a token
 * every request that creates or controls is refused ({@code unauthorized}); the runs side refuses control of
 * someone else's run ({@code forbidden}).
 */
final class WsSession {
    private static final Set<String> ENVELOPE = Set.of("type", "id", "runId", "payload");
    private static final Set<String> NONE = Set.of();

    private final Vertx vertx;
    private final ServerWebSocket ws;
    private final Presets presets;
    private final RunsClient runs;
    private final RunFeeds feeds;
    private final Pairs pairs;
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private final Caller caller;
    private final Outbox outbox;
    private long seq;

    WsSession(Vertx vertx, ServerWebSocket ws, Presets presets, RunsClient runs, RunFeeds feeds,
              JsonObject catalogue, ServerLimits limits, Caller caller, Runnable released) {
        this.caller = caller;
        this.vertx = vertx;
        this.ws = ws;
        this.presets = presets;
        this.runs = runs;
        this.feeds = feeds;
        this.pairs = new Pairs(presets, runs);
        this.outbox = new Outbox(Outbox.sinkOf(ws), limits.textQueueBytes(),
                () -> subscriptions.values().forEach(Subscription::flushFrame));
        SocketGuard guard = new SocketGuard(vertx, ws, limits);
        ws.pause(); // nothing is read before hello has gone out
        ws.setWriteQueueMaxSize(limits.writeQueueBytes());
        ws.closeHandler(v -> {
            guard.stop();
            outbox.release();
            subscriptions.values().forEach(Subscription::close);
            released.run();
        });
        ws.exceptionHandler(guard::onException);
        ws.drainHandler(v -> outbox.drained());
        ws.textMessageHandler(text -> {
            if (guard.admit()) {
                onText(text);
            }
        });
        ws.binaryMessageHandler(b -> {
            if (guard.admit()) {
                sendError(null, null, ApiError.invalidMessage("binary messages are not accepted from clients"));
            }
        });
        Future<JsonArray> datasets = runs.datasets().otherwise(new JsonArray());
        runs.list().otherwise(new JsonArray()).onComplete(ar -> datasets.onComplete(ds -> {
            JsonObject payload = new JsonObject().put("protocolVersion", "gan.v1")
                    .put("presets", catalogue.getJsonArray("presets")).put("pairs", catalogue.getJsonArray("pairs"))
                    .put("runs", caller.present(ar.result())).put("datasets", ds.result())
                    .put("identity", new JsonObject().put("token", caller.hasToken()).put("admin", caller.admin()));
            send(new JsonObject().put("type", "hello").put("payload", payload));
            ws.resume();
        }));
    }

    private void onText(String text) {
        String id = null;
        String runId = null;
        try {
            JsonNode msg = Json.MAPPER.readTree(text);
            Messages.requireObject(msg, "", ENVELOPE);
            id = optionalText(msg, "id", 64);
            runId = optionalText(msg, "runId", 64);
            String type = optionalText(msg, "type", 64);
            if (type == null) {
                throw new RequestException("/type", "is required");
            }
            JsonNode payload = msg.has("payload") ? msg.get("payload") : Json.MAPPER.createObjectNode();
            dispatch(type, id, runId, payload);
        } catch (RequestException e) {
            sendError(id, runId, e.error());
        } catch (ConfigException e) {
            sendError(id, runId, ApiError.from(e));
        } catch (Exception e) { // malformed JSON, too deep, too long: the client's fault, the socket stays open
            sendError(id, runId, ApiError.invalidMessage("message is not valid JSON: " + JsonErrors.describe(e)));
        }
    }

    private void dispatch(String type, String id, String runId, JsonNode payload) throws RequestException {
        switch (type) {
            case "create_run" -> {
                CreateRequest r = CreateRequest.parse(payload);
                RunConfig config = presets.resolve(r.preset(), r.overrides());
                String preset = r.preset() == null ? presets.defaultId() : r.preset();
                requireToken();
                reply(id, null, runs.create(preset, config, caller.user()), created -> {
                    String newRun = created.getString("runId");
                    send(new JsonObject().put("type", "run_created").put("id", id).put("runId", newRun)
                            .put("payload", new JsonObject().put("preset", preset)
                                    .put("config", created.getJsonObject("config"))));
                    subscribe(id, newRun, 0);
                });
            }
            case "create_pair" -> {
                PairDefinition pair = pairs.resolve(PairRequest.parse(payload));
                requireToken();
                reply(id, null, pairs.create(pair, caller.user()), created -> {
                    send(new JsonObject().put("type", "pair_created").put("id", id).put("payload", created));
                    subscribe(id, created.getJsonObject("a").getString("runId"), 0);
                    subscribe(id, created.getJsonObject("b").getString("runId"), 0);
                });
            }
            case "validate_config" -> {
                CreateRequest r = CreateRequest.parse(payload);
                RunConfig config = presets.resolve(r.preset(), r.overrides());
                send(new JsonObject().put("type", "config_valid").put("id", id).put("payload",
                        new JsonObject().put("config", new JsonObject(Json.MAPPER.valueToTree(config).toString()))));
            }
            case "list_runs" -> {
                Messages.requireObject(payload, "/payload", NONE);
                reply(id, null, runs.list(), list -> send(new JsonObject().put("type", "runs").put("id", id)
                        .put("payload", new JsonObject().put("runs", caller.present(list)))));
            }
            case "subscribe" -> {
                Messages.requireObject(payload, "/payload", Set.of("fromStep"));
                int from = Messages.optionalInt(payload, "fromStep", "/payload", 0, Integer.MAX_VALUE, 0);
                subscribe(id, requireRun(runId), from);
            }
            case "unsubscribe" -> {
                Messages.requireObject(payload, "/payload", NONE);
                Subscription s = subscriptions.remove(requireRun(runId));
                if (s != null) {
                    s.close();
                }
                send(new JsonObject().put("type", "unsubscribed").put("id", id).put("runId", runId));
            }
            case "start", "pause", "reset", "stop" -> {
                Messages.requireObject(payload, "/payload", NONE);
                control(id, requireRun(runId), new JsonObject().put("op", type));
            }
            case "step" -> {
                Messages.requireObject(payload, "/payload", Set.of("phase", "count"));
                String phase = payload.has("phase") ? payload.get("phase").asText("?") : "both";
                if (!Set.of("d", "g", "both").contains(phase) || (payload.has("phase")
                        && !payload.get("phase").isTextual())) {
                    throw new RequestException("/payload/phase", "must be \"d\", \"g\" or \"both\", found "
                            + payload.get("phase"));
                }
                int count = Messages.optionalInt(payload, "count", "/payload", 1, 1000, 1);
                control(id, requireRun(runId), new JsonObject().put("op", "step").put("phase", phase)
                        .put("count", count));
            }
            case "update_config" -> {
                Messages.requireObject(payload, "/payload", Set.of("patch", "rebuild"));
                JsonNode patch = payload.get("patch");
                if (patch == null || !patch.isObject()) {
                    throw new RequestException("/payload/patch", "must be an object");
                }
                JsonNode rebuild = payload.get("rebuild");
                if (rebuild != null && !rebuild.isBoolean()) {
                    throw new RequestException("/payload/rebuild", "must be true or false");
                }
                control(id, requireRun(runId), new JsonObject().put("op", "update_config")
                        .put("patch", patch.toString()).put("rebuild", rebuild != null && rebuild.asBoolean()));
            }
            default -> throw new RequestException("/type", "unknown message type '" + type + "'");
        }
    }

    private void subscribe(String id, String runId, long fromStep) {
        Subscription old = subscriptions.remove(runId);
        if (old != null) {
            old.close();
        }
        Subscription sub = new Subscription(vertx, feeds, runId, this::sendEnvelope, outbox::frame,
                outbox::frameBlocked);
        subscriptions.put(runId, sub);
        sub.ready().compose(v -> runs.control(runId, new JsonObject().put("op", "snapshot").put("fromStep", fromStep)))
                .compose(snapshot -> runs.latestFrame(runId).map(frame -> {
                    if (sub.closed()) {
                        return null;
                    }
                    JsonObject state = new JsonObject().put("state", snapshot.getString("state"))
                            .put("step", snapshot.getLong("step"));
                    if (snapshot.getString("reason") != null) {
                        state.put("reason", snapshot.getString("reason")); // e.g. why a run failed before we came
                    }
                    if (snapshot.getValue("position") != null) {
                        state.put("position", snapshot.getInteger("position"));
                    }
                    send(new JsonObject().put("type", "access").put("runId", runId).put("payload",
                            new JsonObject().put("role", caller.role(snapshot.getString("owner")))));
                    send(new JsonObject().put("type", "state").put("runId", runId).put("payload", state));
                    send(new JsonObject().put("type", "config").put("runId", runId).put("payload",
                            new JsonObject().put("config", snapshot.getJsonObject("config")).put("rebuilt", false)));
                    for (String group : new String[]{"train", "eval"}) {
                        JsonObject m = snapshot.getJsonObject(group);
                        JsonArray steps = m.getJsonObject("columns").getJsonArray("step");
                        if (steps != null && !steps.isEmpty()) {
                            send(new JsonObject().put("type", "metrics").put("runId", runId).put("payload", m));
                        }
                    }
                    for (Object alarm : snapshot.getJsonArray("alarms")) {
                        send(new JsonObject().put("type", "alarm").put("runId", runId).put("payload", alarm));
                    }
                    for (String type : new String[]{"modes", "classes", "progress"}) {
                        JsonObject latest = snapshot.getJsonObject(type);
                        if (latest != null) {
                            send(new JsonObject().put("type", type).put("runId", runId).put("payload", latest));
                        }
                    }
                    if (frame != null) {
                        sub.offerFrameIfNone(frame);
                    }
                    sub.live(snapshot.getLong("eventNo"));
                    return null;
                }))
                .onFailure(t -> {
                    sub.close();
                    subscriptions.remove(runId, sub);
                    sendError(id, runId, RunsClient.ApiException.of(t));
                });
    }

    private void control(String id, String runId, JsonObject op) throws RequestException {
        requireToken();
        reply(id, runId, runs.control(runId, op.put("caller", caller.toJson())), r -> send(new JsonObject().put("type", "ack").put("id", id)
                .put("runId", runId)));
    }

    private <T> void reply(String id, String runId, Future<T> f, java.util.function.Consumer<T> onSuccess) {
        f.onComplete(ar -> {
            if (ar.succeeded()) {
                onSuccess.accept(ar.result());
            } else {
                sendError(id, runId, RunsClient.ApiException.of(ar.cause()));
            }
        });
    }

    /** Creating and controlling need a token: without one the socket only watches. */
    private void requireToken() throws RequestException {
        if (!caller.hasToken()) {
            throw new RequestException(ApiError.unauthorized());
        }
    }

    private static String requireRun(String runId) throws RequestException {
        if (runId == null) {
            throw new RequestException("/runId", "is required");
        }
        if (!ApiHandler.isRunId(runId)) {
            throw new RequestException(ApiError.unknownRun(runId)); // cannot name a run: no need to ask
        }
        return runId;
    }

    private static String optionalText(JsonNode msg, String field, int maxLength) throws RequestException {
        JsonNode n = msg.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().length() > maxLength) {
            throw new RequestException("/" + field, "must be a string of at most " + maxLength + " characters");
        }
        return n.asText();
    }

    private void sendError(String id, String runId, ApiError error) {
        JsonObject m = new JsonObject().put("type", "error");
        if (id != null) {
            m.put("id", id);
        }
        if (runId != null) {
            m.put("runId", runId);
        }
        send(m.put("payload", error.toPayload()));
    }

    private void send(JsonObject message) {
        if (message.getValue("id") == null) {
            message.remove("id");
        }
        sendEnvelope(message.encode());
    }

    /** Adds this socket's seq to an already encoded envelope, so run events are encoded once for all viewers. */
    private void sendEnvelope(String envelope) {
        String seqField = "{\"seq\":" + (++seq) + ",";
        outbox.text(new StringBuilder(seqField.length() + envelope.length()).append(seqField)
                .append(envelope, 1, envelope.length()).toString());
    }
}
