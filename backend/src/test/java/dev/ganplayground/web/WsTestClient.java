package dev.ganplayground.web;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client for tests: every text message lands in a queue, every binary frame is decoded into its
 * header; the test thread waits for what it expects with a deadline (a generous one: a hang fails, slowness
 * does not).
 */
final class WsTestClient implements AutoCloseable {
    static final long WAIT_S = 60;
    private final WebSocketClient client;
    final ClientWebSocket ws;
    final BlockingQueue<JsonObject> texts = new LinkedBlockingQueue<>();
    final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    final List<JsonObject> seen = new ArrayList<>();
    final CompletableFuture<Short> closed = new CompletableFuture<>();
    private int nextId;

    /** A client with a token of its own: it is its own user. */
    WsTestClient(Vertx vertx, int port) {
        this(vertx, port, TestServer.newToken(), null);
    }

    /**
     * @param token  presented as the gan.token.* subprotocol; null: an anonymous viewer
     * @param origin the Origin header, or null for none
     */
    WsTestClient(Vertx vertx, int port, String token, String origin) {
        client = vertx.createWebSocketClient();
        // Handlers go on before connecting: the server sends hello at once, and a message that arrives before
        // its handler is set would be lost.
        ws = client.webSocket();
        ws.textMessageHandler(t -> texts.add(new JsonObject(t)));
        ws.binaryMessageHandler(b -> frames.add(decodeHeader(b)));
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
        ws.connect(options(port, token, origin)).await();
    }

    /** The handshake of a test client. */
    static WebSocketConnectOptions options(int port, String token, String origin) {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
                .addSubProtocol("gan.v1").setAllowOriginHeader(origin != null); // else Vert.x adds its own
        if (token != null) {
            o.addSubProtocol("gan.token." + token);
        }
        if (origin != null) {
            o.addHeader("Origin", origin);
        }
        return o;
    }

    /**
     * The handshake's outcome: 101 when the server accepted (the socket is closed again at once), else the HTTP
     * status it refused with.
     */
    static int handshake(Vertx vertx, int port, String token, String origin) {
        WebSocketClient c = vertx.createWebSocketClient();
        try {
            c.connect(options(port, token, origin)).await().close().await();
            return 101;
        } catch (UpgradeRejectedException e) {
            return e.getStatus();
        } finally {
            c.close().await();
        }
    }

    /** Sends a message and returns the id it was given. */
    String send(String type, String runId, JsonObject payload) {
        String id = "t" + (++nextId);
        JsonObject m = new JsonObject().put("type", type).put("id", id);
        if (runId != null) {
            m.put("runId", runId);
        }
        if (payload != null) {
            m.put("payload", payload);
        }
        ws.writeTextMessage(m.encode()).await();
        return id;
    }

    void sendRaw(String text) {
        ws.writeTextMessage(text).await();
    }

    /** Waits for the first text message matching {@code p}; earlier ones are kept in {@link #seen}. */
    JsonObject await(Predicate<JsonObject> p, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject m = texts.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("timed out waiting for " + what + "; seen " + seen);
                }
                seen.add(m);
                if (p.test(m)) {
                    return m;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Like {@link #await}, but also accepts a message seen earlier (replies and events may arrive in any order). */
    JsonObject awaitAny(Predicate<JsonObject> p, String what) {
        return seen.stream().filter(p).findFirst().orElseGet(() -> await(p, what));
    }

    JsonObject awaitType(String type) {
        return await(m -> type.equals(m.getString("type")), type);
    }

    JsonObject awaitReply(String id) {
        return await(m -> id.equals(m.getString("id")), "reply to " + id);
    }

    JsonObject awaitState(String runId, String state) {
        return await(m -> isState(m, runId, state), "state " + state);
    }

    /** True for a {@code state} message of {@code runId} in {@code state}. */
    static boolean isState(JsonObject m, String runId, String state) {
        return "state".equals(m.getString("type")) && runId.equals(m.getString("runId"))
                && state.equals(m.getJsonObject("payload").getString("state"));
    }

    JsonObject awaitFrame() throws InterruptedException {
        return awaitFrame(WAIT_S);
    }

    /** Like {@link #awaitFrame()} with a longer wait (a run whose classifier is trained first). */
    JsonObject awaitFrame(long seconds) throws InterruptedException {
        JsonObject f = frames.poll(seconds, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("no binary frame");
        }
        return f;
    }

    /** Decodes the header of a binary frame (docs/protocol.md 3.4) and checks the payload length. */
    static JsonObject decodeHeader(Buffer b) {
        ByteBuffer bb = ByteBuffer.wrap(b.getBytes()).order(ByteOrder.LITTLE_ENDIAN);
        int h = bb.getInt();
        JsonObject header = new JsonObject(new String(b.getBytes(4, 4 + h), StandardCharsets.UTF_8).trim());
        if ("images".equals(header.getString("type")) || "autoencoder".equals(header.getString("type"))) {
            // PNG (or an autoencoder frame's float32) sections one after another: keep each section's bytes for the test to decode.
            int at = 4 + h;
            for (Object o : header.getJsonArray("sections")) {
                JsonObject s = (JsonObject) o;
                s.put("data", b.getBytes(at, at + s.getInteger("bytes")));
                at += s.getInteger("bytes");
            }
            return header.put("payloadBytes", b.length() - 4 - h).put("expectedBytes", at - 4 - h);
        }
        int bytes = 0;
        for (Object s : header.getJsonArray("sections")) {
            int n = "float16".equals(((JsonObject) s).getString("dtype")) ? 2 : 4;
            for (Object d : ((JsonObject) s).getJsonArray("shape")) {
                n *= (Integer) d;
            }
            bytes += n;
        }
        header.put("payloadBytes", b.length() - 4 - h).put("expectedBytes", bytes)
                .put("headerAligned", h % 4 == 0);
        return header;
    }

    @Override
    public void close() {
        if (!ws.isClosed()) {
            ws.close().await();
        }
        client.close().await();
    }
}
