package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ganplayground.data.Bounds;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LatentMapTest {
    private static final Offset<Float> TINY = within(1e-5f);

    @Test
    @DisplayName("codes of size 2 are drawn as they are; bounds = extent + 5% each side; labels kept")
    void twoDimensional() {
        float[] codes = {0, 0, 2, 1, 1, -3};
        LatentMap map = LatentMap.of(codes, 3, 2, new int[] {7, 8, 9});
        assertThat(map.points()).containsExactly(codes);
        assertThat(map.labels()).containsExactly(7, 8, 9);
        assertThat(map.bounds()).isEqualTo(new Bounds(-0.1, 2.1, -3.2, 1.2));
        assertThat(map.projection()).isEqualTo(LatentProjection.identity(2));
    }

    @Test
    @DisplayName("a map through an earlier map's projection keeps its axes: points move only with the codes")
    void reusedProjection() {
        float[] first = {0, 0, 0, 2, 0, 0, 0, 1, 0, -2, 0, 0, 0, -1, 0};
        LatentMap fitted = LatentMap.of(first, 5, 3, null);
        float[] moved = first.clone();
        moved[0] = 1;
        LatentMap again = LatentMap.of(moved, 5, new int[] {1, 2, 3, 4, 5}, fitted.projection());
        assertThat(again.projection()).isSameAs(fitted.projection());
        assertThat(again.points()).containsExactly(fitted.projection().project(moved, 5));
        assertThat(again.labels()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("codes of size 1 map to (code, 0); no labels -> empty labels")
    void oneDimensional() {
        LatentMap map = LatentMap.of(new float[] {-1, 3}, 2, 1, null);
        assertThat(map.points()).containsExactly(-1, 0, 3, 0);
        assertThat(map.labels()).isEmpty();
        assertThat(map.bounds()).isEqualTo(new Bounds(-1.2, 3.2, -1, 1));
    }

    @Test
    @DisplayName("4-D codes on a plane: the map shows their plane coordinates about the mean, and lifts back exactly")
    void principalPlane() {
        // Plane through m spanned by orthonormal u, v (largest entries positive, as Pca orients components).
        double[] m = {1, -2, 0.5, 3};
        double[] u = {0.5, 0.5, 0.5, 0.5};
        double[] v = {0.5, -0.5, 0.5, -0.5};
        // A full 7 x 3 design: a and b have mean 0 and no sample correlation, so PCA's axes are exactly u and v.
        int n = 21;
        double[] a = new double[n];
        double[] b = new double[n];
        float[] codes = new float[n * 4];
        for (int i = 0; i < n; i++) {
            a[i] = 0.75 * (i % 7 - 3);
            b[i] = 0.5 * (i / 7 - 1);
            for (int j = 0; j < 4; j++) {
                codes[i * 4 + j] = (float) (m[j] + a[i] * u[j] + b[i] * v[j]);
            }
        }
        LatentMap map = LatentMap.of(codes, n, 4, null);
        float[] points = map.points();
        for (int i = 0; i < n; i++) {
            assertThat(points[2 * i]).isCloseTo((float) a[i], within(1e-4f));
            assertThat(points[2 * i + 1]).isCloseTo((float) b[i], within(1e-4f));
        }
        float[] back = map.projection().lift(points, n);
        for (int i = 0; i < codes.length; i++) {
            assertThat(back[i]).isCloseTo(codes[i], within(1e-4f));
        }
    }

    @Test
    @DisplayName("non-finite codes (a diverged run): left out of the plane's fit and of the bounds")
    void nonFinite() {
        float nan = Float.NaN;
        float[] codes = {nan, 0, 0, 1, 0, 0, -1, 0, 0, 0, 2, 0, 0, -2, 0};
        LatentMap map = LatentMap.of(codes, 5, 3, null);
        assertThat(map.projection().axisX()).containsExactly(new double[] {0, 1, 0}, within(1e-6));
        Bounds b = map.bounds();
        assertThat(new double[] {b.xMin(), b.xMax(), b.yMin(), b.yMax()})
                .containsExactly(new double[] {-2.2, 2.2, -1.1, 1.1}, within(1e-6));
        LatentProjection fallback = LatentProjection.principalPlane(new float[] {nan, 0, 0}, 1, 3);
        assertThat(fallback.axisX()).containsExactly(1, 0, 0);
        assertThat(fallback.axisY()).containsExactly(0, 1, 0);
    }

    @Test
    @DisplayName("identical codes: a +-1 frame around them")
    void degenerate() {
        LatentMap map = LatentMap.of(new float[] {2, 5, 2, 5}, 2, 2, null);
        assertThat(map.bounds()).isEqualTo(new Bounds(1, 3, 4, 6));
    }

    @Test
    @DisplayName("lattice: image order (top row first, y down, x right), endpoints included; r = 1 is the centre")
    void lattice() {
        Bounds bounds = new Bounds(-1, 1, -2, 2);
        assertThat(LatentLattice.points(bounds, 3)).containsExactly(
                -1, 2, 0, 2, 1, 2,
                -1, 0, 0, 0, 1, 0,
                -1, -2, 0, -2, 1, -2);
        assertThat(LatentLattice.points(bounds, 1)).containsExactly(0, 0);
    }

    @Test
    @DisplayName("lattice codes: the points themselves for 2-D codes; on the principal plane for larger ones")
    void latticeCodes() {
        Bounds bounds = new Bounds(-1, 1, -2, 2);
        assertThat(LatentLattice.codes(LatentProjection.identity(2), bounds, 4))
                .containsExactly(LatentLattice.points(bounds, 4));
        LatentProjection plane = new LatentProjection(new double[] {1, 1, 1}, new double[] {0, 1, 0},
                new double[] {0, 0, -1});
        float[] codes = LatentLattice.codes(plane, bounds, 2);
        // Points (-1, 2), (1, 2), (-1, -2), (1, -2) -> (1, 1 + x, 1 - y).
        assertThat(codes).containsExactly(1, 0, -1, 1, 2, -1, 1, 0, 3, 1, 2, 3);
        assertThat(plane.project(codes, 4)).containsExactly(LatentLattice.points(bounds, 2), TINY);
    }
}
