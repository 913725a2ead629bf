package dev.ganplayground.web;

import dev.ganplayground.config.AppConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People and access, with real WebSocket clients of different users (different tokens) against one server:
 * the owner controls, a viewer and an anonymous socket are refused with a clear error and the run is untouched,
 * the admin token stops anyone's run, tokens are random and never echoed (shared/RELIABILITY.md 7, B1-B3).
 */
class AccessControlTest {
    private static final String ADMIN = "admin-token-for-the-tests-0123456789";
    private static TestServer server;
    private static WebClient http;

    @BeforeAll
    static void up() {
        AppConfig app = new AppConfig("127.0.0.1", 0, 8, TestServer.freshRunsDir());
        server = new TestServer(app, TestServer.generous(app).withAdminToken(ADMIN));
        http = server.http();
    }

    @AfterAll
    static void down() {
        server.close();
    }

    @Test
    @DisplayName("The owner controls its run; a viewer's and an anonymous socket's control messages are refused,"
            + " the sockets stay open and the run is untouched")
    void viewerIsReadOnly() {
        try (WsTestClient owner = new WsTestClient(server.vertx, server.port);
             WsTestClient viewer = new WsTestClient(server.vertx, server.port);
             WsTestClient anonymous = new WsTestClient(server.vertx, server.port, null, null)) {
            assertThat(owner.awaitType("hello").getJsonObject("payload").getJsonObject("identity")
                    .getBoolean("token")).isTrue();
            viewer.awaitType("hello");
            assertThat(anonymous.awaitType("hello").getJsonObject("payload").getJsonObject("identity")
                    .getBoolean("token")).isFalse();
            String runId = owner.awaitReply(owner.send("create_run", null, new JsonObject())).getString("runId");
            assertThat(role(owner, runId)).isEqualTo("owner");
            owner.send("step", runId, new JsonObject().put("phase", "both").put("count", 2));
            owner.await(m -> WsTestClient.isState(m, runId, "paused") && m.getJsonObject("payload").getLong("step") == 2,
                    "paused at step 2");
            JsonObject before = getRun(runId, null);

            viewer.send("subscribe", runId, new JsonObject());
            assertThat(role(viewer, runId)).isEqualTo("viewer");
            viewer.awaitState(runId, "paused");
            anonymous.send("subscribe", runId, new JsonObject());
            assertThat(role(anonymous, runId)).isEqualTo("viewer");

            for (JsonObject control : controls()) {
                String type = control.getString("type");
                JsonObject refused = viewer.awaitReply(viewer.send(type, runId, control.getJsonObject("payload")));
                assertThat(refused.getString("type")).as(type).isEqualTo("error");
                assertThat(refused.getJsonObject("payload").getString("code")).as(type).isEqualTo("forbidden");
                assertThat(refused.getJsonObject("payload").getString("message")).contains("read-only");
                JsonObject anon = anonymous.awaitReply(anonymous.send(type, runId, control.getJsonObject("payload")));
                assertThat(anon.getJsonObject("payload").getString("code")).as(type).isEqualTo("unauthorized");
            }
            JsonObject noCreate = anonymous.awaitReply(anonymous.send("create_run", null, new JsonObject()));
            assertThat(noCreate.getJsonObject("payload").getString("code")).isEqualTo("unauthorized");
            assertThat(viewer.ws.isClosed()).isFalse();
            assertThat(anonymous.ws.isClosed()).isFalse();

            JsonObject after = getRun(runId, null);
            assertThat(after.getString("state")).isEqualTo("paused");
            assertThat(after.getLong("step")).isEqualTo(2);
            assertThat(after.getJsonObject("config")).isEqualTo(before.getJsonObject("config"));

            // The viewer still watches: the owner's next step reaches it.
            owner.send("step", runId, new JsonObject().put("phase", "both"));
            viewer.await(m -> "metrics".equals(m.getString("type")) && runId.equals(m.getString("runId"))
                    && m.getJsonObject("payload").getJsonObject("columns").getJsonArray("step").contains(3),
                    "step 3 seen by the viewer");
            owner.send("stop", runId, null);
            viewer.awaitState(runId, "stopped");
        }
    }

    @Test
    @DisplayName("REST: deleting someone else's run is 403, without a token 401 with WWW-Authenticate; the run stays;"
            + " the owner deletes it")
    void restMutationsNeedTheOwner() {
        String owner = TestServer.newToken();
        HttpResponse<Buffer> created = http.postAbs(server.url("/api/runs")).putHeader("Authorization",
                "Bearer " + owner).sendJsonObject(new JsonObject().put("preset", "ring8")).await();
        assertThat(created.statusCode()).isEqualTo(201);
        String runId = created.bodyAsJsonObject().getString("runId");
        assertThat(created.bodyAsJsonObject().getBoolean("mine")).isTrue();
        assertThat(created.bodyAsJsonObject().containsKey("owner")).isFalse();

        String other = TestServer.newToken();
        HttpResponse<Buffer> forbidden = http.deleteAbs(server.url("/api/runs/" + runId))
                .putHeader("Authorization", "Bearer " + other).send().await();
        RestApiTest.assertProblem(forbidden, 403, "forbidden", null);
        HttpResponse<Buffer> anonymous = http.deleteAbs(server.url("/api/runs/" + runId)).send().await();
        RestApiTest.assertProblem(anonymous, 401, "unauthorized", null);
        assertThat(anonymous.getHeader("WWW-Authenticate")).startsWith("Bearer");
        HttpResponse<Buffer> malformed = http.postAbs(server.url("/api/runs"))
                .putHeader("Authorization", "Bearer not-a-token").sendJsonObject(new JsonObject()).await();
        RestApiTest.assertProblem(malformed, 401, "unauthorized", null);
        for (HttpResponse<Buffer> r : List.of(forbidden, anonymous, malformed)) {
            assertThat(r.bodyAsString()).doesNotContain(owner).doesNotContain(other).doesNotContain("not-a-token");
        }

        assertThat(getRun(runId, other).getString("role")).isEqualTo("viewer");
        assertThat(getRun(runId, owner).getString("role")).isEqualTo("owner");
        assertThat(getRun(runId, other).getString("state")).isEqualTo("created");
        assertThat(http.getAbs(server.url("/api/runs")).putHeader("Authorization", "Bearer " + other).send()
                .await().bodyAsJsonArray().stream().map(o -> (JsonObject) o)
                .filter(r -> runId.equals(r.getString("runId"))).findFirst().orElseThrow().getBoolean("mine"))
                .isFalse();
        assertThat(http.deleteAbs(server.url("/api/runs/" + runId)).putHeader("Authorization", "Bearer " + owner)
                .send().await().statusCode()).isEqualTo(204);
    }

