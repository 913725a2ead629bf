package dev.ganplayground.run;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.util.List;

/**
 * The checkpoint download by run id, answered from a worker thread (the file is verified and read off the
 * event loop): {@code checkpoint} -> the bytes of the run's newest checkpoint that verifies. The file is found by
 * the run's id only (the store builds and checks the path), never by a name from the request.
 */
final class RunDownloads {
    private final Vertx vertx;
    private final RunPersistence persistence;

    RunDownloads(Vertx vertx, RunPersistence persistence) {
        this.vertx = vertx;
        this.persistence = persistence;
    }

    /** True when {@code op} is one of these and has been (or will be) answered. */
    boolean handle(Run run, String op, Message<JsonObject> m) {
        switch (op) {
            case "checkpoint" -> {
                if (persistence == null) {
                    RunsVerticle.fail(m, ControlError.NOT_FOUND, "this server keeps no checkpoints", List.of());
                    return true;
                }
                vertx.executeBlocking(() -> persistence.store().loadLatest(run.id())
                                .map(l -> Buffer.buffer(readOrEmpty(l.file()))).orElse(null), false)
                        .onSuccess(b -> {
                            if (b == null || b.length() == 0) {
                                RunsVerticle.fail(m, ControlError.NOT_FOUND, "run " + run.id()
                                        + " has no checkpoint yet", List.of());
                            } else {
                                m.reply(b);
                            }
                        })
                        .onFailure(e -> RunsVerticle.fail(m, ControlError.INTERNAL, "checkpoint download failed",
                                List.of()));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The file's bytes, or none when retention removed it between verifying and reading. */
    private static byte[] readOrEmpty(java.nio.file.Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }
}
