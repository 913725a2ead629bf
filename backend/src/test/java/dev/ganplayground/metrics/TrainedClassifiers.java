package dev.ganplayground.metrics;

import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.ImageDatasets;
import dev.ganplayground.data.ShapesDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Classifiers trained once per test JVM and shared by the test classes (training takes seconds). */
final class TrainedClassifiers {
    private static ImageDataset mnistData;
    private static ImageClassifier mnist;
    private static ImageDataset shapesData;
    private static ImageClassifier shapes;

    private TrainedClassifiers() {
    }

    /** The shared MNIST 10k set from GAN_MNIST_DIR; skips the test when it is absent. */
    static synchronized ImageDataset mnistData() {
        if (mnistData == null) {
            String dir = System.getenv(ImageDatasets.MNIST_ENV);
            Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "GAN_MNIST_DIR is not set");
            mnistData = new ImageDatasets(Path.of(dir), null).load(ImageDatasets.MNIST, null);
        }
        return mnistData;
    }

    static synchronized ImageClassifier mnist() {
        if (mnist == null) {
            mnist = ImageClassifier.train(mnistData(), null);
        }
        return mnist;
    }

    static synchronized ImageDataset shapesData() {
        if (shapesData == null) {
            shapesData = ShapesDataset.generate();
        }
        return shapesData;
    }

    static synchronized ImageClassifier shapes() {
        if (shapes == null) {
            shapes = ImageClassifier.train(shapesData(), null);
        }
        return shapes;
    }

    /** Images {@code [from, from + n)} of {@code ds} as floats. */
    static float[] images(ImageDataset ds, int from, int n) {
        float[] x = new float[n * ds.imageSize()];
        for (int i = 0; i < n; i++) {
            ds.copyImage(from + i, x, i * ds.imageSize());
        }
        return x;
    }
}
