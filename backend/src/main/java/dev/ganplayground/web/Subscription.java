package dev.ganplayground.web;

import dev.ganplayground.run.RunAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One socket's view of one run, fed by the run's {@link RunFeeds} feed: a latest-frame slot so a slow viewer skips
 * frames instead of piling them up, while text events are never dropped. Until the history snapshot has been
 * sent, live events are held back and then replayed without duplicates.
 */
final class Subscription {
    private final String runId;
    private final RunFeeds feeds;
    private final Future<?> ready;
    private final Consumer<String> sendText;
    private final Consumer<Buffer> sendFrame;
    private final BooleanSupplier writeQueueFull;
    private final EventBus bus;
    private List<RunFeeds.Event> heldBack = new ArrayList<>();
    private Buffer pendingFrame;
    private boolean closed;

    Subscription(Vertx vertx, RunFeeds feeds, String runId, Consumer<String> sendText, Consumer<Buffer> sendFrame,
                 BooleanSupplier writeQueueFull) {
        this.runId = runId;
        this.feeds = feeds;
        this.writeQueueFull = writeQueueFull;
        this.sendText = sendText;
        this.sendFrame = sendFrame;
        this.bus = vertx.eventBus();
        this.ready = feeds.join(this);
        watch("watch");
    }

    /** Tells the run someone watches it (or no longer does): an unwatched, long-paused run may be unloaded. */
    private void watch(String op) {
        bus.request(RunAddresses.control(runId), new JsonObject().put("op", op)).onFailure(e -> {
            // A run deleted meanwhile has nobody to tell.
        });
    }

    String runId() {
        return runId;
    }

    /** Completes once the run's consumers are registered: only then may the snapshot be taken. */
    Future<?> ready() {
        return ready;
    }

    /** Called once the snapshot (events up to {@code snapshotEventNo}) has been sent: replays newer events. */
    void live(long snapshotEventNo) {
        List<RunFeeds.Event> held = heldBack;
        heldBack = null;
        for (RunFeeds.Event e : held) {
            if (e.eventNo() > snapshotEventNo) {
                onEvent(e);
            }
        }
        flushFrame();
    }

    /** A live event of the run (held back until the snapshot has gone out). */
    void onEvent(RunFeeds.Event e) {
        if (closed) {
            return;
        }
        if (heldBack != null) {
            heldBack.add(e);
            return;
        }
        sendText.accept(e.envelope());
        if (e.terminal()) {
            close(); // exactly one terminal state message, then nothing more for this run
        }
    }

    /** Sends now, or keeps only the newest frame while the socket's write queue is full. */
    void offerFrame(Buffer frame) {
        if (closed || heldBack != null) {
            pendingFrame = frame;
            return;
        }
        pendingFrame = frame;
        flushFrame();
    }

    /** Queues the snapshot's frame unless a newer live frame already arrived. */
    void offerFrameIfNone(Buffer frame) {
        if (pendingFrame == null) {
            pendingFrame = frame;
        }
    }

    /** Called when the socket drains (and after going live). */
    void flushFrame() {
        if (!closed && heldBack == null && pendingFrame != null && !writeQueueFull.getAsBoolean()) {
            Buffer f = pendingFrame;
            pendingFrame = null;
            sendFrame.accept(f);
        }
    }

    boolean closed() {
        return closed;
    }

    void close() {
        if (!closed) {
            closed = true;
            feeds.leave(this);
            watch("unwatch");
        }
    }
}
