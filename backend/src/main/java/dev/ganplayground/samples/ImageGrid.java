package dev.ganplayground.samples;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * The layout of a mosaic of equally sized image tiles, and its rendering to a {@link BufferedImage} or PNG bytes.
 * Images come as floats in [-1, 1], {@code channels x height x width} per image (NCHW), images one after another in
 * one array; tiles fill the mosaic row by row, cells past the last image stay gap-coloured.
 *
 * <p>Pixel mapping: {@code v -> round((v + 1) * 127.5)}, so -1 is black and 1 white; values outside [-1, 1] are
 * clamped. A pixel with a NaN in any channel is drawn as a one-pixel black/white checkerboard: it cannot be mistaken
 * for data (no generator output looks like that), works in grey and RGB alike, and a diverged generator shows up as
 * a screen of tiny checks instead of a plausible-looking grey. Channels 1 give an 8-bit grey image, 3 an RGB one.
 *
 * @param cols     tiles per row
 * @param rows     tile rows
 * @param channels 1 (grey) or 3 (RGB)
 * @param height   tile height in pixels
 * @param width    tile width in pixels
 * @param gap      pixels between tiles (and none around the mosaic), drawn {@link #GAP_GREY}
 */
public record ImageGrid(int cols, int rows, int channels, int height, int width, int gap) {
    /** Default gap between tiles, in pixels. */
    public static final int DEFAULT_GAP = 2;
    /** Grey level of the gap: dark but distinct from the black (-1) background of digit images. */
    public static final int GAP_GREY = 64;
    /** The sample value drawn as {@link #GAP_GREY}: fills a tile that should read as an empty cell. */
    public static final float GAP_VALUE = GAP_GREY / 127.5f - 1f;

    public ImageGrid {
        if (cols < 1 || rows < 1 || height < 1 || width < 1 || gap < 0) {
            throw new IllegalArgumentException("bad grid " + cols + "x" + rows + " of " + height + "x" + width
                    + ", gap " + gap);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, found " + channels);
        }
    }

    /** A mosaic of {@code count} tiles, {@code cols} per row (fewer if count is smaller), rows as needed. */
    public static ImageGrid grid(int count, int cols, int channels, int height, int width) {
        int c = Math.min(cols, Math.max(count, 1));
        return new ImageGrid(c, Math.max(1, (count + c - 1) / c), channels, height, width, DEFAULT_GAP);
    }

    /** One row of {@code count} tiles (a latent walk), default gap. */
    public static ImageGrid strip(int count, int channels, int height, int width) {
        return new ImageGrid(Math.max(count, 1), 1, channels, height, width, DEFAULT_GAP);
    }

    /** Floats per image. */
    public int tileSize() {
        return channels * height * width;
    }

    public int pixelWidth() {
        return cols * width + (cols - 1) * gap;
    }

    public int pixelHeight() {
        return rows * height + (rows - 1) * gap;
    }

    /**
     * Renders the images into a new image, {@code TYPE_BYTE_GRAY} or {@code TYPE_3BYTE_BGR}.
     *
     * @param images whole images, at most {@code cols * rows} of them
     */
    public BufferedImage render(float[] images) {
        if (images.length % tileSize() != 0 || images.length / tileSize() > cols * rows) {
            throw new IllegalArgumentException(images.length + " floats are not at most " + cols * rows
                    + " images of " + tileSize());
        }
        int w = pixelWidth();
        BufferedImage img = new BufferedImage(w, pixelHeight(),
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Arrays.fill(px, (byte) GAP_GREY);
        int plane = height * width;
        for (int n = 0; n < images.length / tileSize(); n++) {
            int x0 = (n % cols) * (width + gap);
            int y0 = (n / cols) * (height + gap);
            int base = n * tileSize();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int out = ((y0 + y) * w + x0 + x) * channels;
                    int in = base + y * width + x;
                    if (isNaNPixel(images, in, plane)) {
                        Arrays.fill(px, out, out + channels, (byte) (((x + y) & 1) == 0 ? 255 : 0));
                        continue;
                    }
                    for (int c = 0; c < channels; c++) {
                        // BGR byte order for colour: channel 0 (red) goes last.
                        px[out + (channels == 1 ? 0 : 2 - c)] = level(images[in + c * plane]);
                    }
                }
            }
        }
        return img;
    }

    /** {@link #render} then {@link PngCodec#encode}. */
    public byte[] png(float[] images) {
        return PngCodec.encode(render(images));
    }

    private boolean isNaNPixel(float[] images, int in, int plane) {
        for (int c = 0; c < channels; c++) {
            if (Float.isNaN(images[in + c * plane])) {
                return true;
            }
        }
        return false;
    }

    private static byte level(float v) {
        float clamped = Math.max(-1f, Math.min(1f, v));
        return (byte) Math.round((clamped + 1f) * 127.5f);
    }
}
