package dev.ganplayground.metrics;

import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.nn.Adam;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.SoftmaxCrossEntropy;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;

/**
 * Trains a {@link ClassifierNet} on a dataset's train part, on the calling thread, deterministically for
 * {@link #SEED}: Adam (lr {@link #LEARNING_RATE}, cosine decay to 0), minibatches of {@link #BATCH} drawn epoch by
 * epoch in a shuffled order, each image shifted by a random whole-pixel offset of at most {@link #MAX_SHIFT} (the
 * cheapest augmentation that helps an MLP: handwriting is not centred exactly). The length is
 * {@link #EPOCHS} epochs, capped at {@link #MAX_STEPS} steps so that Fashion-MNIST's 60,000 images still train in
 * seconds.
 */
final class ClassifierTraining {
    static final long SEED = 20240611L;
    static final int BATCH = 64;
    static final int EPOCHS = 30;
    static final int MAX_STEPS = 5000;
    static final double LEARNING_RATE = 1e-3;
    static final int MAX_SHIFT = 2;

    private ClassifierTraining() {
    }

    /** Returns the trained parameters; reports 0..1 to {@code progress} (nullable) as steps go by. */
    static float[] train(ImageDataset ds, DoubleConsumer progress) {
        int d = ds.imageSize();
        int n = ds.trainCount();
        int steps = (int) Math.min(MAX_STEPS, Math.max(1L, (long) EPOCHS * n / BATCH));
        SplittableRandom rng = new SplittableRandom(SEED);
        float[] batch = new float[BATCH * d];
        float[] plain = new float[d];
        int[] labels = new int[BATCH];
        int[] order = identity(n);
        int next = n; // forces a shuffle before the first batch
        try (ClassifierNet net = new ClassifierNet(d, ds.classCount(), BATCH);
             FloatVec dLogits = FloatVec.allocate(BATCH * ds.classCount());
             FloatVec dFeatures = FloatVec.allocate(BATCH * ClassifierNet.FEATURES);
             Adam trunkOpt = new Adam(net.trunk.parameterCount());
             Adam headOpt = new Adam(net.head.parameterCount())) {
            net.trunk.initialize(rng);
            net.head.initialize(rng);
            for (int step = 0; step < steps; step++) {
                for (int b = 0; b < BATCH; b++) {
                    if (next == n) {
                        shuffle(order, rng);
                        next = 0;
                    }
                    int i = order[next++];
                    labels[b] = ds.label(i);
                    ds.copyImage(i, plain, 0);
                    shift(plain, ds.width(), ds.height(), rng.nextInt(-MAX_SHIFT, MAX_SHIFT + 1),
                            rng.nextInt(-MAX_SHIFT, MAX_SHIFT + 1), batch, b * d);
                }
                net.input.copyFrom(batch, 0, 0, BATCH * d);
                FloatVec logits = net.forward(BATCH);
                SoftmaxCrossEntropy.lossAndGradient(logits, labels, 0, BATCH, ds.classCount(), dLogits);
                net.head.backward(dLogits, BATCH, true, dFeatures);
                net.trunk.backward(dFeatures, BATCH, true, null);
                double lr = LEARNING_RATE * 0.5 * (1 + Math.cos(Math.PI * step / steps));
                trunkOpt.set(lr, 0.9, 0.999).step(net.trunk.parameters(), net.trunk.gradients());
                headOpt.set(lr, 0.9, 0.999).step(net.head.parameters(), net.head.gradients());
                if (progress != null && (step + 1) % 50 == 0) {
                    progress.accept((step + 1.0) / steps);
                }
            }
            return net.parameters();
        }
    }

    /** Writes {@code src} moved right by dx and down by dy into {@code out[at ..]}; uncovered pixels are black. */
    static void shift(float[] src, int width, int height, int dx, int dy, float[] out, int at) {
        for (int y = 0; y < height; y++) {
            int sy = y - dy;
            for (int x = 0; x < width; x++) {
                int sx = x - dx;
                boolean inside = sx >= 0 && sx < width && sy >= 0 && sy < height;
                out[at + y * width + x] = inside ? src[sy * width + sx] : -1f;
            }
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
