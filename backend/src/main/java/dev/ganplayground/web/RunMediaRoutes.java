package dev.ganplayground.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What a run has produced, over REST (docs/protocol.md section 2): an image run's timeline, its frames' PNGs, the
 * newest grid, the timeline as an animated GIF, and any run's metrics as CSV. Ids are checked against their exact
 * shapes before anything is asked of the runs side, so no path or id can reach further than one run's data.
 */
final class RunMediaRoutes {
    private static final Pattern FRAME = Pattern.compile("[0-9]{1,12}");
    private final RunsClient runs;

    RunMediaRoutes(RunsClient runs) {
        this.runs = runs;
    }

    void mount(Router router) {
        router.get("/api/runs/:id/timeline").handler(ctx -> withRun(ctx, id ->
                runs.control(id, new JsonObject().put("op", "timeline"))
                        .onSuccess(t -> Problems.json(ctx, 200, t.encode()))
                        .onFailure(e -> Problems.send(ctx, RunsClient.ApiException.of(e)))));
        router.get("/api/runs/:id/timeline/:frame/:part").handler(this::timelineImage);
        router.get("/api/runs/:id/grid.png").handler(ctx -> withRun(ctx, id -> binary(ctx, "image/png", null,
                runs.bytes(id, new JsonObject().put("op", "grid")))));
        router.get("/api/runs/:id/timeline.gif").handler(ctx -> withRun(ctx, id -> binary(ctx, "image/gif",
                id + "-timeline.gif", runs.bytes(id, new JsonObject().put("op", "gif")))));
        router.get("/api/runs/:id/metrics.csv").handler(this::csv);
    }

    private void timelineImage(RoutingContext ctx) {
        String frame = ctx.pathParam("frame");
        String part = ctx.pathParam("part");
        if (!FRAME.matcher(frame).matches() || !(part.equals("grid.png") || part.equals("walk.png"))) {
            Problems.send(ctx, ApiError.of("not_found", 404, "no such resource: " + ctx.request().path()));
            return;
        }
        withRun(ctx, id -> binary(ctx, "image/png", null, runs.bytes(id, new JsonObject().put("op", "timeline_image")
                .put("frame", Long.parseLong(frame)).put("part", part.equals("walk.png") ? "walk" : "grid"))));
    }

    private void csv(RoutingContext ctx) {
        String group = ctx.queryParams().get("group") == null ? "train" : ctx.queryParams().get("group");
        if (!group.equals("train") && !group.equals("eval")) {
            Problems.send(ctx, new ApiError("invalid_message", 400, "group must be 'train' or 'eval', found '"
                    + group + "'", "group", new JsonArray()));
            return;
        }
        withRun(ctx, id -> runs.text(id, new JsonObject().put("op", "csv").put("group", group))
                .onSuccess(text -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + id + "-" + group + ".csv\"")
                        .end(text))
                .onFailure(e -> Problems.send(ctx, RunsClient.ApiException.of(e))));
    }

    private static void withRun(RoutingContext ctx, Consumer<String> action) {
        String runId = ctx.pathParam("id");
        if (!ApiHandler.isRunId(runId)) {
            Problems.send(ctx, ApiError.unknownRun(runId));
            return;
        }
        action.accept(runId);
    }

    /** Frame numbers restart when a run is reset, so nothing here may be cached under its URL. */
    private static void binary(RoutingContext ctx, String type, String attachment, Future<Buffer> bytes) {
        bytes.onSuccess(b -> {
            ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "no-cache");
            if (attachment != null) {
                ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + attachment + "\"");
            }
            ctx.response().end(b);
        }).onFailure(e -> Problems.send(ctx, RunsClient.ApiException.of(e)));
    }
}
