package dev.ganplayground.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.ConfigException;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.JsonErrors;
import dev.ganplayground.config.PairDefinition;
import dev.ganplayground.config.Preset;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.regex.Pattern;

/**
 * REST under /api (docs/protocol.md section 2). Validation happens here, before anything is allocated. Requests
 * that create or change runs need a token ({@code Authorization: Bearer}); they are checked in the order body,
 * token (401), then the runs side's ownership (403) and caps (429).
 */
final class ApiHandler {
    static final int MAX_BODY = 256 * 1024;
    private static final Pattern RUN_ID = Pattern.compile("r[0-9a-f]{12}");

    private final Presets presets;
    private final RunsClient runs;
    private final Pairs pairs;
    private final AccessTokens tokens;

    ApiHandler(Presets presets, RunsClient runs, AccessTokens tokens) {
        this.presets = presets;
        this.runs = runs;
        this.tokens = tokens;
        this.pairs = new Pairs(presets, runs);
    }

    void mount(Router router) {
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        router.post("/api/identity").handler(ctx -> {
            ctx.response().putHeader("Cache-Control", "no-store");
            Problems.json(ctx, 201, new JsonObject().put("token", tokens.issue()).encode());
        });
        router.get("/api/presets").handler(this::listPresets);
        router.get("/api/datasets").handler(ctx -> runs.datasets()
                .onSuccess(d -> Problems.json(ctx, 200, d.encode()))
                .onFailure(e -> Problems.send(ctx, RunsClient.ApiException.of(e))));
        router.get("/api/presets/:id").handler(this::getPreset);
        router.post("/api/runs").handler(this::createRun);
        router.get("/api/runs").handler(this::listRuns);
        router.get("/api/runs/:id").handler(this::getRun);
        router.delete("/api/runs/:id").handler(this::deleteRun);
        router.get("/api/pairs").handler(this::listPairs);
        router.post("/api/pairs").handler(this::createPair);
        new RunMediaRoutes(runs).mount(router);
        new DownloadRoutes(runs).mount(router);
        router.route("/api/*").handler(ctx -> Problems.send(ctx, ApiError.of("not_found", 404,
                "no such resource: " + ctx.request().method() + " " + ctx.request().path())));
    }

    private void listPresets(RoutingContext ctx) {
        JsonArray a = new JsonArray();
        presets.all().forEach(p -> a.add(presetJson(p)));
        Problems.json(ctx, 200, a.encode());
    }

    private void getPreset(RoutingContext ctx) {
        presets.find(ctx.pathParam("id")).ifPresentOrElse(
                p -> Problems.json(ctx, 200, presetJson(p).encode()),
                () -> Problems.send(ctx, ApiError.of("unknown_preset", 404,
                        "no preset '" + ctx.pathParam("id") + "'")));
    }

    JsonObject presetJson(Preset p) {
        RunConfig config = presets.resolve(p.id(), null);
        return new JsonObject().put("id", p.id()).put("name", p.name()).put("explanation", p.explanation())
                .put("config", new JsonObject(Json.MAPPER.valueToTree(config).toString()));
    }

    private void listPairs(RoutingContext ctx) {
        JsonArray a = new JsonArray();
        presets.pairs().forEach(p -> a.add(Pairs.toJson(p)));
        Problems.json(ctx, 200, a.encode());
    }

    private void createPair(RoutingContext ctx) {
        JsonNode body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        PairDefinition pair;
        try {
            pair = pairs.resolve(PairRequest.parse(body));
        } catch (RequestException e) {
            Problems.send(ctx, e.error());
            return;
        } catch (ConfigException e) {
            Problems.send(ctx, ApiError.from(e));
            return;
        }
        Caller caller = requireToken(ctx);
        if (caller == null) {
            return;
        }
        pairs.create(pair, caller.user()).onComplete(ar -> {
            if (ar.succeeded()) {
                Problems.json(ctx, 201, ar.result().encode());
            } else {
                Problems.send(ctx, RunsClient.ApiException.of(ar.cause()));
            }
        });
    }

