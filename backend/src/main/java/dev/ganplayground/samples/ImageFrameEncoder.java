package dev.ganplayground.samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ganplayground.config.Json;

import java.nio.ByteBuffer;

/**
 * Encodes the samples of an image run into a binary WebSocket frame: the container of {@link FrameEncoder}
 * ({@link FrameContainer}: uint32 little-endian header length H, a multiple of 4, then H bytes of space-padded
 * UTF-8 JSON), with the header
 * <pre>{"type":"images","runId":..,"frame":n,"step":s,
 *  "grid":{"cols":c,"rows":r,"tile":[C,H,W],"gap":g},
 *  "walk":{"count":k,"from":i,"to":j},
 *  "growth":{"resolution":r,"maxResolution":m,"phase":"fade-in","alpha":a,"progress":p,"images":n},  (ProGAN only)
 *  "sections":[{"name":"grid","mime":"image/png","bytes":N1},{"name":"walk","mime":"image/png","bytes":N2}]}</pre>
 * and then the sections' raw bytes one after another in header order, <em>without</em> padding: section i starts
 * at {@code 4 + H + sum of the bytes of the sections before it}, and the frame ends with the last section (its
 * length is exactly {@code 4 + H + N1 + N2}). PNG bytes need no alignment; a client slices them into Blobs.
 * {@code walk.from} and {@code walk.to} are the grid indices (row-major) of the walk's two end images. Encoded once
 * per frame on the training thread; every viewer gets the same bytes.
 */
public final class ImageFrameEncoder {
    public static final String GRID = "grid";
    public static final String WALK = "walk";
    private static final String PNG = "image/png";

    private ImageFrameEncoder() {
    }

    /**
     * @param frameNo  the run's frame counter (1, 2, ...), so a client can tell skipped frames
     * @param grid     the layout of the sample grid
     * @param gridPng  the grid as PNG ({@link ImageGrid#png})
     * @param walkFrom grid index of the walk's first image
     * @param walkTo   grid index of the walk's last image
     * @param walk     the layout of the walk strip ({@code cols} is the walk's image count)
     * @param walkPng  the walk strip as PNG
     */
    public static byte[] encode(String runId, long frameNo, long step, ImageGrid grid, byte[] gridPng,
                                int walkFrom, int walkTo, ImageGrid walk, byte[] walkPng) {
        return encode(runId, frameNo, step, grid, gridPng, walkFrom, walkTo, walk, walkPng, null);
    }

    /**
     * ProGAN's growth status, the header's optional {@code growth} object (docs/protocol.md 3.4).
     *
     * @param resolution    the side of the images now (grid.tile's H and W)
     * @param maxResolution the side it grows to
     * @param phase         "fade-in", "stabilise" or "done"
     * @param alpha         the new resolution's weight, in [0, 1]
     * @param progress      fraction of the current phase done, in [0, 1]
     * @param images        real images shown to D so far
     */
    public record Growth(int resolution, int maxResolution, String phase, double alpha, double progress,
                         long images) {
    }

    /** As above, with the header's {@code growth} object when {@code growth} is not null (ProGAN runs). */
    public static byte[] encode(String runId, long frameNo, long step, ImageGrid grid, byte[] gridPng,
                                int walkFrom, int walkTo, ImageGrid walk, byte[] walkPng, Growth growth) {
        ObjectNode header = Json.MAPPER.createObjectNode();
        header.put("type", "images").put("runId", runId).put("frame", frameNo).put("step", step);
        if (growth != null) {
            header.set("growth", Json.MAPPER.valueToTree(growth));
        }
        ObjectNode g = header.putObject("grid").put("cols", grid.cols()).put("rows", grid.rows());
        g.putArray("tile").add(grid.channels()).add(grid.height()).add(grid.width());
        g.put("gap", grid.gap());
        header.putObject("walk").put("count", walk.cols() * walk.rows()).put("from", walkFrom).put("to", walkTo);
        ArrayNode sections = header.putArray("sections");
        sections.addObject().put("name", GRID).put("mime", PNG).put("bytes", gridPng.length);
        sections.addObject().put("name", WALK).put("mime", PNG).put("bytes", walkPng.length);

        ByteBuffer out = FrameContainer.withHeader(header, gridPng.length + walkPng.length);
        out.put(gridPng).put(walkPng);
        return out.array();
    }

    /** Convenience: encodes a timeline frame (e.g. to replay it to a viewer scrubbing back). */
    public static byte[] encode(String runId, Timeline.Frame frame, ImageGrid grid, int walkFrom, int walkTo,
                                ImageGrid walk) {
        return encode(runId, frame.frameNumber(), frame.step(), grid, frame.gridPng(), walkFrom, walkTo, walk,
                frame.walkPng());
    }
}
