package dev.ganplayground.web;

import io.vertx.core.MultiMap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Browser tokens, no passwords: the server hands each new browser a random 256-bit token (base64url, 43
 * characters) and the page presents it on every request, as {@code Authorization: Bearer <token>} or, on the
 * WebSocket where a browser cannot set headers, as an extra offered subprotocol {@code gan.token.<token>}. Any
 * well-formed token is a user (the server keeps no list, so identities survive restarts); the user id is a
 * truncated SHA-256 of the token, so the token itself is never stored, logged or sent to anyone else.
 */
final class AccessTokens {
    static final String SUBPROTOCOL_PREFIX = "gan.token.";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final byte[] adminToken;

    /** @param adminToken the admin's token (GAN_ADMIN_TOKEN), or null for none */
    AccessTokens(String adminToken) {
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh token: 32 bytes from SecureRandom, base64url without padding. */
    String issue() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    /**
     * The caller presenting these request headers: {@link Caller#ANONYMOUS} without a token.
     *
     * @throws InvalidTokenException when a token is presented but is neither well-formed nor the admin's
     */
    Caller identify(MultiMap headers) throws InvalidTokenException {
        String token = presented(headers);
        if (token == null) {
            return Caller.ANONYMOUS;
        }
        boolean admin = adminToken != null
                && MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8));
        if (!admin && !TOKEN.matcher(token).matches()) {
            throw new InvalidTokenException();
        }
        return new Caller(userId(token), admin);
    }

    /** The token in the Authorization header, else in an offered gan.token.* subprotocol, else null. */
    private static String presented(MultiMap headers) {
        String auth = headers.get("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        String offered = headers.get("Sec-WebSocket-Protocol");
        if (offered != null) {
            for (String p : offered.split(",")) {
                String s = p.trim();
                if (s.startsWith(SUBPROTOCOL_PREFIX)) {
                    return s.substring(SUBPROTOCOL_PREFIX.length());
                }
            }
        }
        return null;
    }

    /** 128 bits of SHA-256(token), base64url: names the user without revealing the token. */
    static String userId(String token) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return B64.encodeToString(java.util.Arrays.copyOf(h, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A token was presented but is not one. */
    static final class InvalidTokenException extends Exception {
        InvalidTokenException() {
            super("the token presented is not a valid token; get a new one with POST /api/identity", null, false,
                    false);
        }
    }
}
