package dev.ganplayground.samples;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The timeline as an animated GIF: each frame's grid with a caption strip "step N" under it, looping forever
 * (NETSCAPE2.0 application extension, loop count 0), {@link #FRAME_DELAY_MS} per frame and the last frame held
 * {@link #LAST_FRAME_DELAY_MS} so the final state can be seen before the loop restarts. At most {@link #MAX_FRAMES}
 * frames, evenly chosen (first and last included), so cost is bounded whatever the timeline holds.
 *
 * <p>Cost (ImageCodecBench, 300 frames of an 8x8 grid of 28 px, 2 shared cores): MNIST digits 1.6 s and 4.7 MB
 * (15 KB a frame), uniform noise 1.3 s and 21.5 MB: build it on request, off the event loop.
 *
 * <p>Frames of different sizes (a ProGAN run's grid grows with its resolution) are scaled, nearest neighbour, to
 * the largest frame's size, so the movie keeps one size and the early low-resolution grids show as blocks.
 *
 * <p>Grey grids are written as 8-bit grey (one band, which the JDK GIF writer takes as is: cheap); colour grids go
 * through the writer's own palette quantisation, slower and lossy. Uses JDK ImageIO only; the GIF metadata names
 * come from the "javax_imageio_gif_image_1.0" format of the ImageIO documentation.
 */
public final class TimelineGif {
    public static final int MAX_FRAMES = 300;
    public static final int FRAME_DELAY_MS = 100;
    public static final int LAST_FRAME_DELAY_MS = 2000;
    /** Height of the caption strip under the grid. */
    static final int CAPTION_HEIGHT = 14;
    private static final String GIF_FORMAT = "javax_imageio_gif_image_1.0";

    private TimelineGif() {
    }

    /** The movie of {@code frames} (oldest first), at most {@link #MAX_FRAMES} of them, as GIF bytes. */
    public static byte[] write(List<Timeline.Frame> frames) {
        return write(frames, MAX_FRAMES);
    }

    /** The movie of at most {@code maxFrames} of {@code frames} (oldest first), as GIF bytes. */
    public static byte[] write(List<Timeline.Frame> frames, int maxFrames) {
        if (frames.isEmpty() || maxFrames < 2) {
            throw new IllegalArgumentException(frames.size() + " frames, at most " + maxFrames + ": nothing to write");
        }
        List<Timeline.Frame> chosen = evenlyChosen(frames, maxFrames);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            List<BufferedImage> grids = new ArrayList<>(chosen.size());
            int width = 0;
            int height = 0;
            for (Timeline.Frame f : chosen) {
                BufferedImage grid = PngCodec.decode(f.gridPng());
                grids.add(grid);
                width = Math.max(width, grid.getWidth());
                height = Math.max(height, grid.getHeight());
            }
            for (int i = 0; i < chosen.size(); i++) {
                boolean last = i == chosen.size() - 1;
                BufferedImage img = captioned(chosen.get(i), grids.get(i), width, height);
                IIOMetadata meta = metadata(writer, img, last ? LAST_FRAME_DELAY_MS : FRAME_DELAY_MS, i == 0);
                writer.writeToSequence(new IIOImage(img, null, meta), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException("GIF encoding failed", e); // in-memory: cannot really happen
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** At most {@code max} of {@code all}, evenly spaced, the first and the last included. */
    static <T> List<T> evenlyChosen(List<T> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<T> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(all.get((int) Math.round((double) i * (all.size() - 1) / (max - 1))));
        }
        return out;
    }

    /** The grid scaled (nearest neighbour) to width x height, with the caption strip under it. */
    private static BufferedImage captioned(Timeline.Frame frame, BufferedImage grid, int width, int height) {
        int type = grid.getType() == BufferedImage.TYPE_BYTE_GRAY
                ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage img = new BufferedImage(width, height + CAPTION_HEIGHT, type);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(grid, 0, 0, width, height, null);
            g.setColor(Color.BLACK);
            g.fillRect(0, height, width, CAPTION_HEIGHT);
            g.setColor(Color.WHITE);
            // Greyscale anti-aliasing only: sub-pixel (LCD) text would add colour fringes to a grey image.
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString("step " + frame.step(), 3, img.getHeight() - 3);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static IIOMetadata metadata(ImageWriter writer, BufferedImage img, int delayMs, boolean first)
            throws IIOInvalidTreeException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(GIF_FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("transparentColorIndex", "0");
        control.setAttribute("delayTime", Integer.toString(delayMs / 10)); // GIF delays are in 1/100 s
        if (first) {
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[]{1, 0, 0}); // sub-block id 1, loop count 0 (forever), little-endian
            child(root, "ApplicationExtensions").appendChild(loop);
        }
        meta.setFromTree(GIF_FORMAT, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equals(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
