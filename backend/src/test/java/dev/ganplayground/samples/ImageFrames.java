package dev.ganplayground.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test-side decoder of {@link ImageFrameEncoder}'s frames, as a client would read them. */
final class ImageFrames {
    /** The header, and each section's bytes by name (sliced by the header's byte counts, in header order). */
    record Decoded(JsonNode header, int headerLength, Map<String, byte[]> sections) {
    }

    private ImageFrames() {
    }

    static Decoded decode(byte[] frame) {
        int h = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (h % 4 != 0 || 4 + h > frame.length) {
            throw new IllegalArgumentException("bad header length " + h);
        }
        JsonNode header;
        try {
            header = Json.MAPPER.readTree(new String(frame, 4, h, StandardCharsets.UTF_8).stripTrailing());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, byte[]> sections = new LinkedHashMap<>();
        int at = 4 + h;
        for (JsonNode s : header.get("sections")) {
            int n = s.get("bytes").asInt();
            sections.put(s.get("name").asText(), Arrays.copyOfRange(frame, at, at + n));
            at += n;
        }
        if (at != frame.length) {
            throw new IllegalArgumentException("sections end at " + at + ", frame has " + frame.length + " bytes");
        }
        return new Decoded(header, h, sections);
    }
}
