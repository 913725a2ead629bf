package dev.ganplayground.web;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The WebSocket handshake's Origin check against Cross-Site WebSocket Hijacking: the header must equal one
 * allowed origin exactly, as a string. No prefix, suffix, pattern or case folding: those are how
 * {@code https://trusted.example.com.evil.com} got through elsewhere (shared/RELIABILITY.md 1.1, Jupyter
 * CVE-2026-40110). {@code null} (a sandboxed or file page) is never allowed; a missing header (a non-browser
 * client) is allowed unless configured otherwise.
 */
final class OriginCheck {
    private final Set<String> allowed;
    private final boolean requireOrigin;

    OriginCheck(List<String> allowed, boolean requireOrigin) {
        this.allowed = Collections.unmodifiableSet(new LinkedHashSet<>(allowed));
        this.requireOrigin = requireOrigin;
    }

    boolean allows(String origin) {
        if (origin == null) {
            return !requireOrigin;
        }
        return allowed.contains(origin);
    }

    Set<String> allowed() {
        return allowed;
    }
}
