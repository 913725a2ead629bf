package dev.ganplayground.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the REST API under bad input, from seeded generators ({@link BadInputs}): every malformed body and
 * every out-of-range or mistyped hyperparameter gets a 4xx application/problem+json that names the field, never a
 * 5xx, never a stack trace or path, and creates no run; every in-range value creates one.
 */
class RestBadInputPropertyTest extends ServerTestBase {
    private static final int MALFORMED_TRIES = 300;
    private static final int FIELD_TRIES = 200;
    private static HttpClient http;

    @BeforeAll
    static void client() {
        http = HttpClient.newHttpClient();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/json").header("Authorization", TestServer.AUTH);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int runCount() throws Exception {
        return new JsonArray(send("GET", "/api/runs", null).body()).size();
    }

    /** A 4xx problem+json whose status matches and which leaks nothing; returns it. */
    private static JsonObject assertProblem(HttpResponse<String> r, String request) {
        assertThat(r.statusCode()).as("status for %s: %s", BadInputs.abbreviate(request),
                BadInputs.abbreviate(r.body())).isBetween(400, 499);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject p = new JsonObject(r.body());
        assertThat(p.getInteger("status")).isEqualTo(r.statusCode());
        assertThat(p.getString("detail")).isNotBlank();
        BadInputs.assertLeaksNothing(r.body());
        return p;
    }

    @Test
    @DisplayName("Malformed, mistyped, huge or deep bodies: 4xx problem+json, nothing leaked, no run created")
    void malformedBodies() throws Exception {
        Random rnd = new Random(20261128);
        int before = runCount();
        for (int i = 0; i < MALFORMED_TRIES; i++) {
            String body = BadInputs.malformedBody(rnd);
            String path = rnd.nextInt(4) == 0 ? "/api/pairs" : "/api/runs";
            HttpResponse<String> r = send("POST", path, body);
            if (r.statusCode() == 201) { // a random override may happen to be valid: then it is a real run
                send("DELETE", "/api/runs/" + new JsonObject(r.body()).getString("runId"), null);
                continue;
            }
            assertProblem(r, body);
        }
        // Oversized: the body limit answers before any parsing.
        assertProblem(send("POST", "/api/runs", "{\"preset\":\"" + "y".repeat(300_000) + "\"}"), "300 KB");
        assertThat(runCount()).isEqualTo(before);
        assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("Each numeric hyperparameter inside, on and outside its bounds: 201, or 4xx naming exactly that field")
    void hyperparameterBounds() throws Exception {
        Random rnd = new Random(42);
        int before = runCount();
        for (int i = 0; i < FIELD_TRIES; i++) {
            BadInputs.Field f = BadInputs.FIELDS.get(rnd.nextInt(BadInputs.FIELDS.size()));
            String value = BadInputs.value(f, rnd);
            String body = "{\"preset\":\"ring8\",\"overrides\":" + f.overrides(value) + "}";
            HttpResponse<String> r = send("POST", "/api/runs", body);
            if (BadInputs.valid(f, value)) {
                assertThat(r.statusCode()).as("%s = %s: %s", f.pointer(), value, r.body()).isEqualTo(201);
                String runId = new JsonObject(r.body()).getString("runId");
                assertThat(send("DELETE", "/api/runs/" + runId, null).statusCode()).isEqualTo(204);
            } else {
                JsonObject p = assertProblem(r, body);
                assertThat(p.getString("field")).as("%s = %s: %s", f.pointer(), value, r.body())
                        .isEqualTo(f.pointer());
            }
        }
        assertThat(runCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("Sizes each in range but absurd together: 422 naming the costliest field, before any run exists")
    void absurdSizesRejectedBeforeAllocation() throws Exception {
        int before = runCount();
        String wide = "[1024,1024,1024,1024,1024,1024,1024,1024]";
        String body = "{\"preset\":\"ring8\",\"overrides\":{\"train\":{\"batchSize\":4096},"
                + "\"model\":{\"gHidden\":" + wide + ",\"dHidden\":" + wide + "}}}";
        HttpResponse<String> r = send("POST", "/api/runs", body);
        assertThat(r.statusCode()).isEqualTo(422);
        JsonObject p = assertProblem(r, body);
        assertThat(p.getString("field")).isEqualTo("/train/batchSize");
        assertThat(p.getString("detail")).contains("GAN_RUN_MEMORY_MB");
        assertThat(runCount()).isEqualTo(before);
    }
}
