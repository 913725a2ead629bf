package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubspaceAngleTest {
    @Test
    @DisplayName("identical spans given by different, non-orthonormal bases: 0 degrees")
    void identical() {
        // span(e1, e2) in R^3 as columns (1, 0, 0), (0, 1, 0) and as (2, 1, 0), (1, -3, 0).
        float[] a = {1, 0, 0, 1, 0, 0};
        float[] b = {2, 1, 1, -3, 0, 0};
        assertThat(SubspaceAngle.largestDegrees(a, b, 3, 2)).isCloseTo(0, within(1e-5));
    }

    @Test
    @DisplayName("orthogonal spans: 90 degrees")
    void orthogonal() {
        float[] a = {1, 0, 0, 0}; // e1 in R^4 (4 x 1)
        float[] b = {0, 0, 3, 0}; // e3
        assertThat(SubspaceAngle.largestDegrees(a, b, 4, 1)).isCloseTo(90, within(1e-9));
        // span(e1, e2) vs span(e1, e3): one shared direction, one at 90.
        float[] a2 = {1, 0, 0, 1, 0, 0};
        float[] b2 = {1, 0, 0, 0, 0, 1};
        assertThat(SubspaceAngle.principalAnglesDegrees(a2, b2, 3, 2, 2)).containsExactly(new double[] {0, 90},
                within(1e-6));
    }

    @Test
    @DisplayName("a plane rotated by a known angle about a shared axis: that angle, small ones included")
    void knownRotation() {
        for (double degrees : new double[] {0.01, 1, 17, 44, 46, 73, 89.5}) {
            double t = Math.toRadians(degrees);
            // span(e1, e2) vs span(e1 + r, r) with r = cos t e2 + sin t e3: the plane turned about e1 by t.
            float c = (float) Math.cos(t);
            float s = (float) Math.sin(t);
            float[] a = {1, 0, 0, 1, 0, 0};
            float[] b = {1, 0, c, c, s, s};
            assertThat(SubspaceAngle.largestDegrees(a, b, 3, 2)).as("%s degrees", degrees)
                    .isCloseTo(degrees, within(1e-4));
        }
    }

    @Test
    @DisplayName("two angles in R^5: both recovered, smallest first")
    void twoAngles() {
        double t1 = Math.toRadians(10);
        double t2 = Math.toRadians(35);
        float[] a = {1, 0, 0, 1, 0, 0, 0, 0, 0, 0}; // e1, e2 (5 x 2)
        float[] b = {(float) Math.cos(t1), 0, 0, (float) Math.cos(t2), (float) Math.sin(t1), 0, 0,
            (float) Math.sin(t2), 0, 0};
        assertThat(SubspaceAngle.principalAnglesDegrees(a, b, 5, 2, 2)).containsExactly(new double[] {10, 35},
                within(1e-4));
    }

    @Test
    @DisplayName("rank deficiency: dependent columns dropped; spans of different rank are 90 degrees apart")
    void rankDeficient() {
        float[] a = {1, 2, 0, 0, 0, 1, 0, 0, 0}; // columns e1, 2 e1, e2 (3 x 3): rank 2
        float[] b = {1, 0, 0, 1, 0, 0}; // e1, e2
        assertThat(SubspaceAngle.rank(a, 3, 3)).isEqualTo(2);
        assertThat(SubspaceAngle.largestDegrees(a, b, 3, 3, 2)).isCloseTo(0, within(1e-5));
        float[] collapsed = {1, 1, 0, 0, 0, 0}; // e1, e1: rank 1 against PCA's rank 2
        assertThat(SubspaceAngle.largestDegrees(collapsed, b, 3, 2)).isEqualTo(90);
        assertThat(SubspaceAngle.principalAnglesDegrees(collapsed, b, 3, 2, 2)).containsExactly(new double[] {0},
                within(1e-5));
        assertThat(SubspaceAngle.largestDegrees(new float[6], new float[6], 3, 2)).isZero();
    }
}
