package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.data.ImageDataset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImageCoverageTest {
    @Test
    @DisplayName("hand-made predictions: histogram, covered classes (>= 10% of n/K), KL to uniform, confidence")
    void histogramAndKl() {
        // K = 4, n = 10: counts 5, 4, 1, 0; the covered threshold is 0.1 * 10 / 4 = 0.25 images.
        int[] labels = {0, 0, 0, 0, 0, 1, 1, 1, 1, 2};
        float[] conf = {1, 1, 1, 1, 1, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        ImageCoverage r = ImageCoverage.fromPredictions(labels, conf, 4, 1.5);
        assertThat(r.counts()).containsExactly(5, 4, 1, 0);
        assertThat(r.classesCovered()).isEqualTo(3);
        double kl = 0.5 * Math.log(0.5 * 4) + 0.4 * Math.log(0.4 * 4) + 0.1 * Math.log(0.1 * 4);
        assertThat(r.klToUniform()).isCloseTo(kl, within(1e-12));
        assertThat(r.meanConfidence()).isCloseTo(0.75, within(1e-7));
        assertThat(r.frechetDistance()).isEqualTo(1.5);
        assertThat(r.n()).isEqualTo(10);
    }

    @Test
    @DisplayName("the 10% rule: with K = 10 and n = 1000, 10 images cover a class and 9 do not")
    void coveredThreshold() {
        int[] labels = new int[1000];
        for (int i = 0; i < 9; i++) {
            labels[i] = 1;
        }
        for (int i = 9; i < 19; i++) {
            labels[i] = 2;
        }
        ImageCoverage r = ImageCoverage.fromPredictions(labels, new float[1000], 10, Double.NaN);
        assertThat(r.counts()).startsWith(981, 9, 10);
        assertThat(r.classesCovered()).isEqualTo(2);
    }

    @Test
    @DisplayName("total collapse: one class covered, KL = log K; no images: KL = log K, nothing covered")
    void collapse() {
        ImageCoverage one = ImageCoverage.fromPredictions(new int[] {3, 3, 3}, new float[3], 8, 0);
        assertThat(one.classesCovered()).isEqualTo(1);
        assertThat(one.klToUniform()).isCloseTo(Math.log(8), within(1e-12));
        ImageCoverage none = ImageCoverage.fromPredictions(new int[0], new float[0], 8, Double.NaN);
        assertThat(none.classesCovered()).isZero();
        assertThat(none.klToUniform()).isCloseTo(Math.log(8), within(1e-12));
    }

    @Test
    @DisplayName("MNIST: real train images cover all 10 digits and sit far closer to the test features than noise")
    void mnistRealVersusNoise() {
        ImageDataset ds = TrainedClassifiers.mnistData();
        ImageClassifier c = TrainedClassifiers.mnist();
        int n = 2000;
        ImageCoverage real = ImageCoverage.evaluate(c, TrainedClassifiers.images(ds, 0, n), n);
        ImageCoverage noise = ImageCoverage.evaluate(c, noise(n * ds.imageSize(), 5), n);
        System.out.printf("MNIST Frechet classifier distance: real train %.3f, uniform noise %.3f%n",
                real.frechetDistance(), noise.frechetDistance());
        assertThat(real.classesCovered()).isEqualTo(10);
        assertThat(real.klToUniform()).isLessThan(0.02);
        assertThat(real.meanConfidence()).isGreaterThan(0.9);
        assertThat(real.frechetDistance()).isLessThan(noise.frechetDistance() / 20);
    }

    @Test
    @DisplayName("shapes: real images cover all 8 classes; circles alone cover exactly one")
    void shapesCollapse() {
        ImageDataset ds = TrainedClassifiers.shapesData();
        ImageClassifier c = TrainedClassifiers.shapes();
        int n = 800;
        ImageCoverage all = ImageCoverage.evaluate(c, TrainedClassifiers.images(ds, 0, n), n);
        assertThat(all.counts()).containsOnly(100);
        assertThat(all.classesCovered()).isEqualTo(8);
        float[] circles = new float[n * ds.imageSize()];
        for (int i = 0; i < n; i++) {
            ds.copyImage(8 * i, circles, i * ds.imageSize()); // class of image j is j mod 8: all circles
        }
        ImageCoverage collapsed = ImageCoverage.evaluate(c, circles, n);
        assertThat(collapsed.classesCovered()).isEqualTo(1);
        assertThat(collapsed.counts()[0]).isEqualTo(n);
        assertThat(collapsed.klToUniform()).isCloseTo(Math.log(8), within(1e-9));
        assertThat(collapsed.frechetDistance()).isGreaterThan(10 * all.frechetDistance());
    }

    private static float[] noise(int length, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) rng.nextDouble(-1, 1);
        }
        return x;
    }
}
