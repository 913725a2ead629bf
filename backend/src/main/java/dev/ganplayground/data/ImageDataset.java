package dev.ganplayground.data;

import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * A labelled set of small grey images, immutable and safe to share between runs and threads. Pixels are kept as
 * unsigned bytes (70,000 Fashion-MNIST images take 55 MB instead of 220 MB as floats) and handed out as floats in
 * [-1, 1] (x / 127.5 - 1), the range of a tanh generator.
 *
 * <p>Images {@code [0, trainCount)} are the train part and {@code [trainCount, size)} the test part: the test part
 * is held out for the classifier's accuracy and its real feature statistics, and {@link #sample} draws from the
 * train part only, so a GAN never sees the images its Frechet distance is measured against.
 */
public final class ImageDataset {
    private final String id;
    private final String name;
    private final int height;
    private final int width;
    private final List<String> classNames;
    private final byte[] pixels;
    private final byte[] labels;
    private final int trainCount;
    private final String detail;
    private volatile long fingerprint = -1;

    /**
     * @param pixels     size * height * width bytes, row-major images one after another (kept, not copied)
     * @param labels     one class index per image, each in [0, classNames.size()) (kept, not copied)
     * @param trainCount how many leading images form the train part; both parts must be non-empty
     * @param detail     where the images came from, for the user
     */
    public ImageDataset(String id, String name, int height, int width, List<String> classNames, byte[] pixels,
                        byte[] labels, int trainCount, String detail) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be positive, found " + height + " x " + width);
        }
        if (classNames == null || classNames.size() < 2) {
            throw new IllegalArgumentException("need at least two classes");
        }
        int size = labels.length;
        if ((long) size * height * width != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixel bytes do not hold " + size + " images of "
                    + height + " x " + width);
        }
        if (trainCount < 1 || trainCount >= size) {
            throw new IllegalArgumentException("trainCount must be in [1, " + (size - 1) + "], found " + trainCount);
        }
        for (int i = 0; i < size; i++) {
            if ((labels[i] & 0xff) >= classNames.size()) {
                throw new IllegalArgumentException("label " + (labels[i] & 0xff) + " of image " + i
                        + " is not below the class count " + classNames.size());
            }
        }
        this.id = id;
        this.name = name;
        this.height = height;
        this.width = width;
        this.classNames = List.copyOf(classNames);
        this.pixels = pixels;
        this.labels = labels;
        this.trainCount = trainCount;
        this.detail = detail;
    }

    public String id() {
        return id;
    }

    /** Name for people, e.g. "Fashion-MNIST". */
    public String name() {
        return name;
    }

    /** Where the images came from (folder, or "generated"). */
    public String detail() {
        return detail;
    }

    /** All images, train and test part. */
    public int size() {
        return labels.length;
    }

    public int channels() {
        return 1;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Floats per image: channels * height * width. */
    public int imageSize() {
        return height * width;
    }

    public int classCount() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** Images {@code [0, trainCount)} form the train part. */
    public int trainCount() {
        return trainCount;
    }

    /** Images {@code [trainCount, size)} form the held-out test part. */
    public int testCount() {
        return labels.length - trainCount;
    }

    /** Writes image {@code i} as floats in [-1, 1] into {@code out[offset .. offset + imageSize)}. */
    public void copyImage(int i, float[] out, int offset) {
        if (i < 0 || i >= labels.length) {
            throw new IndexOutOfBoundsException("image " + i + " of " + labels.length);
        }
        int d = imageSize();
        int from = i * d;
        for (int k = 0; k < d; k++) {
            out[offset + k] = (pixels[from + k] & 0xff) / 127.5f - 1f;
        }
    }

    /** Writes {@code n} images drawn uniformly, with replacement, from the train part, one after another. */
    public void sample(SplittableRandom rng, float[] out, int offset, int n) {
        if (n < 0 || offset < 0 || (long) offset + (long) n * imageSize() > out.length) {
            throw new IllegalArgumentException("offset " + offset + " + " + n + " images of " + imageSize()
                    + " floats must fit in out (length " + out.length + ")");
        }
        for (int k = 0; k < n; k++) {
            copyImage(rng.nextInt(trainCount), out, offset + k * imageSize());
        }
    }

    /** Images per class over the whole set. */
    public int[] classCounts() {
        int[] counts = new int[classCount()];
        for (byte l : labels) {
            counts[l & 0xff]++;
        }
        return counts;
    }

    /**
     * CRC-32 of the sizes, split, labels and pixels: identifies the content for caches (computed once, ~20 ms for
     * 55 MB).
     */
    public long fingerprint() {
        long f = fingerprint;
        if (f < 0) {
            CRC32 crc = new CRC32();
            crc.update(new byte[] {(byte) height, (byte) width, (byte) (trainCount >>> 24), (byte) (trainCount >>> 16),
                    (byte) (trainCount >>> 8), (byte) trainCount});
            crc.update(labels);
            crc.update(pixels);
            f = crc.getValue() ^ ((long) labels.length << 32);
            fingerprint = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return "ImageDataset[" + id + ", " + size() + " images (" + trainCount + " train), " + height + "x" + width
                + ", " + classCount() + " classes]";
    }
}
