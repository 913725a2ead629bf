package dev.ganplayground.web;

import dev.ganplayground.config.ConfigDiff;
import dev.ganplayground.config.ConfigException;
import dev.ganplayground.config.ConfigResolver;
import dev.ganplayground.config.FieldError;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.PairDefinition;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Creates A/B pairs: resolves both sides (a ready-made pair, or A plus a variant), checks they differ, then
 * creates the two runs over the event bus; if B cannot be created, A is deleted again so nothing is left half
 * made. Shared by REST and the WebSocket.
 */
final class Pairs {
    private final Presets presets;
    private final RunsClient runs;
    private final SecureRandom ids = new SecureRandom();

    Pairs(Presets presets, RunsClient runs) {
        this.presets = presets;
        this.runs = runs;
    }

    /** Resolves and validates the request (throws {@link ConfigException} or {@link RequestException}). */
    PairDefinition resolve(PairRequest r) throws RequestException {
        if (r.pair() != null) {
            return presets.findPair(r.pair()).orElseThrow(() -> new RequestException(
                    ApiError.of("unknown_pair", 404, "no pair '" + r.pair() + "'")));
        }
        String preset = r.preset() == null ? presets.defaultId() : r.preset();
        RunConfig a = presets.resolve(preset, r.overrides());
        RunConfig b;
        try {
            b = ConfigResolver.patch(a, r.variant());
        } catch (ConfigException e) {
            throw new ConfigException(e.errors().stream()
                    .map(f -> new FieldError("/variant" + f.pointer(), f.message())).toList());
        }
        List<String> differences = ConfigDiff.differences(a, b);
        if (differences.isEmpty()) {
            throw new ConfigException("/variant", "must change at least one setting of A");
        }
        return new PairDefinition(null, "A/B", "", new PairDefinition.Side("A", preset, a),
                new PairDefinition.Side("B: " + String.join(", ", differences), preset, b), differences);
    }

    /** Creates both runs; completes with the pair_created payload. */
    /** Creates both runs, owned by {@code owner}; when B cannot be created, A is deleted again. */
    Future<JsonObject> create(PairDefinition pair, String owner) {
        byte[] b = new byte[6];
        ids.nextBytes(b);
        String pairId = "p" + HexFormat.of().formatHex(b);
        return runs.create(pair.a().preset(), pair.a().config(), owner).compose(a -> runs.create(pair.b().preset(),
                        pair.b().config(), owner)
                .recover(t -> runs.delete(a.getString("runId"), new Caller(owner, false))
                        .transform(ignored -> Future.failedFuture(t)))
                .map(bRun -> new JsonObject().put("pairId", pairId)
                        .put("a", side(pair.a(), a.getString("runId")))
                        .put("b", side(pair.b(), bRun.getString("runId")))
                        .put("differences", new JsonArray(pair.differences()))));
    }

    /** A ready-made pair as hello and GET /api/pairs list it. */
    static JsonObject toJson(PairDefinition p) {
        return new JsonObject().put("id", p.id()).put("name", p.name()).put("explanation", p.explanation())
                .put("a", side(p.a(), null)).put("b", side(p.b(), null))
                .put("differences", new JsonArray(p.differences()));
    }

    private static JsonObject side(PairDefinition.Side side, String runId) {
        JsonObject s = new JsonObject();
        if (runId != null) {
            s.put("runId", runId);
        }
        return s.put("label", side.label()).put("preset", side.preset())
                .put("config", new JsonObject(Json.MAPPER.valueToTree(side.config()).toString()));
    }
}
