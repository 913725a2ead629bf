package dev.ganplayground.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;

/**
 * The image datasets a run can train on: {@code mnist} (any folder of MNIST-format IDX files), {@code fashion}
 * (Fashion-MNIST, by default where Debian's {@code dataset-fashion-mnist} package puts it) and the built-in
 * {@code shapes}. Each is loaded once and shared; concurrent callers of {@link #load} wait for one read. A failed
 * load is not remembered, so a folder fixed afterwards can be retried.
 */
public final class ImageDatasets {
    public static final String MNIST = "mnist";
    public static final String FASHION = "fashion";
    public static final String SHAPES = ShapesDataset.ID;
    public static final List<String> IDS = List.of(MNIST, FASHION, SHAPES);
    /** Where Debian's {@code dataset-fashion-mnist} package installs the IDX files. */
    public static final Path DEFAULT_FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final String MNIST_ENV = "GAN_MNIST_DIR";
    public static final String FASHION_ENV = "GAN_FASHION_DIR";
    public static final String MNIST_HINT = "set " + MNIST_ENV + " to a folder with MNIST IDX files "
            + "(train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz)";
    public static final String FASHION_HINT = "install the Debian package dataset-fashion-mnist "
            + "(apt-get install dataset-fashion-mnist) or set " + FASHION_ENV
            + " to a folder with Fashion-MNIST IDX files";
    public static final List<String> DIGIT_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    public static final List<String> FASHION_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Image side every registry dataset has (the classifier's input is 28 x 28). */
    public static final int SIDE = 28;

    private final Path mnistDir;
    private final Path fashionDir;
    private final ConcurrentHashMap<String, CompletableFuture<ImageDataset>> loaded = new ConcurrentHashMap<>();

    /**
     * @param mnistDir   folder of MNIST IDX files, or null when none is configured
     * @param fashionDir folder of Fashion-MNIST IDX files, or null when none is configured
     */
    public ImageDatasets(Path mnistDir, Path fashionDir) {
        this.mnistDir = mnistDir;
        this.fashionDir = fashionDir;
    }

    /** Folders from {@value #MNIST_ENV} and {@value #FASHION_ENV} (default {@link #DEFAULT_FASHION_DIR}). */
    public static ImageDatasets fromEnvironment() {
        String mnist = System.getenv(MNIST_ENV);
        String fashion = System.getenv(FASHION_ENV);
        return new ImageDatasets(mnist == null || mnist.isBlank() ? null : Path.of(mnist),
                fashion == null || fashion.isBlank() ? DEFAULT_FASHION_DIR : Path.of(fashion));
    }

    /** Every dataset with its availability; reads at most the IDX headers. */
    public List<DatasetInfo> list() {
        List<DatasetInfo> out = new ArrayList<>();
        for (String id : IDS) {
            out.add(info(id));
        }
        return out;
    }

    /** One dataset's entry of {@link #list()}. */
    public DatasetInfo info(String id) {
        Spec spec = spec(id);
        ImageDataset ready = loadedNow(id);
        if (ready != null) {
            return new DatasetInfo(id, spec.name, true, ready.size(), spec.classNames, ready.detail(), null);
        }
        if (id.equals(SHAPES)) {
            return new DatasetInfo(id, spec.name, true, ShapesDataset.DEFAULT_COUNT, spec.classNames,
                    "generated on first use", null);
        }
        try {
            IdxFolder files = locate(id, spec);
            return new DatasetInfo(id, spec.name, true, files.count(), spec.classNames, describe(files), null);
        } catch (DatasetUnavailableException e) {
            return new DatasetInfo(id, spec.name, false, 0, spec.classNames, e.getMessage(), e.hint());
        } catch (DatasetFormatException e) {
            return new DatasetInfo(id, spec.name, false, 0, spec.classNames, e.getMessage(), spec.hint);
        }
    }

    /**
     * Loads {@code id} (or returns the cached copy), reporting 0..1 to {@code progress} (nullable) while reading.
     *
     * @throws DatasetUnavailableException when the files are not there (with the hint)
     * @throws DatasetFormatException      when a file is corrupt
     * @throws IllegalArgumentException    for an unknown id
     */
    public ImageDataset load(String id, DoubleConsumer progress) {
        Spec spec = spec(id);
        CompletableFuture<ImageDataset> mine = new CompletableFuture<>();
        CompletableFuture<ImageDataset> existing = loaded.putIfAbsent(id, mine);
        if (existing != null) {
            ImageDataset d = await(existing);
            if (progress != null) {
                progress.accept(1.0);
            }
            return d;
        }
        try {
            ImageDataset d = read(id, spec, progress);
            mine.complete(d);
            return d;
        } catch (RuntimeException | Error e) {
            loaded.remove(id, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The dataset if it is already loaded, else null; never blocks. */
    public ImageDataset loadedNow(String id) {
        CompletableFuture<ImageDataset> f = loaded.get(id);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    private ImageDataset read(String id, Spec spec, DoubleConsumer progress) {
        if (id.equals(SHAPES)) {
            ImageDataset d = ShapesDataset.generate();
            if (progress != null) {
                progress.accept(1.0);
            }
            return d;
        }
        IdxFolder files = locate(id, spec);
        IdxFolder.Progress p = new IdxFolder.Progress(progress, files.totalBytes());
        int classes = spec.classNames.size();
        IdxFolder.Pair train = IdxFolder.readPair(files.trainImages(), files.trainLabels(), classes, p);
        checkSide(files.trainImages(), train.images());
        IdxFolder.Pair test = null;
        if (files.hasTest()) {
            test = IdxFolder.readPair(files.testImages(), files.testLabels(), classes, p);
            checkSide(files.testImages(), test.images());
        }
        int trainCount = train.labels().length;
        byte[] pixels = train.images().pixels();
        byte[] labels = train.labels();
        if (test != null) {
            pixels = concat(pixels, test.images().pixels());
            labels = concat(labels, test.labels());
        } else {
            // No t10k files: hold out a fixed tail (the shared 10k set is shuffled, so the tail is a fair sample).
            trainCount = labels.length - labels.length / 5;
        }
        if (trainCount < 1 || trainCount >= labels.length) {
            throw new DatasetFormatException(files.trainImages(), "has too few images (" + labels.length
                    + ") for a train and a test part");
        }
        if (progress != null) {
            progress.accept(1.0);
        }
        return new ImageDataset(id, spec.name, SIDE, SIDE, spec.classNames, pixels, labels, trainCount,
                describe(files));
    }

    private static void checkSide(Path file, IdxReader.Images images) {
        if (images.rows() != SIDE || images.cols() != SIDE) {
            throw new DatasetFormatException(file, "holds " + images.rows() + " x " + images.cols()
                    + " images, expected " + SIDE + " x " + SIDE);
        }
    }

    private static IdxFolder locate(String id, Spec spec) {
        if (spec.dir == null) {
            throw new DatasetUnavailableException(id, spec.name + " has no folder configured", spec.hint);
        }
        if (!Files.isDirectory(spec.dir)) {
            throw new DatasetUnavailableException(id, spec.name + " folder " + spec.dir + " does not exist",
                    spec.hint);
        }
        IdxFolder files = IdxFolder.find(spec.dir);
        if (files == null) {
            throw new DatasetUnavailableException(id, "no " + spec.name + " IDX files in " + spec.dir, spec.hint);
        }
        return files;
    }

    private static String describe(IdxFolder files) {
        return files.trainImages().getParent() + (files.hasTest() ? " (train + t10k files)"
                : " (no t10k files: the last 20% is the test part)");
    }

    private Spec spec(String id) {
        if (id == null) {
            throw new IllegalArgumentException("dataset id must not be null");
        }
        return switch (id) {
            case MNIST -> new Spec("MNIST", DIGIT_NAMES, mnistDir, MNIST_HINT);
            case FASHION -> new Spec("Fashion-MNIST", FASHION_NAMES, fashionDir, FASHION_HINT);
            case SHAPES -> new Spec("Shapes (built-in)", ShapesDataset.CLASS_NAMES, null, null);
            default -> throw new IllegalArgumentException("unknown image dataset '" + id + "', expected one of "
                    + IDS);
        };
    }

    private record Spec(String name, List<String> classNames, Path dir, String hint) {
    }

    private static ImageDataset await(CompletableFuture<ImageDataset> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
