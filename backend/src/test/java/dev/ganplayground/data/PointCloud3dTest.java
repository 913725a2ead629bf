package dev.ganplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.metrics.Pca;
import dev.ganplayground.metrics.SubspaceAngle;
import dev.ganplayground.training.PointCloudSource;
import dev.ganplayground.training.RealSource;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PointCloud3dTest {
    @Test
    @DisplayName("the standard plane: orthonormal u, v and normal = u x v with the documented values")
    void standardPlane() {
        PointCloud3d.Plane p = PointCloud3d.standard().plane();
        double r5 = Math.sqrt(5);
        assertThat(p.origin()).containsExactly(1.0, 0.5, -0.5);
        assertThat(p.u()).containsExactly(new double[] {2 / r5, 1 / r5, 0}, within(1e-12));
        assertThat(p.v()).containsExactly(new double[] {-2 / (3 * r5), 4 / (3 * r5), 5 / (3 * r5)}, within(1e-12));
        assertThat(p.normal()).containsExactly(new double[] {1 / 3.0, -2 / 3.0, 2 / 3.0}, within(1e-12));
        assertThat(p.basis()).hasSize(6);
        assertThat(PointCloud3d.standard().variances()).containsExactly(1.0, 0.25, 0.05 * 0.05);
    }

    @Test
    @DisplayName("PCA of 20,000 samples finds the plane: mean, spreads and subspace (< 1 degree)")
    void pcaFindsThePlane() {
        PointCloud3d cloud = PointCloud3d.standard();
        int n = 20_000;
        float[] x = new float[3 * n];
        cloud.sample(new SplittableRandom(1), x, 0, n);
        Pca pca = Pca.fit(x, n, 3, 2);
        double[] expected = cloud.variances();
        double[] values = pca.eigenvalues();
        for (int i = 0; i < 3; i++) {
            assertThat(values[i]).isCloseTo(expected[i], within(0.05 * expected[i]));
        }
        assertThat(pca.mean()).containsExactly(cloud.plane().origin(), within(0.03));
        assertThat(SubspaceAngle.largestDegrees(pca.basis(2), cloud.plane().basis(), 3, 2)).isLessThan(1);
        // 2 codes can do no better than the noise off the plane: noise^2 / 3 per value.
        assertThat(pca.optimalMse(2)).isCloseTo(expected[2] / 3, within(0.1 * expected[2] / 3));
    }

    @Test
    @DisplayName("held-out set: fixed (same points every time), 500 points, not the training stream")
    void heldOut() {
        PointCloud3d cloud = PointCloud3d.standard();
        float[] held = cloud.heldOut();
        assertThat(held).hasSize(3 * PointCloud3d.HELD_OUT_SIZE).containsExactly(cloud.heldOut());
        float[] again = new float[held.length];
        cloud.sample(new SplittableRandom(PointCloud3d.HELD_OUT_SEED), again, 0, PointCloud3d.HELD_OUT_SIZE);
        assertThat(again).containsExactly(held);
        float[] other = new float[held.length];
        cloud.sample(new SplittableRandom(1), other, 0, PointCloud3d.HELD_OUT_SIZE);
        assertThat(other).isNotEqualTo(held);
    }

    @Test
    @DisplayName("as a RealSource: shape 3 x 1 x 1, samples only from the caller's rng, at the given offset")
    void source() {
        RealSource source = PointCloudSource.standard();
        assertThat(source.shape()).isEqualTo(new RealSource.SampleShape(3, 1, 1));
        assertThat(source.width()).isEqualTo(3);
        float[] a = new float[3 * 10 + 3];
        float[] b = new float[3 * 10];
        source.sample(new SplittableRandom(9), a, 3, 10);
        source.sample(new SplittableRandom(9), b, 0, 10);
        assertThat(a[0]).isZero();
        for (int i = 0; i < b.length; i++) {
            assertThat(a[3 + i]).isEqualTo(b[i]);
        }
        assertThatThrownBy(() -> source.sample(new SplittableRandom(1), new float[5], 0, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("bad settings are refused")
    void refusesBadSettings() {
        double[] o = {0, 0, 0};
        assertThatThrownBy(() -> new PointCloud3d(o, new double[] {1, 0, 0}, new double[] {2, 0, 0}, 1, 0.5, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PointCloud3d(o, new double[] {1, 0, 0}, new double[] {0, 1, 0}, 1, 0.1, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
