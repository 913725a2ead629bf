package dev.ganplayground.web;

import dev.ganplayground.run.RunAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One socket's view of one run: the event-bus consumers for the run's events and frames, with a latest-frame
 * slot so a slow viewer skips frames instead of piling them up, while text events are never dropped.
 * Until the history snapshot has been sent, live events are held back and then replayed without duplicates.
 */
final class Subscription {
    private final String runId;
    private final MessageConsumer<String> events;
    private final MessageConsumer<Buffer> frames;
    private final Consumer<String> sendText;
    private final Consumer<Buffer> sendFrame;
    private final BooleanSupplier writeQueueFull;
    private final EventBus bus;
    private List<String> heldBack = new ArrayList<>();
    private Buffer pendingFrame;
    private boolean closed;

    Subscription(Vertx vertx, String runId, Consumer<String> sendText, Consumer<Buffer> sendFrame,
                 BooleanSupplier writeQueueFull) {
        this.runId = runId;
        this.writeQueueFull = writeQueueFull;
        this.sendText = sendText;
        this.sendFrame = sendFrame;
        this.events = vertx.eventBus().consumer(RunAddresses.events(runId), m -> onEvent(m.body()));
        this.frames = vertx.eventBus().consumer(RunAddresses.frames(runId), m -> offerFrame(m.body()));
        this.bus = vertx.eventBus();
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

    /** Completes once both consumers are registered: only then may the snapshot be taken. */
    Future<?> ready() {
        return Future.all(events.completion(), frames.completion());
    }

    /** Called once the snapshot (events up to {@code snapshotEventNo}) has been sent: replays newer events. */
    void live(long snapshotEventNo) {
        List<String> held = heldBack;
        heldBack = null;
        for (String body : held) {
            if (eventNo(body) > snapshotEventNo) {
                onEvent(body);
            }
        }
        flushFrame();
    }

    /** Bodies are "eventNo|envelope" (see the run side's publisher). */
    private void onEvent(String body) {
        if (closed) {
            return;
        }
        if (heldBack != null) {
            heldBack.add(body);
            return;
        }
        String envelope = body.substring(body.indexOf('|') + 1);
        sendText.accept(envelope);
        if (envelope.startsWith("{\"type\":\"state\"") && terminal(new JsonObject(envelope))) {
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
            events.unregister();
            frames.unregister();
            watch("unwatch");
        }
    }

    private static boolean terminal(JsonObject state) {
        String s = state.getJsonObject("payload").getString("state");
        return "stopped".equals(s) || "failed".equals(s);
    }

    private static long eventNo(String body) {
        return Long.parseLong(body, 0, body.indexOf('|'), 10);
    }
}
