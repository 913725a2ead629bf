package dev.ganplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDatasetsTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("without folders: shapes is available, MNIST and Fashion are not and say how to get them")
    void listWithoutFolders() {
        ImageDatasets reg = new ImageDatasets(null, tmp.resolve("missing"));
        List<DatasetInfo> list = reg.list();
        assertThat(list).extracting(DatasetInfo::id).containsExactly("mnist", "fashion", "shapes");
        assertThat(list.get(0).available()).isFalse();
        assertThat(list.get(0).hint()).isEqualTo(ImageDatasets.MNIST_HINT).contains("GAN_MNIST_DIR");
        assertThat(list.get(1).available()).isFalse();
        assertThat(list.get(1).hint()).contains("apt-get install dataset-fashion-mnist").contains("GAN_FASHION_DIR");
        assertThat(list.get(1).classNames()).startsWith("T-shirt/top", "Trouser").endsWith("Ankle boot");
        assertThat(list.get(2).available()).isTrue();
        assertThat(list.get(2).size()).isEqualTo(12_000);
        assertThat(list.get(2).hint()).isNull();
        assertThatThrownBy(() -> reg.load("mnist", null)).isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("GAN_MNIST_DIR");
        assertThatThrownBy(() -> reg.load("fashion", null)).isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> reg.load("cifar", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown image dataset 'cifar'");
    }

    @Test
    @DisplayName("train + t10k folder: both parts concatenated, t10k is the test part; progress ends at 1")
    void trainAndTestFiles() throws IOException {
        IdxTestFiles.writeSet(tmp, "train-", 30, 10, true);
        IdxTestFiles.writeSet(tmp, "t10k-", 7, 10, false);
        ImageDatasets reg = new ImageDatasets(tmp, null);
        assertThat(reg.info("mnist").size()).isEqualTo(37);
        List<Double> progress = new ArrayList<>();
        ImageDataset d = reg.load("mnist", progress::add);
        assertThat(d.size()).isEqualTo(37);
        assertThat(d.trainCount()).isEqualTo(30);
        assertThat(d.testCount()).isEqualTo(7);
        assertThat(d.label(31)).isEqualTo(1);
        assertThat(progress).isSorted().last().isEqualTo(1.0);
        assertThat(reg.load("mnist", null)).isSameAs(d);
        assertThat(reg.info("mnist").detail()).contains("t10k");
    }

    @Test
    @DisplayName("a failed load is not cached: fixing the folder makes the next load succeed")
    void failedLoadIsRetried() throws IOException {
        ImageDatasets reg = new ImageDatasets(tmp, null);
        assertThatThrownBy(() -> reg.load("mnist", null)).isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("no MNIST IDX files");
        IdxTestFiles.writeSet(tmp, "", 20, 10, true);
        Files.write(tmp.resolve("labels-idx1-ubyte.gz"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> reg.load("mnist", null)).isInstanceOf(DatasetFormatException.class);
        assertThat(reg.info("mnist").available()).isFalse();
        IdxTestFiles.writeSet(tmp, "", 20, 10, true);
        ImageDataset d = reg.load("mnist", null);
        assertThat(d.size()).isEqualTo(20);
        assertThat(d.trainCount()).isEqualTo(16);
    }

    @Test
    @DisplayName("image and label counts that differ, or labels beyond the classes, are format errors")
    void mismatchedFiles() throws IOException {
        IdxTestFiles.writeSet(tmp, "", 20, 10, false);
        IdxTestFiles.write(tmp.resolve("labels-idx1-ubyte"), IdxReader.LABELS_MAGIC, new int[] {19}, new byte[19],
                false);
        ImageDatasets reg = new ImageDatasets(tmp, null);
        assertThatThrownBy(() -> reg.load("mnist", null)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("19 labels but images-idx3-ubyte has 20 images");
        IdxTestFiles.writeSet(tmp, "", 20, 12, false);
        assertThatThrownBy(() -> reg.load("mnist", null)).hasMessageContaining("label 10 of item 10");
    }

    @Test
    @DisplayName("concurrent loads share one read and one instance")
    void concurrentLoadsShareOne() throws Exception {
        IdxTestFiles.writeSet(tmp, "train-", 2000, 10, true);
        ImageDatasets reg = new ImageDatasets(tmp, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ImageDataset>> results = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> reg.load("mnist", null)));
            }
            ImageDataset first = results.get(0).get();
            for (Future<ImageDataset> f : results) {
                assertThat(f.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("shared MNIST 10k through the registry: 8000 train, 2000 test, floats in [-1, 1]")
    void sharedMnist() {
        ImageDatasets reg = new ImageDatasets(IdxTestFiles.mnistDir(), null);
        ImageDataset d = reg.load("mnist", null);
        assertThat(d.size()).isEqualTo(10_000);
        assertThat(d.trainCount()).isEqualTo(8000);
        assertThat(d.classNames()).containsExactlyElementsOf(ImageDatasets.DIGIT_NAMES);
        float[] x = new float[3 * 784 + 5];
        d.sample(new SplittableRandom(3), x, 5, 3);
        float lo = 1;
        float hi = -1;
        for (int i = 5; i < x.length; i++) {
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        assertThat(lo).isEqualTo(-1f);
        assertThat(hi).isEqualTo(1f);
    }

    @Test
    @DisplayName("Fashion-MNIST: 60000 train + 10000 t10k test, 7000 per class")
    void fashion() {
        ImageDatasets reg = new ImageDatasets(null, IdxTestFiles.fashionDir());
        assertThat(reg.info("fashion").available()).isTrue();
        ImageDataset d = reg.load("fashion", null);
        assertThat(d.size()).isEqualTo(70_000);
        assertThat(d.trainCount()).isEqualTo(60_000);
        assertThat(d.classCounts()).containsOnly(7000);
        assertThat(d.classNames().get(9)).isEqualTo("Ankle boot");
    }
}
