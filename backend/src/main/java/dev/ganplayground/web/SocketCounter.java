package dev.ganplayground.web;

import java.util.HashMap;
import java.util.Map;

/**
 * Open WebSockets per user, for the per-user cap (GAN_MAX_SOCKETS_PER_USER). A socket is counted from its
 * accepted handshake until it closes. Anonymous sockets (no token) are not counted here: they cannot control
 * anything, and a classroom of viewers may share one address. Thread-safe.
 */
final class SocketCounter {
    private final int max;
    private final Map<String, Integer> open = new HashMap<>();

    SocketCounter(int max) {
        this.max = max;
    }

    /** Counts one more socket of {@code user}; false (nothing counted) when the user is at the cap. */
    synchronized boolean tryOpen(String user) {
        int n = open.getOrDefault(user, 0);
        if (n >= max) {
            return false;
        }
        open.put(user, n + 1);
        return true;
    }

    synchronized void closed(String user) {
        open.computeIfPresent(user, (k, n) -> n <= 1 ? null : n - 1);
    }

    synchronized int open(String user) {
        return open.getOrDefault(user, 0);
    }
}