    @Test
    @DisplayName("The admin token stops anyone's run over the WebSocket and deletes it over REST")
    void adminControlsEveryRun() {
        try (WsTestClient owner = new WsTestClient(server.vertx, server.port);
             WsTestClient admin = new WsTestClient(server.vertx, server.port, ADMIN, null)) {
            owner.awaitType("hello");
            assertThat(admin.awaitType("hello").getJsonObject("payload").getJsonObject("identity")
                    .getBoolean("admin")).isTrue();
            String runId = owner.awaitReply(owner.send("create_run", null, new JsonObject())).getString("runId");
            owner.awaitReply(owner.send("start", runId, null));
            owner.awaitState(runId, "running");
            admin.send("subscribe", runId, new JsonObject());
            assertThat(role(admin, runId)).isEqualTo("admin");
            assertThat(admin.awaitReply(admin.send("stop", runId, null)).getString("type")).isEqualTo("ack");
            owner.awaitState(runId, "stopped");

            String second = owner.awaitReply(owner.send("create_run", null, new JsonObject())).getString("runId");
            assertThat(http.deleteAbs(server.url("/api/runs/" + second)).putHeader("Authorization", "Bearer " + ADMIN)
                    .send().await().statusCode()).isEqualTo(204);
            assertThat(getRun(second, null).getString("code")).isEqualTo("unknown_run");
        }
    }

    @Test
    @DisplayName("Tokens: 256 random bits, base64url, a new one per request, not cacheable; a malformed one is"
            + " refused at the handshake (401)")
    void tokensAreIssued() {
        HttpResponse<Buffer> a = http.postAbs(server.url("/api/identity")).send().await();
        HttpResponse<Buffer> b = http.postAbs(server.url("/api/identity")).send().await();
        assertThat(a.statusCode()).isEqualTo(201);
        assertThat(a.getHeader("Cache-Control")).isEqualTo("no-store");
        String ta = a.bodyAsJsonObject().getString("token");
        String tb = b.bodyAsJsonObject().getString("token");
        assertThat(ta).matches("[A-Za-z0-9_-]{43}");
        assertThat(tb).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(ta);
        assertThat(WsTestClient.handshake(server.vertx, server.port, ta, null)).isEqualTo(101);
        assertThat(WsTestClient.handshake(server.vertx, server.port, "short", null)).isEqualTo(401);
        assertThat(WsTestClient.handshake(server.vertx, server.port, null, null)).isEqualTo(101);
    }

    @Test
    @DisplayName("No token ever reaches the server log: not on a handshake, a refusal, a control or a REST call")
    void tokensNeverLogged() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        root.addAppender(log);
        String owner = TestServer.newToken();
        String viewer = TestServer.newToken();
        // A refused Origin is logged; the token offered with it must not be.
        assertThat(WsTestClient.handshake(server.vertx, server.port, viewer, "https://evil.example.com"))
                .isEqualTo(403);
        try (WsTestClient o = new WsTestClient(server.vertx, server.port, owner, null);
             WsTestClient v = new WsTestClient(server.vertx, server.port, viewer, null)) {
            o.awaitType("hello");
            v.awaitType("hello");
            String runId = o.awaitReply(o.send("create_run", null, new JsonObject())).getString("runId");
            v.awaitReply(v.send("stop", runId, null));
            o.awaitReply(o.send("stop", runId, null));
            WsTestClient.handshake(server.vertx, server.port, owner + "x", null);
            http.deleteAbs(server.url("/api/runs/" + runId)).putHeader("Authorization", "Bearer " + viewer).send()
                    .await();
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list).isNotEmpty();
        for (ch.qos.logback.classic.spi.ILoggingEvent e : log.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : e.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain(owner).doesNotContain(viewer);
        }
    }

    /** Every control message, with a valid payload. */
    private static List<JsonObject> controls() {
        return List.of(new JsonObject().put("type", "start"), new JsonObject().put("type", "pause"),
                new JsonObject().put("type", "step").put("payload", new JsonObject().put("phase", "d")),
                new JsonObject().put("type", "reset"), new JsonObject().put("type", "stop"),
                new JsonObject().put("type", "update_config").put("payload", new JsonObject().put("patch",
                        new JsonObject().put("train", new JsonObject().put("batchSize", 8)))));
    }

    private static String role(WsTestClient c, String runId) {
        return c.awaitAny(m -> "access".equals(m.getString("type")) && runId.equals(m.getString("runId")), "access")
                .getJsonObject("payload").getString("role");
    }

    private static JsonObject getRun(String runId, String token) {
        var request = http.getAbs(server.url("/api/runs/" + runId));
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        return request.send().await().bodyAsJsonObject();
    }
}
