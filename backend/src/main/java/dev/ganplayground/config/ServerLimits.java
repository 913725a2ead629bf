package dev.ganplayground.config;

import java.util.Map;

/**
 * Limits that keep one shared server healthy under hostile or slow clients (docs/protocol.md 3.7), each from an
 * environment variable with a default.
 *
 * @param maxFrameBytes     largest single WebSocket frame a client may send ({@code GAN_WS_MAX_FRAME_BYTES},
 *                          default 65536); Netty closes the socket with 1009 beyond it
 * @param maxMessageBytes   largest client message, all fragments together ({@code GAN_WS_MAX_MESSAGE_BYTES},
 *                          default 262144, room for a drawn dataset of 2,000 points); the socket is closed with 1009
 * @param messagesPerSecond sustained client messages per second per socket ({@code GAN_WS_RATE}, default 20)
 * @param messageBurst      messages a socket may send at once before the rate applies ({@code GAN_WS_BURST},
 *                          default 60); beyond the bucket the socket is closed with 1008
 * @param pingIntervalMs    the server pings every socket this often ({@code GAN_WS_PING_MS}, default 15000)
 * @param idleTimeoutMs     a socket that sent nothing (not even a pong) for this long is closed with 1001
 *                          ({@code GAN_WS_IDLE_MS}, default 45000: three pings missed)
 * @param writeQueueBytes   per-socket bytes in flight in the server's network buffer before it counts as backed up
 *                          ({@code GAN_WS_WRITE_QUEUE_BYTES}, default 524288)
 * @param textQueueBytes    per-socket text messages (metrics, state) held while it is backed up; beyond it the
 *                          viewer is disconnected with 4000 ({@code GAN_WS_TEXT_QUEUE_BYTES}, default 4194304)
 * @param runMemoryBytes    a run whose estimated memory ({@link MemoryEstimate}) is larger is refused with 422
 *                          ({@code GAN_RUN_MEMORY_MB}, default 2048 MiB)
 */
public record ServerLimits(int maxFrameBytes, int maxMessageBytes, int messagesPerSecond, int messageBurst,
                           long pingIntervalMs, long idleTimeoutMs, int writeQueueBytes, int textQueueBytes,
                           long runMemoryBytes) {
    public static final ServerLimits DEFAULTS = new ServerLimits(64 * 1024, 256 * 1024, 20, 60, 15_000, 45_000,
            512 * 1024, 4 * 1024 * 1024, 2048L << 20);

    public ServerLimits {
        Validator v = new Validator();
        v.intRange("GAN_WS_MAX_FRAME_BYTES", maxFrameBytes, 1024, 16 << 20);
        v.intRange("GAN_WS_MAX_MESSAGE_BYTES", maxMessageBytes, 1024, 64 << 20);
        v.intRange("GAN_WS_RATE", messagesPerSecond, 1, 100_000);
        v.intRange("GAN_WS_BURST", messageBurst, 1, 1_000_000);
        v.intRange("GAN_WS_PING_MS", pingIntervalMs, 10, 3_600_000);
        v.intRange("GAN_WS_IDLE_MS", idleTimeoutMs, 20, 86_400_000);
        v.require(idleTimeoutMs > pingIntervalMs, "GAN_WS_IDLE_MS", "must be greater than GAN_WS_PING_MS ("
                + pingIntervalMs + "), found " + idleTimeoutMs);
        v.intRange("GAN_WS_WRITE_QUEUE_BYTES", writeQueueBytes, 1024, 256 << 20);
        v.intRange("GAN_WS_TEXT_QUEUE_BYTES", textQueueBytes, 1024, 1 << 30);
        v.intRange("GAN_RUN_MEMORY_MB", runMemoryBytes >> 20, 1, 1 << 20);
        v.throwIfInvalid();
    }

    public static ServerLimits fromEnv(Map<String, String> env) {
        ServerLimits d = DEFAULTS;
        return new ServerLimits(
                AppConfig.integer(env, "GAN_WS_MAX_FRAME_BYTES", d.maxFrameBytes),
                AppConfig.integer(env, "GAN_WS_MAX_MESSAGE_BYTES", d.maxMessageBytes),
                AppConfig.integer(env, "GAN_WS_RATE", d.messagesPerSecond),
                AppConfig.integer(env, "GAN_WS_BURST", d.messageBurst),
                AppConfig.longInteger(env, "GAN_WS_PING_MS", d.pingIntervalMs),
                AppConfig.longInteger(env, "GAN_WS_IDLE_MS", d.idleTimeoutMs),
                AppConfig.integer(env, "GAN_WS_WRITE_QUEUE_BYTES", d.writeQueueBytes),
                AppConfig.integer(env, "GAN_WS_TEXT_QUEUE_BYTES", d.textQueueBytes),
                // Clamped before the shift, so a huge value stays out of range (a clear error) instead of wrapping.
                Math.min(AppConfig.longInteger(env, "GAN_RUN_MEMORY_MB", d.runMemoryBytes >> 20), 1L << 40) << 20);
    }

    /** The same limits with another inbound rate (tests). */
    public ServerLimits withRate(int perSecond, int burst) {
        return new ServerLimits(maxFrameBytes, maxMessageBytes, perSecond, burst, pingIntervalMs, idleTimeoutMs,
                writeQueueBytes, textQueueBytes, runMemoryBytes);
    }

    /** The same limits with other liveness timings (tests). */
    public ServerLimits withLiveness(long pingMs, long idleMs) {
        return new ServerLimits(maxFrameBytes, maxMessageBytes, messagesPerSecond, messageBurst, pingMs, idleMs,
                writeQueueBytes, textQueueBytes, runMemoryBytes);
    }

    /** The same limits with other outbound buffers (tests). */
    public ServerLimits withQueues(int writeQueue, int textQueue) {
        return new ServerLimits(maxFrameBytes, maxMessageBytes, messagesPerSecond, messageBurst, pingIntervalMs,
                idleTimeoutMs, writeQueue, textQueue, runMemoryBytes);
    }

    /** The same limits with another per-run memory budget (tests). */
    public ServerLimits withRunMemory(long bytes) {
        return new ServerLimits(maxFrameBytes, maxMessageBytes, messagesPerSecond, messageBurst, pingIntervalMs,
                idleTimeoutMs, writeQueueBytes, textQueueBytes, bytes);
    }
}
