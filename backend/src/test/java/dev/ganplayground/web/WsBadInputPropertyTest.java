package dev.ganplayground.web;

import dev.ganplayground.config.ServerLimits;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the WebSocket protocol under bad input, from seeded generators ({@link BadInputs}): every bad
 * message gets exactly one {@code error} (with the request's id when it had a readable one) that names the field
 * and leaks nothing, the socket stays open, and no run is created. The rate limit is lifted here: this is about
 * content, not volume (StreamLimitsTest covers floods).
 */
class WsBadInputPropertyTest {
    private static final int ENVELOPE_TRIES = 200;
    private static final int FIELD_TRIES = 120;
    private static final Set<String> STRUCTURAL = Set.of("/seed", "/model", "/remedies/minibatchDiscrimination",
            "/remedies/packing");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(4, ServerLimits.DEFAULTS.withRate(100_000, 100_000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject assertError(JsonObject m, String what) {
        assertThat(m.getString("type")).as("reply to %s: %s", BadInputs.abbreviate(what), m.encode())
                .isEqualTo("error");
        JsonObject p = m.getJsonObject("payload");
        assertThat(p.getString("code")).isNotBlank();
        assertThat(p.getString("message")).isNotBlank();
        BadInputs.assertLeaksNothing(m.encode());
        return p;
    }

    @Test
    @DisplayName("Malformed envelopes and bodies: one error each, nothing leaked, the socket stays open")
    void malformedMessages() {
        Random rnd = new Random(7);
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            int runsBefore = c.awaitReply(c.send("list_runs", null, null)).getJsonObject("payload")
                    .getJsonArray("runs").size();
            for (int i = 0; i < ENVELOPE_TRIES; i++) {
                String id = "m" + i;
                String text = switch (rnd.nextInt(6)) {
                    case 0 -> BadInputs.malformedBody(rnd); // not an envelope at all (or not JSON)
                    case 1 -> "{\"type\":\"validate_config\",\"id\":\"" + id + "\",\"payload\":"
                            + BadInputs.malformedBody(rnd) + "}";
                    case 2 -> "{\"type\":" + BadInputs.pick(rnd, "1", "null", "[]", "\"\"", "\"fly\"",
                            "\"" + "t".repeat(100) + "\"") + ",\"id\":\"" + id + "\"}";
                    case 3 -> "{\"type\":\"" + BadInputs.pick(rnd, "start", "step", "subscribe", "update_config")
                            + "\",\"id\":\"" + id + "\",\"runId\":" + BadInputs.pick(rnd, "1", "\"r0\"",
                            "\"../../etc/passwd\"", "\"r000000000000\"", "\"" + "r".repeat(1000) + "\"") + "}";
                    case 4 -> "{\"type\":\"list_runs\",\"id\":\"" + id + "\",\"" + BadInputs.pick(rnd, "colour",
                            "ID", "Type", "payload2") + "\":" + BadInputs.randomJson(rnd, 2) + "}";
                    default -> "{\"type\":\"list_runs\",\"id\":\"" + id + "\",\"payload\":"
                            + BadInputs.randomJson(rnd, 3) + "}";
                };
                c.sendRaw(text);
                // The reply carries our id when the envelope was readable up to it; otherwise none.
                JsonObject reply = c.await(m -> id.equals(m.getString("id"))
                        || ("error".equals(m.getString("type")) && m.getString("id") == null), "reply to " + i);
                if (text.contains("list_runs") && "runs".equals(reply.getString("type"))
                        || "config_valid".equals(reply.getString("type"))) {
                    continue; // the generator happened to produce a valid message (an empty payload, a valid body)
                }
                assertError(reply, text);
            }
            assertThat(c.ws.isClosed()).isFalse();
            int runsAfter = c.awaitReply(c.send("list_runs", null, null)).getJsonObject("payload")
                    .getJsonArray("runs").size();
            assertThat(runsAfter).isEqualTo(runsBefore);
        }
    }

    @Test
    @DisplayName("Live changes of each hyperparameter inside, on and outside its bounds: ack, or an error naming it")
    void liveChangesWithinBounds() {
        Random rnd = new Random(11);
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            String runId = c.awaitReply(c.send("create_run", null, new JsonObject())).getString("runId");
            for (int i = 0; i < FIELD_TRIES; i++) {
                BadInputs.Field f = BadInputs.FIELDS.get(rnd.nextInt(BadInputs.FIELDS.size()));
                String value = BadInputs.value(f, rnd);
                boolean rebuild = STRUCTURAL.stream().anyMatch(f.pointer()::startsWith);
                String id = "u" + i;
                String text = "{\"type\":\"update_config\",\"id\":\"" + id + "\",\"runId\":\"" + runId
                        + "\",\"payload\":{\"patch\":" + f.overrides(value) + ",\"rebuild\":" + rebuild + "}}";
                c.sendRaw(text);
                JsonObject reply = c.awaitReply(id);
                if (BadInputs.valid(f, value)) {
                    assertThat(reply.getString("type")).as("%s = %s: %s", f.pointer(), value, reply.encode())
                            .isEqualTo("ack");
                } else {
                    JsonObject p = assertError(reply, text);
                    assertThat(p.getString("field")).as("%s = %s: %s", f.pointer(), value, reply.encode())
                            .isEqualTo(f.pointer());
                }
            }
            // Open, answering, and the run took no invalid value: its state is still a valid config.
            assertThat(c.awaitReply(c.send("list_runs", null, null)).getString("type")).isEqualTo("runs");
            c.send("stop", runId, null);
            c.awaitState(runId, "stopped");
        }
    }
}
