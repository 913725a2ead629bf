package dev.ganplayground.run;

import dev.ganplayground.samples.Timeline;
import dev.ganplayground.samples.TimelineGif;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * The read-only control ops that hand out what a run has produced: an image run's timeline (the list, one frame's
 * grid or walk PNG, the newest grid, the whole timeline as an animated GIF) and any run's metrics as CSV or JSON
 * Lines. Small lookups answer on the event loop; the GIF and the metrics text are built on a worker thread.
 *
 * <p>Ops: {@code timeline} -> {capacity, frames: [{frame, step}]}; {@code timeline_image} {frame, part: grid |
 * walk} -> PNG bytes; {@code grid} -> the newest grid PNG; {@code gif} -> GIF bytes; {@code csv} and
 * {@code jsonl} {group} -> text.
 */
final class RunExports {
    private final Vertx vertx;

    RunExports(Vertx vertx) {
        this.vertx = vertx;
    }

    /** True when {@code op} is one of these and has been answered. */
    boolean handle(Run run, String op, Message<JsonObject> m) {
        switch (op) {
            case "timeline" -> timeline(run, m).ifPresent(t -> {
                JsonArray frames = new JsonArray();
                t.list().forEach(e -> frames.add(new JsonObject().put("frame", e.frameNumber()).put("step", e.step())));
                m.reply(new JsonObject().put("capacity", t.capacity()).put("frames", frames));
            });
            case "timeline_image" -> timeline(run, m).ifPresent(t -> {
                long frame = m.body().getLong("frame", -1L);
                boolean walk = "walk".equals(m.body().getString("part"));
                t.get(frame).ifPresentOrElse(f -> m.reply(Buffer.buffer(walk ? f.walkPng() : f.gridPng())),
                        () -> RunsVerticle.fail(m, ControlError.NOT_FOUND, "frame " + frame + " of run " + run.id()
                                + " is not in its timeline (it may have been thinned out)", List.of()));
            });
            case "grid" -> timeline(run, m).ifPresent(t -> t.latest().ifPresentOrElse(
                    f -> m.reply(Buffer.buffer(f.gridPng())),
                    () -> RunsVerticle.fail(m, ControlError.NOT_FOUND, "run " + run.id() + " has no frame yet",
                            List.of())));
            case "gif" -> timeline(run, m).ifPresent(t -> {
                List<Timeline.Frame> frames = t.frames();
                if (frames.isEmpty()) {
                    RunsVerticle.fail(m, ControlError.NOT_FOUND, "run " + run.id() + " has no frame yet", List.of());
                    return;
                }
                vertx.executeBlocking(() -> Buffer.buffer(TimelineGif.write(frames)), false)
                        .onSuccess(m::reply)
                        .onFailure(e -> RunsVerticle.fail(m, ControlError.INTERNAL, "GIF export failed: "
                                + e.getMessage(), List.of()));
            });
            case "csv", "jsonl" -> {
                String group = m.body().getString("group", Run.TRAIN);
                if (!group.equals(Run.TRAIN) && !group.equals(Run.EVAL)) {
                    RunsVerticle.fail(m, ControlError.INVALID_MESSAGE, "group must be 'train' or 'eval', found '"
                            + group + "'", List.of());
                    return true;
                }
                boolean csv = op.equals("csv");
                vertx.executeBlocking(() -> csv ? run.metricsCsv(group) : run.metricsJsonl(group), false)
                        .onSuccess(m::reply)
                        .onFailure(e -> RunsVerticle.fail(m, ControlError.INTERNAL, (csv ? "CSV" : "JSONL")
                                + " export failed: " + e.getMessage(), List.of()));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The run's timeline, or a 404 reply when it is a 2D run (or its engine is still loading). */
    private static Optional<Timeline> timeline(Run run, Message<JsonObject> m) {
        Timeline t = run.timeline();
        if (t == null) {
            RunsVerticle.fail(m, ControlError.NOT_FOUND, "run " + run.id() + " has no image timeline"
                    + (run.config().isImageRun() ? " yet (it is still loading)"
                    : run.config().isAutoencoderRun() ? " (autoencoder runs keep none)" : " (it is a 2D run)"), List.of());
        }
        return Optional.ofNullable(t);
    }
}
