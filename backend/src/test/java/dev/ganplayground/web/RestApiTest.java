package dev.ganplayground.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** REST resources and every class of bad input, against a real server on port 0. */
class RestApiTest extends ServerTestBase {
    private static WebClient http;

    @BeforeAll
    static void client() {
        http = WebClient.create(server.vertx);
    }

    @AfterAll
    static void closeClient() {
        http.close();
    }

    private static HttpResponse<Buffer> get(String path) {
        return http.getAbs(server.url(path)).send().await();
    }

    private static HttpResponse<Buffer> post(String path, String body) {
        return http.postAbs(server.url(path)).putHeader("Authorization", TestServer.AUTH).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body)).await();
    }

    @Test
    @DisplayName("Health, presets and the page are served")
    void servesBasics() {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        HttpResponse<Buffer> presets = get("/api/presets");
        assertThat(presets.statusCode()).isEqualTo(200);
        JsonArray list = presets.bodyAsJsonArray();
        assertThat(list).hasSizeGreaterThanOrEqualTo(5);
        assertThat(list.getJsonObject(0).getString("id")).isEqualTo("ring8");
        assertThat(list.getJsonObject(0).getJsonObject("config").getJsonObject("train").getInteger("batchSize"))
                .isEqualTo(256);
        assertThat(get("/api/presets/grid25").bodyAsJsonObject().getString("name")).contains("25");
        assertThat(get("/").bodyAsString()).contains("<html");
        assertThat(get("/webjars/uplot/1.6.30/dist/uPlot.esm.js").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("A run is created, listed, read and deleted")
    void runLifecycle() {
        HttpResponse<Buffer> created = post("/api/runs", "{\"preset\":\"spiral\",\"overrides\":{\"seed\":3}}");
        assertThat(created.statusCode()).isEqualTo(201);
        String runId = created.bodyAsJsonObject().getString("runId");
        assertThat(created.getHeader("Location")).isEqualTo("/api/runs/" + runId);
        assertThat(created.bodyAsJsonObject().getJsonObject("config").getLong("seed")).isEqualTo(3);
        assertThat(get("/api/runs").bodyAsJsonArray().stream().map(o -> ((JsonObject) o).getString("runId")))
                .contains(runId);
        JsonObject run = get("/api/runs/" + runId).bodyAsJsonObject();
        assertThat(run.getString("preset")).isEqualTo("spiral");
        assertThat(http.deleteAbs(server.url("/api/runs/" + runId)).putHeader("Authorization", TestServer.AUTH).send().await().statusCode()).isEqualTo(204);
        assertProblem(get("/api/runs/" + runId), 404, "unknown_run", null);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Bad bodies get 4xx problem+json naming the field, and no run is created")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"preset\":|400|invalid_message|",
            "NaN literal|{\"overrides\":{\"train\":{\"optimizerD\":{\"lr\":NaN}}}}|400|invalid_message|",
            "not an object|[1,2]|400|invalid_message|",
            "unknown body field|{\"preset\":\"ring8\",\"color\":1}|400|invalid_message|/color",
            "preset of wrong type|{\"preset\":5}|400|invalid_message|/preset",
            "unknown preset|{\"preset\":\"nope\"}|404|unknown_preset|/preset",
            "unknown config field|{\"overrides\":{\"train\":{\"learningRate\":1}}}|422|invalid_config|/train/learningRate",
            "wrong type|{\"overrides\":{\"train\":{\"batchSize\":\"big\"}}}|422|invalid_config|/train/batchSize",
            "negative size|{\"overrides\":{\"model\":{\"gHidden\":[-5]}}}|422|invalid_config|/model/gHidden/0",
            "batch 10^9|{\"overrides\":{\"train\":{\"batchSize\":1000000000}}}|422|invalid_config|/train/batchSize",
            "latent 10^7|{\"overrides\":{\"model\":{\"latentDim\":10000000}}}|422|invalid_config|/model/latentDim",
            "1e400|{\"overrides\":{\"train\":{\"optimizerG\":{\"lr\":1e400}}}}|422|invalid_config|/train/optimizerG/lr",
            "Infinity as string|{\"overrides\":{\"train\":{\"optimizerG\":{\"lr\":\"Infinity\"}}}}|422|invalid_config|/train/optimizerG/lr",
            "unknown autoencoder field|{\"preset\":\"shapes-vae\",\"overrides\":{\"model\":{\"autoencoder\":{\"depth\":3}}}}|422|invalid_config|/model/autoencoder/depth",
            "rho out of range|{\"preset\":\"shapes-vae\",\"overrides\":{\"train\":{\"autoencoder\":{\"sparsityTarget\":1.5}}}}|422|invalid_config|/train/autoencoder/sparsityTarget",
            "rho zero|{\"preset\":\"mnist-sparse\",\"overrides\":{\"train\":{\"autoencoder\":{\"sparsityTarget\":0}}}}|422|invalid_config|/train/autoencoder/sparsityTarget",
            "conv on the cloud|{\"preset\":\"plane3d-linear\",\"overrides\":{\"model\":{\"autoencoder\":{\"kind\":\"conv\"}}}}|422|invalid_config|/model/autoencoder/kind",
            "pretraining on the cloud|{\"preset\":\"plane3d-linear\",\"overrides\":{\"model\":{\"autoencoder\":{\"experiment\":\"pretraining\"}}}}|422|invalid_config|/model/autoencoder/experiment",
    })
    void rejectsBadBodies(String name, String body, int status, String code, String field) {
        int before = get("/api/runs").bodyAsJsonArray().size();
        assertProblem(post("/api/runs", body), status, code, field);
        assertThat(get("/api/runs").bodyAsJsonArray()).hasSize(before);
    }

    @Test
    @DisplayName("Unknown and hostile run ids are 404, oversized bodies 413, unknown API paths 404")
    void unknownIdsAndLimits() {
        assertProblem(get("/api/runs/r000000000000"), 404, "unknown_run", null);
        assertProblem(get("/api/runs/..%2F..%2Fetc"), 404, "unknown_run", null);
        assertProblem(http.deleteAbs(server.url("/api/runs/nope")).putHeader("Authorization", TestServer.AUTH).send().await(), 404, "unknown_run", null);
        assertProblem(post("/api/runs", "{\"preset\":\"" + "x".repeat(300_000) + "\"}"), 413, "too_large", null);
        assertProblem(get("/api/nothing"), 404, "not_found", null);
    }

    static void assertProblem(HttpResponse<Buffer> r, int status, String code, String field) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
        JsonObject p = r.bodyAsJsonObject();
        assertThat(p.getInteger("status")).isEqualTo(status);
        assertThat(p.getString("code")).isEqualTo(code);
        assertThat(p.getString("detail")).isNotBlank().doesNotContain("Exception").doesNotContain("at dev.");
        if (field != null) {
            assertThat(p.getString("field")).isEqualTo(field);
            assertThat(p.getString("detail")).contains(field);
        }
    }
}
