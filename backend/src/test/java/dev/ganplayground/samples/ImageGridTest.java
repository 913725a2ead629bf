package dev.ganplayground.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImageGridTest {
    private static int grey(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }

    @Test
    @DisplayName("an 8x8 grid of 28 px tiles with a 2 px gap is 238 px square; a strip is one row")
    void layout() {
        ImageGrid g = ImageGrid.grid(64, 8, 1, 28, 28);
        assertThat(g).isEqualTo(new ImageGrid(8, 8, 1, 28, 28, 2));
        assertThat(g.pixelWidth()).isEqualTo(238);
        assertThat(g.pixelHeight()).isEqualTo(238);
        assertThat(ImageGrid.grid(10, 8, 1, 28, 28).rows()).isEqualTo(2);
        assertThat(ImageGrid.grid(3, 8, 1, 28, 28).cols()).isEqualTo(3);
        ImageGrid s = ImageGrid.strip(10, 3, 28, 28);
        assertThat(s.rows()).isEqualTo(1);
        assertThat(s.pixelWidth()).isEqualTo(10 * 28 + 9 * 2);
        assertThat(s.tileSize()).isEqualTo(3 * 28 * 28);
    }

    @Test
    @DisplayName("-1 is black, 1 white, 0 mid-grey, outside [-1, 1] clamped; tiles fill row by row; gap is dark grey")
    void greyPixels() {
        ImageGrid g = new ImageGrid(2, 2, 1, 2, 2, 1);
        float[] images = {-1, 1, 0, 5, /* image 1 */ -3, -1, -1, -1, /* image 2 */ 1, 1, 1, 1};
        BufferedImage img = g.render(images);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(img.getWidth()).isEqualTo(5);
        assertThat(new int[]{grey(img, 0, 0), grey(img, 1, 0), grey(img, 0, 1), grey(img, 1, 1)})
                .containsExactly(0, 255, 128, 255);
        assertThat(grey(img, 3, 0)).isZero(); // image 1 (top right) clamped -3
        assertThat(grey(img, 0, 3)).isEqualTo(255); // image 2 (bottom left)
        assertThat(grey(img, 2, 0)).isEqualTo(ImageGrid.GAP_GREY);
        assertThat(grey(img, 0, 2)).isEqualTo(ImageGrid.GAP_GREY);
        assertThat(grey(img, 4, 4)).isEqualTo(ImageGrid.GAP_GREY); // cell past the last image
    }

    @Test
    @DisplayName("NaN pixels are a black/white checkerboard, in grey and in colour")
    void nanMarker() {
        float[] nan = new float[3 * 2 * 2];
        Arrays.fill(nan, Float.NaN);
        BufferedImage grey = new ImageGrid(1, 1, 1, 2, 2, 0).render(Arrays.copyOf(nan, 4));
        assertThat(new int[]{grey(grey, 0, 0), grey(grey, 1, 0), grey(grey, 0, 1), grey(grey, 1, 1)})
                .containsExactly(255, 0, 0, 255);
        float[] one = new float[12]; // one NaN channel spoils the pixel
        one[2 * 4 + 1] = Float.NaN; // blue of pixel (1, 0)
        BufferedImage rgb = new ImageGrid(1, 1, 3, 2, 2, 0).render(one);
        assertThat(rgb.getRGB(1, 0) & 0xffffff).isEqualTo(0x000000);
        assertThat(rgb.getRGB(0, 0) & 0xffffff).isEqualTo(0x808080);
    }

    @Test
    @DisplayName("colour tiles keep channel order R, G, B (planes of NCHW)")
    void colour() {
        float[] red = {1, -1, -1}; // one pixel, planes R, G, B
        float[] green = {-1, 1, -1};
        float[] both = new float[6];
        System.arraycopy(red, 0, both, 0, 3);
        System.arraycopy(green, 0, both, 3, 3);
        BufferedImage img = ImageGrid.strip(2, 3, 1, 1).render(both);
        assertThat(img.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThat(img.getRGB(3, 0) & 0xffffff).isEqualTo(0x00ff00);
        assertThat(img.getRGB(1, 0) & 0xffffff).isEqualTo(0x404040);
    }

    @Test
    @DisplayName("PNG round trip gives the rendered pixels back, grey and RGB")
    void pngRoundTrip() {
        for (int channels : new int[]{1, 3}) {
            ImageGrid g = ImageGrid.grid(64, 8, channels, 28, 28);
            float[] images = SyntheticImages.rings(64, channels, 28, 7);
            BufferedImage rendered = g.render(images);
            BufferedImage decoded = PngCodec.decode(g.png(images));
            assertThat(decoded.getWidth()).isEqualTo(238);
            assertThat(decoded.getHeight()).isEqualTo(238);
            assertThat(decoded.getRaster().getNumBands()).isEqualTo(channels);
            for (int y = 0; y < 238; y += 3) {
                for (int x = 0; x < 238; x += 5) {
                    assertThat(decoded.getRGB(x, y)).isEqualTo(rendered.getRGB(x, y));
                }
            }
        }
    }

    @Test
    @DisplayName("wrong float counts and channel counts are refused")
    void badInput() {
        ImageGrid g = new ImageGrid(2, 1, 1, 2, 2, 1);
        assertThatThrownBy(() -> g.render(new float[5])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.render(new float[12])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageGrid(1, 1, 2, 2, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PngCodec.decode(new byte[]{1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    }
}
