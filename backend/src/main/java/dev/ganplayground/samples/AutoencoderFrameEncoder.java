package dev.ganplayground.samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Encodes an autoencoder run's visual frame (docs/protocol.md 3.4, type {@code "autoencoder"}) into the container
 * shared by all binary frames ({@link FrameContainer}). The caller builds the header's content (layout, latent map,
 * activations, phase ...); this class adds {@code "type": "autoencoder"} and the {@code sections} list and appends
 * the sections' bytes one after another in list order, without padding, as image frames do. A section is either an
 * encoded image ({@code mime}) or a little-endian float32 array ({@code dtype "float32"} and {@code shape}); both
 * carry {@code bytes}, and an arm's section carries its arm index ({@code arm}), a section shared by every arm none.
 * Float sections come first, so in practice they stay 4-byte aligned; a client must not rely on it (it copies).
 */
public final class AutoencoderFrameEncoder {
    public static final String TYPE = "autoencoder";
    private static final String PNG = "image/png";

    private AutoencoderFrameEncoder() {
    }

    /**
     * One section of the frame: PNG bytes or float32 values.
     *
     * @param name  what it shows ("inputs", "corrupted", "recon", "lattice", "samples", "interp", "cloud", "codes")
     * @param arm   the arm's index, or -1 when the section is shared by all arms
     * @param png   the PNG bytes, or null for a float section
     * @param data  the float values, or null for a PNG section
     * @param shape the float section's shape (prod(shape) = data.length), or null
     */
    public record Section(String name, int arm, byte[] png, float[] data, int[] shape) {
        public Section {
            if ((png == null) == (data == null)) {
                throw new IllegalArgumentException("section " + name + " needs either PNG bytes or floats");
            }
            if (data != null) {
                long count = 1;
                for (int d : shape) {
                    count *= d;
                }
                if (count != data.length) {
                    throw new IllegalArgumentException("section " + name + ": " + data.length + " floats do not fit "
                            + java.util.Arrays.toString(shape));
                }
            }
        }

        /** A PNG section. */
        public static Section png(String name, int arm, byte[] png) {
            return new Section(name, arm, png, null, null);
        }

        /** A float32 section. */
        public static Section floats(String name, int arm, float[] data, int... shape) {
            return new Section(name, arm, null, data, shape);
        }

        int bytes() {
            return png != null ? png.length : 4 * data.length;
        }
    }

    /**
     * @param header the header's fields (runId, frame, step and the rest: docs/protocol.md 3.4); its {@code type} and
     *               {@code sections} are set here
     */
    public static byte[] encode(ObjectNode header, List<Section> sections) {
        header.put("type", TYPE);
        List<Section> ordered = new java.util.ArrayList<>(sections.size());
        sections.stream().filter(s -> s.data() != null).forEach(ordered::add);
        sections.stream().filter(s -> s.png() != null).forEach(ordered::add);
        ArrayNode list = header.putArray("sections");
        int total = 0;
        for (Section s : ordered) {
            ObjectNode o = list.addObject().put("name", s.name());
            if (s.arm() >= 0) {
                o.put("arm", s.arm());
            }
            if (s.png() != null) {
                o.put("mime", PNG);
            } else {
                o.put("dtype", "float32");
                ArrayNode shape = o.putArray("shape");
                for (int d : s.shape()) {
                    shape.add(d);
                }
            }
            o.put("bytes", s.bytes());
            total += s.bytes();
        }
        ByteBuffer out = FrameContainer.withHeader(header, total);
        for (Section s : ordered) {
            if (s.png() != null) {
                out.put(s.png());
            } else {
                for (float v : s.data()) {
                    out.putFloat(v);
                }
            }
        }
        return out.array();
    }
}
