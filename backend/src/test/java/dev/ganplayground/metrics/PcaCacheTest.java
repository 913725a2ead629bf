package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.PointCloud3d;
import dev.ganplayground.data.ShapesDataset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PcaCacheTest {
    @Test
    @DisplayName("one fit per key: smaller k served from the entry, larger k refits, oldest key dropped past capacity")
    void fitsOncePerKey() {
        PcaCache cache = new PcaCache(2);
        AtomicInteger fits = new AtomicInteger();
        float[] x = PcaTest.correlated(50, 100, 1);
        PcaCache.Points points = new PcaCache.Points(x, 50, 100);
        Pca first = cache.get("a", 2, () -> {
            fits.incrementAndGet();
            return points;
        });
        assertThat(first.k()).isEqualTo(PcaCache.MIN_COMPONENTS);
        assertThat(cache.get("a", 50, () -> points)).isSameAs(first);
        assertThat(fits).hasValue(1);
        Pca more = cache.get("a", 80, () -> points);
        assertThat(more.k()).isEqualTo(80);
        assertThat(more.eigenvalues()).containsExactly(first.eigenvalues());
        cache.get("b", 2, () -> points);
        cache.get("c", 2, () -> points);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a", 2, () -> {
            fits.incrementAndGet();
            return points;
        })).isNotSameAs(more);
        assertThat(fits).hasValue(2);
    }

    @Test
    @DisplayName("small data: components capped at d")
    void cappedAtDimension() {
        Pca pca = new PcaCache(1).cloud(PointCloud3d.standard(), 2);
        assertThat(pca.k()).isEqualTo(3);
        assertThat(pca.samples()).isEqualTo(PcaCache.CLOUD_POINTS);
        assertThat(SubspaceAngle.largestDegrees(pca.basis(2), PointCloud3d.standard().plane().basis(), 3, 2))
                .isLessThan(1);
    }

    @Test
    @DisplayName("image datasets: fitted on the train part, keyed by id and fingerprint")
    void images() {
        ImageDataset shapes = ShapesDataset.generate(3, 400);
        PcaCache cache = new PcaCache(2);
        Pca pca = cache.trainImages(shapes, 10);
        assertThat(pca.dim()).isEqualTo(784);
        assertThat(pca.samples()).isEqualTo(Math.min(shapes.trainCount(), PcaCache.MAX_IMAGES));
        assertThat(cache.trainImages(shapes, 20)).isSameAs(pca);
        assertThat(cache.trainImages(ShapesDataset.generate(4, 400), 10)).isNotSameAs(pca);
    }
}
