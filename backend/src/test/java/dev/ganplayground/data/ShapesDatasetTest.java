package dev.ganplayground.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShapesDatasetTest {
    @Test
    @DisplayName("the same seed gives the same bytes; another seed gives other images")
    void deterministic() {
        ImageDataset a = ShapesDataset.generate(5, 800);
        ImageDataset b = ShapesDataset.generate(5, 800);
        ImageDataset c = ShapesDataset.generate(6, 800);
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        assertThat(image(a, 123)).isEqualTo(image(b, 123));
        assertThat(image(a, 123)).isNotEqualTo(image(c, 123));
    }

    @Test
    @DisplayName("default set: 12000 images, 8 balanced classes, balanced test part, 28 x 28 x 1")
    void balanced() {
        ImageDataset d = ShapesDataset.generate();
        assertThat(d.size()).isEqualTo(12_000);
        assertThat(d.classCount()).isEqualTo(8);
        assertThat(d.classCounts()).containsOnly(1500);
        assertThat(d.channels()).isEqualTo(1);
        assertThat(d.height()).isEqualTo(28);
        assertThat(d.width()).isEqualTo(28);
        int[] test = new int[8];
        for (int i = d.trainCount(); i < d.size(); i++) {
            test[d.label(i)]++;
        }
        assertThat(test).containsOnly(300);
    }

    @Test
    @DisplayName("pixels lie in [-1, 1]: black background, a bright shape with anti-aliased grey edges")
    void pixelRange() {
        ImageDataset d = ShapesDataset.generate(9, 400);
        float[] x = new float[400 * 784];
        d.sample(new SplittableRandom(1), x, 0, 400);
        for (float v : x) {
            assertThat(v).isBetween(-1f, 1f);
        }
        for (int i = 0; i < 400; i++) {
            float[] img = image(d, i);
            int background = 0;
            int bright = 0;
            int grey = 0;
            for (float v : img) {
                if (v == -1f) {
                    background++;
                } else if (v > 0.3f) {
                    bright++;
                } else {
                    grey++;
                }
            }
            assertThat(background).as("image %d background", i).isGreaterThan(300);
            assertThat(bright).as("image %d shape", i).isGreaterThan(20);
            assertThat(grey).as("image %d edges", i).isGreaterThan(5);
        }
    }

    private static float[] image(ImageDataset d, int i) {
        float[] out = new float[d.imageSize()];
        d.copyImage(i, out, 0);
        return out;
    }
}
