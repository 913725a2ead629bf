package dev.ganplayground.web;

import dev.ganplayground.config.ServerLimits;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound limits of one socket (docs/protocol.md 3.7): a token bucket on client messages (over it: close 1008),
 * an oversized fragmented message (close 1009: Vert.x 5.0.7 drops it and only reports it to the exception handler,
 * leaving the socket open, shared/RELIABILITY.md 2.1), and liveness: a ping every GAN_WS_PING_MS, and a socket that
 * has sent nothing, not even a pong, for GAN_WS_IDLE_MS is closed with 1001. Oversized single frames are closed
 * with 1009 by Netty itself (maxWebSocketFrameSize).
 */
final class SocketGuard {
    static final short POLICY = 1008;
    static final short TOO_BIG = 1009;
    static final short GOING_AWAY = 1001;
    private static final Logger LOG = LoggerFactory.getLogger(SocketGuard.class);
    private static final Buffer EMPTY = Buffer.buffer();

    private final Vertx vertx;
    private final ServerWebSocket ws;
    private final ServerLimits limits;
    private final TokenBucket bucket;
    private final long timer;
    private long lastHeard = System.nanoTime();
    private boolean closing;

    SocketGuard(Vertx vertx, ServerWebSocket ws, ServerLimits limits) {
        this.vertx = vertx;
        this.ws = ws;
        this.limits = limits;
        this.bucket = new TokenBucket(limits.messagesPerSecond(), limits.messageBurst(), lastHeard);
        ws.pongHandler(b -> lastHeard = System.nanoTime());
        this.timer = vertx.setPeriodic(limits.pingIntervalMs(), id -> ping());
    }

    /** Called for every client message; false (and the socket closing) when the sender is over its rate. */
    boolean admit() {
        if (closing) {
            return false;
        }
        long now = System.nanoTime();
        lastHeard = now;
        if (bucket.tryTake(now)) {
            return true;
        }
        LOG.info("socket {}: over {} messages/s (burst {}), closing", ws.remoteAddress(), limits.messagesPerSecond(),
                limits.messageBurst());
        close(POLICY, "rate limit: over " + limits.messagesPerSecond() + " messages/s");
        return false;
    }

    /** The socket's exception handler. */
    void onException(Throwable e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof CorruptedWebSocketFrameException c) {
            // Netty's verdict on a broken or oversized frame; Vert.x would drop the connection without a close
            // frame, so the client would not learn why.
            LOG.info("socket {}: {}, closing", ws.remoteAddress(), m);
            close((short) c.closeStatus().code(), c.closeStatus().code() == TOO_BIG
                    ? "frame over " + limits.maxFrameBytes() + " bytes" : "protocol error");
        } else if (e instanceof IllegalStateException && m.contains("max message size")) {
            LOG.info("socket {}: message over {} bytes, closing", ws.remoteAddress(), limits.maxMessageBytes());
            close(TOO_BIG, "message over " + limits.maxMessageBytes() + " bytes");
        } else {
            LOG.debug("socket {}: {}", ws.remoteAddress(), e.toString());
        }
    }

    private void ping() {
        if (ws.isClosed()) {
            stop();
            return;
        }
        long silentMs = (System.nanoTime() - lastHeard) / 1_000_000;
        if (silentMs > limits.idleTimeoutMs()) {
            LOG.info("socket {}: nothing heard for {} ms, closing", ws.remoteAddress(), silentMs);
            close(GOING_AWAY, "idle: no pong for " + silentMs + " ms");
            stop();
            return;
        }
        ws.writePing(EMPTY);
    }

    private void close(short code, String reason) {
        if (!closing) {
            closing = true;
            ws.close(code, reason);
        }
    }

    /** The socket closed: no more pings. */
    void stop() {
        vertx.cancelTimer(timer);
    }
}
