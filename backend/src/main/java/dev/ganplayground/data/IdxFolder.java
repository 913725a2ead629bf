package dev.ganplayground.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * The IDX files of one MNIST-format folder: a train pair ({@code train-images-idx3-ubyte[.gz]} and
 * {@code train-labels-idx1-ubyte[.gz]}, or the shared 10k set's {@code images-idx3-ubyte.gz} and
 * {@code labels-idx1-ubyte.gz}; also the {@code .idx3-ubyte} spelling of some mirrors) and an optional
 * {@code t10k-*} test pair.
 *
 * @param testImages null when the folder has no complete test pair
 * @param testLabels null when the folder has no complete test pair
 */
record IdxFolder(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
    private static final List<String> SUFFIXES = List.of("-idx%d-ubyte.gz", "-idx%d-ubyte", ".idx%d-ubyte",
            ".idx%d-ubyte.gz");

    /** Finds the files in {@code dir}; null when there is no train pair. */
    static IdxFolder find(Path dir) {
        Path images = first(dir, 3, "train-images", "images");
        Path labels = first(dir, 1, "train-labels", "labels");
        if (images == null || labels == null) {
            return null;
        }
        Path testImages = first(dir, 3, "t10k-images");
        Path testLabels = first(dir, 1, "t10k-labels");
        boolean test = testImages != null && testLabels != null;
        return new IdxFolder(images, labels, test ? testImages : null, test ? testLabels : null);
    }

    boolean hasTest() {
        return testImages != null;
    }

    /** Bytes of all files together, for progress. */
    long totalBytes() {
        long total = 0;
        for (Path p : hasTest() ? List.of(trainImages, trainLabels, testImages, testLabels)
                : List.of(trainImages, trainLabels)) {
            try {
                total += Files.size(p);
            } catch (java.io.IOException e) {
                throw new DatasetFormatException(p, "cannot be read: " + e.getMessage(), e);
            }
        }
        return total;
    }

    /** Images in both parts, from the headers only (which must agree with the labels' headers). */
    int count() {
        return headerCount(trainImages, trainLabels) + (hasTest() ? headerCount(testImages, testLabels) : 0);
    }

    private static int headerCount(Path images, Path labels) {
        int n = IdxReader.count(images);
        int m = IdxReader.count(labels);
        if (n != m) {
            throw new DatasetFormatException(labels, "has " + m + " labels but " + images.getFileName() + " has "
                    + n + " images");
        }
        return n;
    }

    /** Reads one images/labels pair and checks they agree. */
    static Pair readPair(Path images, Path labels, int classCount, Progress progress) {
        headerCount(images, labels); // cheap, and before 47 MB of pixels are read
        IdxReader.Images im = IdxReader.readImages(images, progress::add);
        byte[] lb = IdxReader.readLabels(labels, progress::add);
        for (int i = 0; i < lb.length; i++) {
            if ((lb[i] & 0xff) >= classCount) {
                throw new DatasetFormatException(labels, "label " + (lb[i] & 0xff) + " of item " + i
                        + " is not a class of this dataset (0.." + (classCount - 1) + ")");
            }
        }
        return new Pair(im, lb);
    }

    record Pair(IdxReader.Images images, byte[] labels) {
    }

    private static Path first(Path dir, int dims, String... stems) {
        for (String stem : stems) {
            for (String suffix : SUFFIXES) {
                Path p = dir.resolve(stem + String.format(suffix, dims));
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Turns bytes read into a 0..1 fraction of {@code total}, reported at most about every 1%. */
    static final class Progress {
        private final DoubleConsumer sink;
        private final long total;
        private long done;
        private long nextReport;

        Progress(DoubleConsumer sink, long total) {
            this.sink = sink;
            this.total = Math.max(1, total);
        }

        void add(long bytes) {
            done += bytes;
            if (sink != null && done >= nextReport) {
                sink.accept(Math.min(1.0, (double) done / total));
                nextReport = done + total / 100;
            }
        }
    }
}
