package dev.ganplayground.web;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * A WebSocket client on a bare TCP socket, for what well-behaved clients never do: fragment a message by hand, send
 * an oversized frame, never answer a ping, stop reading altogether (with a tiny receive buffer, so the server's
 * backlog builds up at once). Frames are written masked (RFC 6455 5.3) and read unmasked.
 */
final class RawWsClient implements AutoCloseable {
    static final int TEXT = 1;
    static final int CONTINUATION = 0;
    static final int CLOSE = 8;
    static final int PING = 9;

    /** A frame as read: opcode and payload. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a close frame. */
        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }
    }

    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;
    private final Random masks = new Random(7);

    /** Connects and completes the handshake; {@code receiveBuffer} > 0 shrinks the socket's receive buffer. */
    RawWsClient(int port, int receiveBuffer) throws IOException {
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer); // before connecting, so the TCP window starts small
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout((int) (WsTestClient.WAIT_S * 1000));
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString("raw-test-key-16b".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: gan.v1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + status);
        }
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String h = head.toString(StandardCharsets.US_ASCII);
        return h.substring(0, h.indexOf('\r'));
    }

    /** Writes one frame; {@code fin} false leaves the message open for continuation frames. */
    void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
        f.write((fin ? 0x80 : 0) | opcode);
        int n = payload.length;
        if (n < 126) {
            f.write(0x80 | n);
        } else if (n < 65_536) {
            f.write(0x80 | 126);
            f.write(n >>> 8);
            f.write(n);
        } else {
            f.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                f.write((int) ((long) n >>> shift));
            }
        }
        byte[] mask = new byte[4];
        masks.nextBytes(mask);
        f.write(mask);
        for (int i = 0; i < n; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    /**
     * Writes only a frame's header announcing {@code length} payload bytes. A server that refuses the length from
     * the header alone has no unread bytes left, so its close frame is not lost to a TCP reset.
     */
    void sendHeaderOnly(int opcode, int length) throws IOException {
        out.write(new byte[]{(byte) (0x80 | opcode), (byte) (0x80 | 127), 0, 0, 0, 0,
                (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length, 1, 2, 3, 4});
        out.flush();
    }

    void sendText(String text) throws IOException {
        sendFrame(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the next frame (server frames are not masked). */
    Frame readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long n = b1 & 0x7f;
        if (n == 126) {
            n = in.readUnsignedShort();
        } else if (n == 127) {
            n = in.readLong();
        }
        byte[] payload = new byte[(int) n];
        in.readFully(payload);
        return new Frame(b0 & 0x0f, payload);
    }

    /**
     * Reads (and ignores, pings included: this client never answers) until the server's close frame; returns its
     * code, or -1 if the connection ended without one.
     */
    int awaitClose() throws IOException {
        try {
            while (true) {
                Frame f = readFrame();
                if (f.opcode() == CLOSE) {
                    return f.closeCode();
                }
            }
        } catch (java.io.EOFException | java.net.SocketException ended) {
            return -1;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no close from the server within " + WsTestClient.WAIT_S + " s", e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
