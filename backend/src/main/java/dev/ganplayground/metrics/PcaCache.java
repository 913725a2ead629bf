package dev.ganplayground.metrics;

import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.PointCloud3d;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Fitted {@link Pca}s kept by dataset, so each is computed once per server however many runs and code sizes ask
 * (fitting MNIST's 10,000 x 784 takes about a second). An entry keeps at least {@link #MIN_COMPONENTS} components,
 * so runs with different code sizes share it; a request for more refits with that many. A small LRU map; thread-safe
 * (a fit runs under the cache's lock: a second run asking meanwhile waits for it rather than fitting again).
 */
public final class PcaCache {
    /** Components kept per entry at least: covers the lab's code sizes (k = 2 .. 50) with one fit. */
    public static final int MIN_COMPONENTS = 64;
    /** Train images an image dataset's PCA is fitted on at most (the first ones of its train part). */
    public static final int MAX_IMAGES = 10_000;
    /** Points of the 3D cloud its PCA is fitted on, drawn from {@link #CLOUD_SEED}. */
    public static final int CLOUD_POINTS = 10_000;
    static final long CLOUD_SEED = 17;
    private static final PcaCache SHARED = new PcaCache(8);

    private final Map<String, Pca> entries;

    /** A cache of at most {@code capacity} fits (least recently used dropped first). */
    public PcaCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, found " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pca> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The server's cache. */
    public static PcaCache shared() {
        return SHARED;
    }

    /**
     * The PCA of the data {@code key} names, with at least {@code k} components; {@code data} is asked for the points
     * only when a fit is needed. The key must identify the points exactly (e.g. a dataset id and fingerprint).
     */
    public synchronized Pca get(String key, int k, Supplier<Points> data) {
        Pca cached = entries.get(key);
        if (cached != null && cached.k() >= k) {
            return cached;
        }
        Points p = data.get();
        Pca fitted = Pca.fit(p.x(), p.n(), p.d(), Math.min(p.d(), Math.max(k, MIN_COMPONENTS)));
        if (fitted.k() < k) {
            throw new IllegalArgumentException("k = " + k + " exceeds the data's " + p.d() + " dimensions");
        }
        entries.put(key, fitted);
        return fitted;
    }

    /** The PCA of an image dataset's train part (its first {@link #MAX_IMAGES} images, as floats in [-1, 1]). */
    public Pca trainImages(ImageDataset ds, int k) {
        int n = Math.min(ds.trainCount(), MAX_IMAGES);
        String key = "images:" + ds.id() + ":" + Long.toHexString(ds.fingerprint()) + ":" + n;
        return get(key, k, () -> {
            int d = ds.imageSize();
            float[] x = new float[n * d];
            for (int i = 0; i < n; i++) {
                ds.copyImage(i, x, i * d);
            }
            return new Points(x, n, d);
        });
    }

    /**
     * The PCA of a 3D cloud ({@link #CLOUD_POINTS} points from a fixed seed): its top 2 components are the plane
     * up to sampling error, and its optimalMse(2) the best a 2-code linear autoencoder can reach.
     */
    public Pca cloud(PointCloud3d cloud, int k) {
        String key = "cloud:" + cloud + ":" + CLOUD_POINTS;
        return get(key, k, () -> {
            float[] x = new float[3 * CLOUD_POINTS];
            cloud.sample(new SplittableRandom(CLOUD_SEED), x, 0, CLOUD_POINTS);
            return new Points(x, CLOUD_POINTS, 3);
        });
    }

    /** Number of fits held. */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * Points to fit: {@code n} rows of {@code d} floats.
     *
     * @param x row-major, at least n * d values
     * @param n points
     * @param d floats per point
     */
    public record Points(float[] x, int n, int d) {
    }
}
