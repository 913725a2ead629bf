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
 *
 * <p>StyleGAN runs add {@code "style":{"psi":p,"mix":{"rows":r,"cols":c,"layers":"coarse","from":i,"to":j},
 * "noise":{"count":k}}} and two more sections after the walk, {@code "mixing"} and {@code "noise"} (see
 * {@link StyleSections}).
 */
public final class ImageFrameEncoder {
    public static final String GRID = "grid";
    public static final String WALK = "walk";
    public static final String MIXING = "mixing";
    public static final String NOISE = "noise";
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
        return encode(runId, frameNo, step, grid, gridPng, walkFrom, walkTo, walk, walkPng, null, null);
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

    /**
     * A StyleGAN run's extra views (docs/protocol.md 3.4).
     *
     * @param psi        the truncation psi the frame's views were rendered with
     * @param rows       A sources (the mixing grid's rows below its header row)
     * @param cols       B sources (its columns right of the header column)
     * @param layers     "coarse", "middle" or "fine"
     * @param from       first style layer taken from B
     * @param to         end (exclusive) of the layers taken from B
     * @param mixingPng  the (rows + 1) x (cols + 1) mixing grid
     * @param noiseCount noise draws in the noise strip (the strip has one more tile: their per-pixel std)
     * @param noisePng   the noise strip
     */
    public record StyleSections(double psi, int rows, int cols, String layers, int from, int to, byte[] mixingPng,
                                int noiseCount, byte[] noisePng) {
    }

    /**
     * As above, with the header's {@code growth} object when {@code growth} is not null (ProGAN runs), and a
     * StyleGAN run's {@code style} header and sections when {@code style} is not null.
     */
    public static byte[] encode(String runId, long frameNo, long step, ImageGrid grid, byte[] gridPng,
                                int walkFrom, int walkTo, ImageGrid walk, byte[] walkPng, Growth growth,
                                StyleSections style) {
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

        int extra = 0;
        if (style != null) {
            ObjectNode st = header.putObject("style").put("psi", style.psi());
            st.putObject("mix").put("rows", style.rows()).put("cols", style.cols()).put("layers", style.layers())
                    .put("from", style.from()).put("to", style.to());
            st.putObject("noise").put("count", style.noiseCount());
            sections.addObject().put("name", MIXING).put("mime", PNG).put("bytes", style.mixingPng().length);
            sections.addObject().put("name", NOISE).put("mime", PNG).put("bytes", style.noisePng().length);
            extra = style.mixingPng().length + style.noisePng().length;
        }
        ByteBuffer out = FrameContainer.withHeader(header, gridPng.length + walkPng.length + extra);
        out.put(gridPng).put(walkPng);
        if (style != null) {
            out.put(style.mixingPng()).put(style.noisePng());
        }
        return out.array();
    }

    /** Convenience: encodes a timeline frame (e.g. to replay it to a viewer scrubbing back). */
    public static byte[] encode(String runId, Timeline.Frame frame, ImageGrid grid, int walkFrom, int walkTo,
                                ImageGrid walk) {
        return encode(runId, frame.frameNumber(), frame.step(), grid, frame.gridPng(), walkFrom, walkTo, walk,
                frame.walkPng());
    }
}
