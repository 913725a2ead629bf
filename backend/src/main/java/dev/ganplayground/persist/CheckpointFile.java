package dev.ganplayground.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checkpoint file format, version {@value #VERSION}. Big-endian throughout:
 * <pre>
 * magic    8 bytes  "GANCKPT\n"
 * version  u32      1
 * step     u64
 * header   u32 length, then that many bytes of UTF-8 JSON
 * floats   u32 count, then per array: u16 name length, UTF-8 name, u32 length, length x f32
 * doubles  u32 count, then per array: u16 name length, UTF-8 name, u32 length, length x f64
 * sha256   32 bytes: SHA-256 of every byte before it
 * </pre>
 * One file per checkpoint, so an atomic rename publishes all of it (G and D can never come from different steps),
 * and the trailing hash catches truncation and bit flips before anything is restored from it.
 */
public final class CheckpointFile {
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    /** Largest file read back: far above any model of the playground, low enough not to exhaust the heap. */
    static final long MAX_BYTES = 1L << 30;
    private static final byte[] MAGIC = "GANCKPT\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HASH = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFile() {
    }

    /** The whole file's bytes for {@code c}. */
    public static byte[] encode(Checkpoint c) {
        byte[] header = header(c.header());
        long size = MAGIC.length + 4 + 8 + 4 + header.length + 4 + 4 + HASH;
        for (Map.Entry<String, float[]> e : c.floats().entrySet()) {
            size += 2 + name(e.getKey()).length + 4 + 4L * e.getValue().length;
        }
        for (Map.Entry<String, double[]> e : c.doubles().entrySet()) {
            size += 2 + name(e.getKey()).length + 4 + 8L * e.getValue().length;
        }
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException("checkpoint of " + size + " bytes exceeds " + MAX_BYTES);
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        b.put(MAGIC).putInt(VERSION).putLong(c.step()).putInt(header.length).put(header);
        b.putInt(c.floats().size());
        c.floats().forEach((k, v) -> {
            putName(b, k);
            b.putInt(v.length);
            b.asFloatBuffer().put(v);
            b.position(b.position() + 4 * v.length);
        });
        b.putInt(c.doubles().size());
        c.doubles().forEach((k, v) -> {
            putName(b, k);
            b.putInt(v.length);
            b.asDoubleBuffer().put(v);
            b.position(b.position() + 8 * v.length);
        });
        b.put(sha256(b.array(), b.position()));
        return b.array();
    }

    /**
     * Parses and verifies a whole file.
     *
     * @throws CorruptCheckpointException when the hash, the magic, the version or the structure is wrong
     */
    public static Checkpoint decode(byte[] bytes) {
        if (bytes.length < MAGIC.length + 4 + 8 + HASH) {
            throw new CorruptCheckpointException("checkpoint is truncated (" + bytes.length + " bytes)");
        }
        int body = bytes.length - HASH;
        if (!MessageDigest.isEqual(sha256(bytes, body), Arrays.copyOfRange(bytes, body, bytes.length))) {
            throw new CorruptCheckpointException("checkpoint checksum mismatch (truncated or altered)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, body);
        try {
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CorruptCheckpointException("not a checkpoint file");
            }
            int version = b.getInt();
            if (version != VERSION) {
                throw new CorruptCheckpointException("checkpoint format version " + version + " is not supported"
                        + " (this server reads version " + VERSION + ")");
            }
            long step = b.getLong();
            byte[] header = new byte[length(b, 1)];
            b.get(header);
            JsonNode tree = JSON.readTree(header);
            if (!(tree instanceof ObjectNode h)) {
                throw new CorruptCheckpointException("checkpoint header is not a JSON object");
            }
            Map<String, float[]> floats = new LinkedHashMap<>();
            for (int i = 0, n = length(b, 1); i < n; i++) {
                String name = getName(b);
                float[] v = new float[length(b, 4)];
                b.asFloatBuffer().get(v);
                b.position(b.position() + 4 * v.length);
                floats.put(name, v);
            }
            Map<String, double[]> doubles = new LinkedHashMap<>();
            for (int i = 0, n = length(b, 1); i < n; i++) {
                String name = getName(b);
                double[] v = new double[length(b, 8)];
                b.asDoubleBuffer().get(v);
                b.position(b.position() + 8 * v.length);
                doubles.put(name, v);
            }
            if (b.hasRemaining()) {
                throw new CorruptCheckpointException("checkpoint has trailing bytes");
            }
            return new Checkpoint(step, h, floats, doubles);
        } catch (BufferUnderflowException | IllegalArgumentException | IOException e) {
            throw new CorruptCheckpointException("checkpoint structure is invalid: " + e.getMessage(), e);
        }
    }

    /** A length field, checked against what is left (each element {@code unit} bytes), so no huge allocation. */
    private static int length(ByteBuffer b, int unit) {
        int n = b.getInt();
        if (n < 0 || (long) n * unit > b.remaining()) {
            throw new CorruptCheckpointException("checkpoint length field " + n + " exceeds the file");
        }
        return n;
    }

    private static byte[] header(ObjectNode header) {
        try {
            return JSON.writeValueAsBytes(header);
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint header cannot be written: " + e.getMessage(), e);
        }
    }

    private static byte[] name(String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length > 0xFFFF) {
            throw new IllegalArgumentException("array name too long");
        }
        return n;
    }

    private static void putName(ByteBuffer b, String name) {
        byte[] n = name(name);
        b.putShort((short) n.length).put(n);
    }

    private static String getName(ByteBuffer b) {
        byte[] n = new byte[Short.toUnsignedInt(b.getShort())];
        b.get(n);
        return new String(n, StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(bytes, 0, length);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
