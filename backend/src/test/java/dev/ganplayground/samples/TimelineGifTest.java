package dev.ganplayground.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimelineGifTest {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    static List<Timeline.Frame> frames(int n, int channels) {
        ImageGrid g = ImageGrid.grid(16, 4, channels, 28, 28);
        ImageGrid walk = ImageGrid.strip(5, channels, 28, 28);
        List<Timeline.Frame> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Timeline.Frame(i + 1, 100L * i, g.png(SyntheticImages.rings(16, channels, 28, i)),
                    walk.png(SyntheticImages.rings(5, channels, 28, -i))));
        }
        return out;
    }

    private static IIOMetadataNode find(IIOMetadataNode parent, String name) {
        var nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : (IIOMetadataNode) nodes.item(0);
    }

    @Test
    @DisplayName("frames of different sizes (a growing ProGAN) are scaled to the largest, blocks kept crisp")
    void mixedSizes() throws IOException {
        // A 2x2 grid of 4x4 tiles, all white (34 px: 2 gaps of 2), and a 2x2 grid of 32x32 tiles (66 px).
        ImageGrid small = ImageGrid.grid(4, 2, 1, 4, 4);
        ImageGrid large = ImageGrid.grid(4, 2, 1, 32, 32);
        float[] white = new float[4 * 16];
        java.util.Arrays.fill(white, 1f);
        byte[] walk = ImageGrid.strip(1, 1, 4, 4).png(new float[16]);
        List<Timeline.Frame> frames = List.of(new Timeline.Frame(1, 0, small.png(white), walk),
                new Timeline.Frame(2, 10, large.png(SyntheticImages.rings(4, 1, 32, 1)), walk));
        byte[] gif = TimelineGif.write(frames);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(2);
            for (int i = 0; i < 2; i++) {
                BufferedImage img = reader.read(i);
                assertThat(img.getWidth()).isEqualTo(66);
                assertThat(img.getHeight()).isEqualTo(66 + TimelineGif.CAPTION_HEIGHT);
            }
            BufferedImage first = reader.read(0);
            assertThat(first.getRaster().getSample(5, 5, 0)).as("inside the first tile: white").isEqualTo(255);
            reader.dispose();
        }
    }

    @Test
    @DisplayName("the GIF decodes with its frames, grid plus caption size, loop extension, delays and captions")
    void decodes() throws IOException {
        for (int channels : new int[]{1, 3}) {
            byte[] gif = TimelineGif.write(frames(6, channels));
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
                ImageReader reader = ImageIO.getImageReaders(in).next();
                reader.setInput(in);
                assertThat(reader.getFormatName()).isEqualToIgnoringCase("gif");
                assertThat(reader.getNumImages(true)).isEqualTo(6);
                BufferedImage first = reader.read(0);
                assertThat(first.getWidth()).isEqualTo(4 * 28 + 3 * 2);
                assertThat(first.getHeight()).isEqualTo(4 * 28 + 3 * 2 + TimelineGif.CAPTION_HEIGHT);
                assertThat(captionInk(first)).as("caption text drawn").isGreaterThan(10);

                IIOMetadataNode meta0 = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT);
                IIOMetadataNode app = find(meta0, "ApplicationExtension");
                assertThat(app).isNotNull();
                assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
                assertThat(app.getAttribute("authenticationCode")).isEqualTo("2.0");
                assertThat((byte[]) app.getUserObject()).containsExactly(1, 0, 0);
                assertThat(find(meta0, "GraphicControlExtension").getAttribute("delayTime")).isEqualTo("10");
                IIOMetadataNode meta5 = (IIOMetadataNode) reader.getImageMetadata(5).getAsTree(FORMAT);
                assertThat(find(meta5, "GraphicControlExtension").getAttribute("delayTime")).isEqualTo("200");
                reader.dispose();
            }
        }
    }

    /** Bright pixels in the caption strip (the text "step N" on black). */
    private static int captionInk(BufferedImage img) {
        int ink = 0;
        for (int y = img.getHeight() - TimelineGif.CAPTION_HEIGHT; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xff) > 128) {
                    ink++;
                }
            }
        }
        return ink;
    }

    @Test
    @DisplayName("more frames than the cap: evenly chosen, first and last included")
    void capped() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            all.add(i);
        }
        List<Integer> chosen = TimelineGif.evenlyChosen(all, 300);
        assertThat(chosen).hasSize(300).startsWith(0).endsWith(999).isSorted().doesNotHaveDuplicates();
        assertThat(TimelineGif.evenlyChosen(all.subList(0, 5), 300)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    @DisplayName("write with a smaller frame cap writes that many frames")
    void smallerCap() throws IOException {
        byte[] gif = TimelineGif.write(frames(7, 1), 3);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(3);
            reader.dispose();
        }
    }
}
