package dev.ganplayground.web;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled continuously at {@code perSecond}; each message takes
 * one. Time comes from the caller (nanoseconds), so tests need no clock. Not thread-safe: one per socket, used on
 * its event loop.
 */
final class TokenBucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(int perSecond, int burst, long nowNanos) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive, found " + perSecond + ", " + burst);
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes a token if there is one; false means the sender is over its rate. */
    boolean tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - last);
        last = nowNanos;
        tokens = Math.min(burst, tokens + elapsed * perNano);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
