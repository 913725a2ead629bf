package dev.ganplayground.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.ShapesDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageClassifierTest {
    @TempDir
    Path cacheDir;

    @Test
    @DisplayName("acceptance: >= 95% on the held-out 2000 of the shared MNIST 10k digits, fixed seed")
    void mnistHeldOutAccuracy() {
        ImageDataset ds = TrainedClassifiers.mnistData();
        ImageClassifier c = TrainedClassifiers.mnist();
        System.out.printf("MNIST held-out accuracy %.4f%n", c.testAccuracy());
        assertThat(c.testAccuracy()).isGreaterThanOrEqualTo(0.95);
        // The stored figure is the accuracy of predict on exactly the test part.
        int[] predicted = c.predict(TrainedClassifiers.images(ds, ds.trainCount(), ds.testCount()), ds.testCount());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == ds.label(ds.trainCount() + i) ? 1 : 0;
        }
        assertThat((double) correct / ds.testCount()).isEqualTo(c.testAccuracy());
        assertThat(c.featureDim()).isEqualTo(128);
        assertThat(c.realFeatureStats().n()).isEqualTo(2000);
    }

    @Test
    @DisplayName("shapes: >= 99% on the held-out part, so image mode coverage is exact there")
    void shapesAccuracy() {
        ImageClassifier c = TrainedClassifiers.shapes();
        System.out.printf("Shapes held-out accuracy %.4f%n", c.testAccuracy());
        assertThat(c.testAccuracy()).isGreaterThanOrEqualTo(0.99);
        assertThat(c.classCount()).isEqualTo(8);
    }

    @Test
    @DisplayName("cache round trip: loadOrTrain reads the written file (no training) with the same predictions")
    void cacheRoundTrip() {
        ImageDataset ds = TrainedClassifiers.mnistData();
        ImageClassifier c = TrainedClassifiers.mnist();
        ClassifierCache.write(cacheDir, c);
        List<Double> progress = new ArrayList<>();
        ImageClassifier read = ImageClassifier.loadOrTrain(ds, cacheDir, progress::add);
        assertThat(progress).containsExactly(1.0);
        assertThat(read).isNotSameAs(c);
        assertThat(read.parameters()).isEqualTo(c.parameters());
        assertThat(read.testAccuracy()).isEqualTo(c.testAccuracy());
        assertThat(read.realFeatureStats()).isEqualTo(c.realFeatureStats());
        float[] x = TrainedClassifiers.images(ds, 0, 300);
        assertThat(read.predict(x, 300)).isEqualTo(c.predict(x, 300));
        assertThat(read.features(x, 300)).isEqualTo(c.features(x, 300));
    }

    @Test
    @DisplayName("a corrupt, truncated or foreign cache file is ignored and replaced by a retrained classifier")
    void corruptCacheRetrains() throws IOException {
        ImageDataset ds = ShapesDataset.generate(3, 400);
        ImageClassifier first = ImageClassifier.loadOrTrain(ds, cacheDir, null);
        Path file = ClassifierCache.file(cacheDir, ds.id(), ds.fingerprint());
        byte[] good = Files.readAllBytes(file);
        assertThat(ClassifierCache.read(cacheDir, ds)).isNotNull();

        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x40;
        Files.write(file, flipped);
        assertThat(ClassifierCache.read(cacheDir, ds)).isNull();
        Files.write(file, Arrays.copyOf(good, good.length - 9));
        assertThat(ClassifierCache.read(cacheDir, ds)).isNull();
        // Another dataset's file under this dataset's name: the stored fingerprint does not match.
        ImageDataset other = ShapesDataset.generate(4, 400);
        ClassifierCache.write(cacheDir, ImageClassifier.train(other, null));
        Files.copy(ClassifierCache.file(cacheDir, other.id(), other.fingerprint()), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(ClassifierCache.read(cacheDir, ds)).isNull();

        Files.write(file, flipped);
        List<Double> progress = new ArrayList<>();
        ImageClassifier retrained = ImageClassifier.loadOrTrain(ds, cacheDir, progress::add);
        assertThat(progress).hasSizeGreaterThan(1).isSorted();
        assertThat(retrained.parameters()).as("deterministic for the fixed seed").isEqualTo(first.parameters());
        assertThat(Files.readAllBytes(file)).isEqualTo(good);
        try (var files = Files.list(cacheDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    @DisplayName("concurrent callers on one classifier get the same answers as one caller")
    void concurrentUse() throws Exception {
        ImageDataset ds = TrainedClassifiers.shapesData();
        ImageClassifier c = TrainedClassifiers.shapes();
        float[] x = TrainedClassifiers.images(ds, 0, 700);
        int[] expected = c.predict(x, 700);
        float[] expectedFeatures = c.features(x, 700);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> Arrays.equals(c.predict(x, 700), expected)
                        && Arrays.equals(c.features(x, 700), expectedFeatures)));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
