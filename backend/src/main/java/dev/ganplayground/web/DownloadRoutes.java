package dev.ganplayground.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Downloads by run id (docs/protocol.md section 2): the newest checkpoint ({@code GET /api/runs/{id}/checkpoint})
 * and the metric history as JSON Lines ({@code GET /api/runs/{id}/metrics.jsonl?group=train|eval}). The id must
 * be a run id exactly (no dots, slashes, encodings, NUL, nor anything longer); anything else is a 404 problem that
 * does not echo it. The runs side finds the file from the id alone, so no request can name a path.
 */
final class DownloadRoutes {
    private final RunsClient runs;

    DownloadRoutes(RunsClient runs) {
        this.runs = runs;
    }

    void mount(Router router) {
        router.get("/api/runs/:id/checkpoint").handler(this::checkpoint);
        router.get("/api/runs/:id/metrics.jsonl").handler(this::jsonl);
    }

    private void checkpoint(RoutingContext ctx) {
        String id = runId(ctx);
        if (id == null) {
            return;
        }
        runs.bytes(id, new JsonObject().put("op", "checkpoint"))
                .onSuccess(b -> attachment(ctx, "application/octet-stream", id + ".gpc").end(b))
                .onFailure(e -> Problems.send(ctx, RunsClient.ApiException.of(e)));
    }

    private void jsonl(RoutingContext ctx) {
        String group = ctx.queryParams().get("group") == null ? "train" : ctx.queryParams().get("group");
        if (!group.equals("train") && !group.equals("eval")) {
            Problems.send(ctx, new ApiError("invalid_message", 400, "group must be 'train' or 'eval'", "group",
                    new JsonArray()));
            return;
        }
        String id = runId(ctx);
        if (id == null) {
            return;
        }
        runs.text(id, new JsonObject().put("op", "jsonl").put("group", group))
                .onSuccess(text -> attachment(ctx, "application/x-ndjson; charset=utf-8", id + "-" + group
                        + ".jsonl").end(text))
                .onFailure(e -> Problems.send(ctx, RunsClient.ApiException.of(e)));
    }

    /** The path's run id, or null after answering 404. */
    private static String runId(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!ApiHandler.isRunId(id)) {
            Problems.send(ctx, ApiError.of("unknown_run", 404, "no such run"));
            return null;
        }
        return id;
    }

    private static HttpServerResponse attachment(RoutingContext ctx, String type, String name) {
        return ctx.response().putHeader("Content-Type", type).putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
