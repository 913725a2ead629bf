package dev.ganplayground.nn;

import static dev.ganplayground.nn.GradCheckSupport.EPS;
import static dev.ganplayground.nn.GradCheckSupport.FLOOR;
import static dev.ganplayground.nn.GradCheckSupport.TOLERANCE;
import static dev.ganplayground.nn.GradCheckSupport.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SoftmaxCrossEntropyTest {
    @Test
    @DisplayName("gradient w.r.t. the logits matches central differences")
    void gradient() {
        int rows = 5;
        int classes = 4;
        int[] labels = {0, 3, 1, 2, 3};
        try (FloatVec z = FloatVec.allocate(rows * classes); FloatVec g = FloatVec.allocate(rows * classes)) {
            fill(z, new SplittableRandom(4), -3, 3);
            SoftmaxCrossEntropy.lossAndGradient(z, labels, 0, rows, classes, g);
            double err = GradCheck.maxRelativeError(z, g.toArray(),
                    () -> SoftmaxCrossEntropy.lossAndGradient(z, labels, 0, rows, classes, null), EPS, FLOOR);
            assertThat(err).isLessThan(TOLERANCE);
        }
    }

    @Test
    @DisplayName("equal logits give log K; huge logits stay finite; each gradient row sums to 0")
    void values() {
        try (FloatVec z = FloatVec.allocate(6); FloatVec g = FloatVec.allocate(6)) {
            assertThat(SoftmaxCrossEntropy.lossAndGradient(z, new int[] {9, 2}, 1, 1, 3, null))
                    .isCloseTo(Math.log(3), within(1e-12));
            z.set(0, 1000f);
            z.set(4, -1000f);
            double loss = SoftmaxCrossEntropy.lossAndGradient(z, new int[] {0, 1}, 0, 2, 3, g);
            // Row 0 is certain and right (loss 0); row 1 has logits (0, -1000, 0) and label 1: loss 1000 + log 2.
            assertThat(loss).isCloseTo((1000 + Math.log(2)) / 2, within(1e-3));
            float[] gr = g.toArray();
            assertThat(gr[0] + gr[1] + gr[2]).isCloseTo(0f, within(1e-6f));
            assertThat(gr[3] + gr[4] + gr[5]).isCloseTo(0f, within(1e-6f));
        }
    }
}
