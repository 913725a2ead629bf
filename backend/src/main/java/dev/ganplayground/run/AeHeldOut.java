package dev.ganplayground.run;

import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.PointCloud3d;
import dev.ganplayground.training.PointCloudSource;
import dev.ganplayground.training.ImageSource;
import dev.ganplayground.training.RealSource;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed inputs an autoencoder run is shown and measured on, never trained on: {@value #MAP_SIZE} held-out inputs
 * (an image dataset's test part, evenly spaced, with their labels; or a fixed set of cloud points) for the latent
 * map, held-out errors and the probe's test; the first {@value #DISPLAY} of them are the reconstruction panel's
 * batch; and {@code labels} labelled training examples, balanced over the classes, for the linear probe. Immutable.
 *
 * @param source      the training inputs
 * @param dataset     the image dataset, or null for the 3D cloud
 * @param map         MAP_SIZE held-out inputs, row-major
 * @param mapLabels   their classes, or null for the cloud
 * @param probeInputs the probe's labelled training inputs (empty for the cloud)
 * @param probeLabels their classes
 */
record AeHeldOut(RealSource source, ImageDataset dataset, float[] map, int[] mapLabels, float[] probeInputs,
                 int[] probeLabels) {
    /** Held-out inputs of the latent map (and of every held-out measure). */
    static final int MAP_SIZE = 500;
    /** Inputs of the reconstruction panel. */
    static final int DISPLAY = 10;

    /** The 3D cloud's held-out points (no labels, no probe). */
    static AeHeldOut cloud() {
        return new AeHeldOut(PointCloudSource.standard(), null, PointCloud3d.standard().heldOut(), null, new float[0],
                new int[0]);
    }

    /**
     * An image dataset's held-out part and {@code labels} labelled training examples (as equal a share per class as
     * the count allows, walked from a point chosen by {@code seed}).
     */
    static AeHeldOut images(ImageDataset d, int labels, long seed) {
        int width = d.imageSize();
        int count = Math.min(MAP_SIZE, d.testCount());
        float[] map = new float[count * width];
        int[] mapLabels = new int[count];
        for (int j = 0; j < count; j++) {
            int i = d.trainCount() + (int) ((long) j * d.testCount() / count);
            d.copyImage(i, map, j * width);
            mapLabels[j] = d.label(i);
        }
        int classes = d.classCount();
        int n = Math.min(labels, d.trainCount());
        int[] perClass = new int[classes];
        float[] probe = new float[n * width];
        int[] probeLabels = new int[n];
        int start = new SplittableRandom(seed ^ 0x9B0BEL).nextInt(d.trainCount());
        int taken = 0;
        for (int step = 0; step < d.trainCount() && taken < n; step++) {
            int i = (start + step) % d.trainCount();
            int c = d.label(i);
            // A fair share per class first; classes too rare to fill theirs leave room for the others.
            int share = (n + classes - 1) / classes;
            if (perClass[c] < share || step >= d.trainCount() / 2) {
                perClass[c]++;
                d.copyImage(i, probe, taken * width);
                probeLabels[taken++] = c;
            }
        }
        if (taken < n) {
            probe = java.util.Arrays.copyOf(probe, taken * width);
            probeLabels = java.util.Arrays.copyOf(probeLabels, taken);
        }
        return new AeHeldOut(new ImageSource(d), d, map, mapLabels, probe, probeLabels);
    }

    /** Floats per input. */
    int width() {
        return source.width();
    }

    /** Held-out inputs in {@link #map}. */
    int mapCount() {
        return map.length / width();
    }

    /** The first {@code n} held-out inputs (n at most mapCount). */
    float[] first(int n) {
        return java.util.Arrays.copyOf(map, n * width());
    }

    /** True for image datasets (labels, PNG views); false for the 3D cloud. */
    boolean images() {
        return dataset != null;
    }

    /** Class names of the dataset, empty for the cloud. */
    List<String> classNames() {
        return dataset == null ? List.of() : dataset.classNames();
    }
}
