package dev.ganplayground.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

import java.util.ArrayDeque;

/**
 * Everything one socket sends goes through here, so a slow or stalled viewer costs bounded memory and never slows
 * anyone else. Text messages (metrics, state, replies) are never dropped: while the socket's network buffer is
 * full ({@code writeQueueFull}, bounded by GAN_WS_WRITE_QUEUE_BYTES) they wait in a queue, in order, written out
 * when the socket drains; if the queue grows past its bound (GAN_WS_TEXT_QUEUE_BYTES) the viewer is disconnected
 * with {@value #SLOW_CONSUMER} rather than the server holding more (it reconnects and resumes with fromStep).
 * Binary frames are only written when nothing is waiting: each subscription keeps only its newest frame meanwhile
 * ({@link Subscription}), handed out again on drain.
 */
final class Outbox {
    /** Close code for a viewer that fell too far behind (docs/protocol.md 3.5). */
    static final short SLOW_CONSUMER = 4000;

    /** The socket as the outbox sees it (tests substitute one). */
    interface Sink {
        boolean closed();

        boolean writeQueueFull();

        void text(String message);

        void binary(Buffer frame);

        void close(short code, String reason);
    }

    private final Sink sink;
    private final long maxQueuedChars;
    private final Runnable framesMayFlow;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queuedChars;
    private boolean gaveUp;

    /**
     * @param maxQueuedChars bound of the text queue, in characters (JSON here is ASCII but for user strings)
     * @param framesMayFlow  called when the queue has emptied on a drain: the subscriptions send their frames
     */
    Outbox(Sink sink, long maxQueuedChars, Runnable framesMayFlow) {
        this.sink = sink;
        this.maxQueuedChars = maxQueuedChars;
        this.framesMayFlow = framesMayFlow;
    }

    static Sink sinkOf(ServerWebSocket ws) {
        return new Sink() {
            @Override
            public boolean closed() {
                return ws.isClosed();
            }

            @Override
            public boolean writeQueueFull() {
                try {
                    return ws.writeQueueFull();
                } catch (IllegalStateException closedMeanwhile) { // Vert.x throws on a closed socket
                    return true;
                }
            }

            @Override
            public void text(String message) {
                ws.writeTextMessage(message);
            }

            @Override
            public void binary(Buffer frame) {
                ws.writeBinaryMessage(frame);
            }

            @Override
            public void close(short code, String reason) {
                ws.close(code, reason);
            }
        };
    }

    /** Writes now, or queues behind what is waiting; never drops. */
    void text(String message) {
        if (gaveUp || sink.closed()) {
            return;
        }
        if (queue.isEmpty() && !sink.writeQueueFull()) {
            sink.text(message);
            return;
        }
        queue.add(message);
        queuedChars += message.length();
        if (queuedChars > maxQueuedChars) {
            gaveUp = true;
            queue.clear();
            queuedChars = 0;
            sink.close(SLOW_CONSUMER, "too slow: over " + maxQueuedChars + " bytes of messages waiting");
        }
    }

    /** True while a frame should wait (socket closed or backed up, or text still queued). */
    boolean frameBlocked() {
        return gaveUp || sink.closed() || !queue.isEmpty() || sink.writeQueueFull();
    }

    /** Writes a frame; callers check {@link #frameBlocked()} first. */
    void frame(Buffer frame) {
        if (!gaveUp && !sink.closed()) {
            sink.binary(frame);
        }
    }

    /** The socket drained: text first, in order, then frames once no text waits. */
    void drained() {
        while (!queue.isEmpty() && !sink.closed() && !sink.writeQueueFull()) {
            String m = queue.poll();
            queuedChars -= m.length();
            sink.text(m);
        }
        if (queue.isEmpty()) {
            framesMayFlow.run();
        }
    }

    /** Characters waiting (tests, diagnostics). */
    long queuedChars() {
        return queuedChars;
    }

    /** The socket closed: let go of what waits. */
    void release() {
        queue.clear();
        queuedChars = 0;
        gaveUp = true;
    }
}
