package dev.ganplayground.samples;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The container shared by all binary WebSocket frames (docs/protocol.md section 3.4): a little-endian uint32
 * header length H, then H bytes of UTF-8 JSON header padded with spaces to a multiple of 4 (so float32 sections
 * that follow stay 4-byte aligned in the client's ArrayBuffer), then the sections.
 */
final class FrameContainer {
    private FrameContainer() {
    }

    /**
     * A little-endian buffer of exactly the frame's size with length and header written, positioned at the first
     * section: the caller puts exactly {@code sectionBytes} more bytes.
     */
    static ByteBuffer withHeader(ObjectNode header, int sectionBytes) {
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int headerLength = (json.length + 3) / 4 * 4;
        ByteBuffer out = ByteBuffer.allocate(4 + headerLength + sectionBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(headerLength).put(json);
        for (int i = json.length; i < headerLength; i++) {
            out.put((byte) ' ');
        }
        return out;
    }
}
