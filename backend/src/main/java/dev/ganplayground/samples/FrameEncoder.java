package dev.ganplayground.samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ganplayground.config.Json;
import dev.ganplayground.data.Bounds;
import dev.ganplayground.training.PlaneFrame;

import java.nio.ByteBuffer;

/**
 * Encodes a {@link PlaneFrame} into the binary WebSocket frame of docs/protocol.md section 3.4: a uint32 header
 * length, a space-padded JSON header, then float16 sections ({@link Float16}), all little-endian
 * ({@link FrameContainer}). Half precision halves what each of many viewers receives (~12 KB instead of ~25 KB at
 * the defaults) and is still finer than a pixel of the plane or a step of the heatmap's colours. Done once per
 * frame on the training thread; every viewer gets the same bytes.
 */
public final class FrameEncoder {
    /** The element type every section declares (docs/protocol.md 3.4). */
    public static final String DTYPE = "float16";

    private FrameEncoder() {
    }

    /**
     * @param runId the run the frame belongs to
     * @param frame the frame's per-run counter (1, 2, ...), so a client can tell skipped frames
     */
    public static byte[] encode(String runId, long frameNo, PlaneFrame f) {
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.put("type", "frame").put("runId", runId).put("frame", frameNo).put("step", f.step());
        Bounds b = f.bounds();
        header.putArray("bounds").add(b.xMin()).add(b.xMax()).add(b.yMin()).add(b.yMax());
        ArrayNode sections = header.putArray("sections");
        section(sections, "real", f.real().length / 2, 2);
        section(sections, "fake", f.fake().length / 2, 2);
        section(sections, "arrows", f.arrows().length / 2, 2);
        section(sections, "heatmap", f.heatmapSize(), f.heatmapSize());
        sections.addObject().put("name", "manifold").put("dtype", DTYPE).putArray("shape")
                .add(f.manifoldSize()).add(f.manifoldSize()).add(2);

        int values = f.real().length + f.fake().length + f.arrows().length + f.heatmap().length
                + f.manifold().length;
        ByteBuffer out = FrameContainer.withHeader(header, 2 * values);
        for (float[] section : new float[][]{f.real(), f.fake(), f.arrows(), f.heatmap(), f.manifold()}) {
            for (float v : section) {
                out.putShort(Float16.fromFloat(v));
            }
        }
        return out.array();
    }

    private static void section(ArrayNode sections, String name, int rows, int cols) {
        sections.addObject().put("name", name).put("dtype", DTYPE).putArray("shape").add(rows).add(cols);
    }
}
