package dev.ganplayground.metrics;

import dev.ganplayground.data.ImageDataset;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.DoubleConsumer;

/**
 * A small classifier of a dataset's images (an MLP input-256-128-K with ReLUs, {@link ClassifierNet}), the judge of
 * image mode coverage: which classes generated images fall into, and the penultimate 128 features for a Frechet
 * distance. Trained once per dataset with a fixed seed ({@link ClassifierTraining}) and cached on disk
 * ({@link #loadOrTrain}); stores its accuracy on the dataset's held-out test part and the Gaussian statistics of
 * its features on that part.
 *
 * <p>Immutable after construction and safe to use from many threads at once: each call borrows a native workspace
 * from a pool (one per concurrent caller, kept for reuse) and returns it afterwards.
 */
public final class ImageClassifier {
    /** Images per forward pass of a workspace. */
    static final int CHUNK = 256;

    private final String datasetId;
    private final long fingerprint;
    private final int inputSize;
    private final int classes;
    private final float[] params;
    private final double testAccuracy;
    private final GaussianStats realStats;
    private final ConcurrentLinkedQueue<ClassifierNet> pool = new ConcurrentLinkedQueue<>();

    /** Predictions of one batch: a class and its softmax probability per image, and the features if asked for. */
    record Classified(int[] labels, float[] confidence, float[] features) {
    }

    ImageClassifier(String datasetId, long fingerprint, int inputSize, int classes, float[] params,
                    double testAccuracy, GaussianStats realStats) {
        if (params.length != ClassifierNet.parameterCount(inputSize, classes)) {
            throw new IllegalArgumentException("expected " + ClassifierNet.parameterCount(inputSize, classes)
                    + " parameters, found " + params.length);
        }
        this.datasetId = datasetId;
        this.fingerprint = fingerprint;
        this.inputSize = inputSize;
        this.classes = classes;
        this.params = params.clone();
        this.testAccuracy = testAccuracy;
        this.realStats = realStats;
    }

    /**
     * Trains on {@code ds}'s train part on the calling thread (seconds on one core), then measures the test part.
     * Reports 0..1 to {@code progress} (nullable).
     */
    public static ImageClassifier train(ImageDataset ds, DoubleConsumer progress) {
        float[] params = ClassifierTraining.train(ds, progress == null ? null : p -> progress.accept(0.95 * p));
        ImageClassifier raw = new ImageClassifier(ds.id(), ds.fingerprint(), ds.imageSize(), ds.classCount(), params,
                Double.NaN, null);
        Measured m = raw.measure(ds);
        ImageClassifier done = new ImageClassifier(ds.id(), ds.fingerprint(), ds.imageSize(), ds.classCount(), params,
                m.accuracy, m.stats);
        if (progress != null) {
            progress.accept(1.0);
        }
        return done;
    }

    /**
     * The classifier of {@code ds} from {@code cacheDir} when a valid file for this dataset's content and this
     * training recipe is there; otherwise trains one (on the calling thread) and writes the file atomically. A
     * corrupt or mismatched file is ignored and replaced. A cache that cannot be written is not an error.
     */
    public static ImageClassifier loadOrTrain(ImageDataset ds, Path cacheDir, DoubleConsumer progress) {
        ImageClassifier cached = ClassifierCache.read(cacheDir, ds);
        if (cached != null) {
            if (progress != null) {
                progress.accept(1.0);
            }
            return cached;
        }
        ImageClassifier trained = train(ds, progress);
        ClassifierCache.write(cacheDir, trained);
        return trained;
    }

    public String datasetId() {
        return datasetId;
    }

    /** The {@link ImageDataset#fingerprint()} of the data it was trained on. */
    public long fingerprint() {
        return fingerprint;
    }

    public int classCount() {
        return classes;
    }

    /** Floats per input image. */
    public int inputSize() {
        return inputSize;
    }

    /** Length of a feature vector (the penultimate layer's width). */
    public int featureDim() {
        return ClassifierNet.FEATURES;
    }

    /** Fraction of the dataset's held-out test part classified correctly. */
    public double testAccuracy() {
        return testAccuracy;
    }

    /** Mean and covariance of the features of the dataset's real test images. */
    public GaussianStats realFeatureStats() {
        return realStats;
    }

    /** The most likely class of each of {@code n} images stored one after another in {@code images}. */
    public int[] predict(float[] images, int n) {
        return classify(images, n, false).labels();
    }

    /** The penultimate features of {@code n} images: {@code n * featureDim()} floats, image after image. */
    public float[] features(float[] images, int n) {
        return classify(images, n, true).features();
    }

    float[] parameters() {
        return params.clone();
    }

    /** Classifies {@code n} images in [-1, 1]; the features are collected only when {@code withFeatures}. */
    Classified classify(float[] images, int n, boolean withFeatures) {
        if (n < 0 || (long) n * inputSize > images.length) {
            throw new IllegalArgumentException(n + " images of " + inputSize + " floats do not fit in "
                    + images.length);
        }
        int f = ClassifierNet.FEATURES;
        int[] labels = new int[n];
        float[] confidence = new float[n];
        float[] features = withFeatures ? new float[n * f] : null;
        float[] logits = new float[CHUNK * classes];
        ClassifierNet net = borrow();
        try {
            for (int start = 0; start < n; start += CHUNK) {
                int rows = Math.min(CHUNK, n - start);
                net.input.copyFrom(images, start * inputSize, 0, rows * inputSize);
                net.forward(rows).copyTo(0, logits, 0, rows * classes);
                if (withFeatures) {
                    net.trunk.output().copyTo(0, features, start * f, rows * f);
                }
                for (int r = 0; r < rows; r++) {
                    argmaxSoftmax(logits, r * classes, classes, labels, confidence, start + r);
                }
            }
        } finally {
            pool.add(net);
        }
        return new Classified(labels, confidence, features);
    }

    /** Class with the largest logit (the lower index on ties) and its softmax probability 1 / sum exp(z - max). */
    private static void argmaxSoftmax(float[] z, int at, int k, int[] labels, float[] conf, int row) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (z[at + j] > z[at + best]) {
                best = j;
            }
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(z[at + j] - z[at + best]);
        }
        labels[row] = best;
        conf[row] = (float) (1 / sum);
    }

    private ClassifierNet borrow() {
        ClassifierNet net = pool.poll();
        if (net == null) {
            net = new ClassifierNet(inputSize, classes, CHUNK);
            net.setParameters(params);
        }
        return net;
    }

    private record Measured(double accuracy, GaussianStats stats) {
    }

    /** Accuracy and feature statistics on the test part, a chunk of images at a time. */
    private Measured measure(ImageDataset ds) {
        int n = ds.testCount();
        int f = ClassifierNet.FEATURES;
        float[] images = new float[CHUNK * inputSize];
        float[] features = new float[n * f];
        int correct = 0;
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            for (int r = 0; r < rows; r++) {
                ds.copyImage(ds.trainCount() + start + r, images, r * inputSize);
            }
            Classified c = classify(images, rows, true);
            System.arraycopy(c.features(), 0, features, start * f, rows * f);
            for (int r = 0; r < rows; r++) {
                if (c.labels()[r] == ds.label(ds.trainCount() + start + r)) {
                    correct++;
                }
            }
        }
        return new Measured((double) correct / n, GaussianStats.of(features, n, f));
    }
}
