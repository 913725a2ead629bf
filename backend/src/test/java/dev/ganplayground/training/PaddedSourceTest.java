package dev.ganplayground.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 28x28 images padded to 32x32 with the background -1, and the centre crop back. */
class PaddedSourceTest {
    @Test
    @DisplayName("padding centres each image in a -1 border and the centre crop gives it back exactly")
    void padAndCrop() {
        PaddedSource padded = new PaddedSource(ImageTrainerTest.SQUARES, 32);
        assertThat(padded.shape()).isEqualTo(new RealSource.SampleShape(1, 32, 32));
        float[] raw = new float[2 * 28 * 28];
        ImageTrainerTest.SQUARES.sample(new SplittableRandom(3), raw, 0, 2);
        float[] out = new float[5 + 2 * 32 * 32];
        padded.sample(new SplittableRandom(3), out, 5, 2);
        for (int i = 0; i < 2; i++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    boolean border = y < 2 || y >= 30 || x < 2 || x >= 30;
                    float v = out[5 + i * 1024 + y * 32 + x];
                    assertThat(v).isEqualTo(border ? -1f : raw[i * 784 + (y - 2) * 28 + (x - 2)]);
                }
            }
        }
        float[] images = java.util.Arrays.copyOfRange(out, 5, out.length);
        assertThat(PaddedSource.cropCentre(images, 2, 1, 32, 28, 28)).containsExactly(raw);
    }
}