    /** The body as a JSON tree, or null after answering 400 (an empty body is a JSON null). */
    private static JsonNode jsonBody(RoutingContext ctx) {
        try {
            String text = ctx.body().buffer() == null ? "" : ctx.body().asString();
            return text.isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(text);
        } catch (Exception e) {
            Problems.send(ctx, ApiError.invalidMessage("body is not valid JSON: " + JsonErrors.describe(e)));
            return null;
        }
    }

    private void createRun(RoutingContext ctx) {
        JsonNode body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        CreateRequest request;
        try {
            request = CreateRequest.parse(body);
        } catch (RequestException e) {
            Problems.send(ctx, e.error());
            return;
        }
        RunConfig config;
        try {
            config = presets.resolve(request.preset(), request.overrides());
        } catch (ConfigException e) {
            Problems.send(ctx, ApiError.from(e));
            return;
        }
        String preset = request.preset() == null ? presets.defaultId() : request.preset();
        Caller caller = requireToken(ctx);
        if (caller == null) {
            return;
        }
        runs.create(preset, config, caller.user()).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.response().putHeader("Location", "/api/runs/" + ar.result().getString("runId"));
                Problems.json(ctx, 201, caller.present(ar.result()).encode());
            } else {
                Problems.send(ctx, RunsClient.ApiException.of(ar.cause()));
            }
        });
    }

    private void listRuns(RoutingContext ctx) {
        Caller caller = callerOrAnonymous(ctx);
        runs.list().onComplete(ar -> {
            if (ar.succeeded()) {
                Problems.json(ctx, 200, caller.present(ar.result()).encode());
            } else {
                Problems.send(ctx, RunsClient.ApiException.of(ar.cause()));
            }
        });
    }

    private void getRun(RoutingContext ctx) {
        String runId = ctx.pathParam("id");
        if (!RUN_ID.matcher(runId).matches()) {
            Problems.send(ctx, ApiError.unknownRun(runId));
            return;
        }
        runs.control(runId, new JsonObject().put("op", "snapshot").put("fromStep", Long.MAX_VALUE))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        JsonObject s = ar.result();
                        s.remove("train");
                        s.remove("eval");
                        s.remove("eventNo");
                        s.put("role", callerOrAnonymous(ctx).role((String) s.remove("owner")));
                        Problems.json(ctx, 200, s.encode());
                    } else {
                        Problems.send(ctx, RunsClient.ApiException.of(ar.cause()));
                    }
                });
    }

    private void deleteRun(RoutingContext ctx) {
        String runId = ctx.pathParam("id");
        if (!RUN_ID.matcher(runId).matches()) {
            Problems.send(ctx, ApiError.unknownRun(runId));
            return;
        }
        Caller caller = requireToken(ctx);
        if (caller == null) {
            return;
        }
        runs.delete(runId, caller).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.response().setStatusCode(204).end();
            } else {
                Problems.send(ctx, RunsClient.ApiException.of(ar.cause()));
            }
        });
    }

    /** The caller, or null after answering 401 (no token, or a malformed one). */
    private Caller requireToken(RoutingContext ctx) {
        try {
            Caller c = tokens.identify(ctx.request().headers());
            if (c.hasToken()) {
                return c;
            }
        } catch (AccessTokens.InvalidTokenException e) {
            // same answer as no token: the message says how to get one
        }
        Problems.send(ctx, ApiError.unauthorized());
        return null;
    }

    /** For reads: who asks, anonymous when the token is missing or malformed (reading needs none). */
    private Caller callerOrAnonymous(RoutingContext ctx) {
        try {
            return tokens.identify(ctx.request().headers());
        } catch (AccessTokens.InvalidTokenException e) {
            return Caller.ANONYMOUS;
        }
    }

    static boolean isRunId(String s) {
        return s != null && RUN_ID.matcher(s).matches();
    }
}
