package dev.ganplayground.run;

import dev.ganplayground.ae.AutoencoderTrainers;
import dev.ganplayground.config.DatasetKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.DatasetFormatException;
import dev.ganplayground.data.DatasetUnavailableException;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.ImageDatasets;
import dev.ganplayground.metrics.ImageClassifier;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds each run's {@link RunEngine}: {@link PointEngine}, {@link ImageEngine} or {@link AutoencoderEngine}. Image runs share the server's datasets (loaded once) and one classifier per
 * dataset (trained once, then cached on disk under {@code cacheDir}, and in memory for the server's life); the
 * first run on a dataset pays for both on its own thread, reporting progress.
 */
public final class RunEngines {
    private final ImageDatasets datasets;
    private final Path cacheDir;
    private final Map<String, ImageClassifier> classifiers = new ConcurrentHashMap<>();
    private final int convThreads;

    /** Image runs use one native thread (tests: reproducible, and light on a shared machine). */
    public RunEngines(ImageDatasets datasets, Path cacheDir) {
        this(datasets, cacheDir, 1);
    }

    /**
     * @param convThreads native threads of an image run while it is the only run training (see
     *                    {@link NativeThreadPolicy})
     */
    public RunEngines(ImageDatasets datasets, Path cacheDir, int convThreads) {
        if (convThreads < 1) {
            throw new IllegalArgumentException("convThreads must be >= 1, found " + convThreads);
        }
        this.datasets = datasets;
        this.cacheDir = cacheDir;
        this.convThreads = convThreads;
    }

    /** Native threads of an image run while it is the only run training. */
    int convThreads() {
        return convThreads;
    }

    public ImageDatasets datasets() {
        return datasets;
    }

    /**
     * The engine for {@code config}.
     *
     * @throws SetupException when an image run's dataset is missing or corrupt (the run fails with this reason)
     */
    RunEngine create(RunConfig config, Progress.Sink progress) {
        if (config.isAutoencoderRun()) {
            return autoencoder(config, progress);
        }
        if (!config.isImageRun()) {
            return new PointEngine(config);
        }
        ImageDataset dataset = dataset(config, progress);
        return new ImageEngine(config, dataset, classifier(dataset, progress));
    }

    /** An autoencoder run: on the 3D cloud, or on an image dataset loaded as image runs load it (no classifier). */
    private RunEngine autoencoder(RunConfig config, Progress.Sink progress) {
        AeHeldOut data = config.data().kind() == DatasetKind.PLANE3D ? AeHeldOut.cloud()
                : AeHeldOut.images(dataset(config, progress), config.model().autoencoder().labels(), config.seed());
        return new AutoencoderEngine(AutoencoderTrainers.create(config, data.source(), data.dataset()), data);
    }

    private ImageDataset dataset(RunConfig config, Progress.Sink progress) {
        String id = config.data().kind().wireName();
        try {
            String what = "Loading " + datasets.info(id).name();
            progress.report("dataset", what, 0, false);
            ImageDataset dataset = datasets.load(id, f -> progress.report("dataset", what, f, false));
            progress.report("dataset", what, 1, true);
            return dataset;
        } catch (DatasetUnavailableException | DatasetFormatException e) {
            throw new SetupException("dataset '" + id + "': " + e.getMessage());
        }
    }

    /** One classifier per dataset; a second run on the same dataset waits for the first one's training. */
    private ImageClassifier classifier(ImageDataset dataset, Progress.Sink progress) {
        ImageClassifier ready = classifiers.get(dataset.id());
        if (ready != null) {
            return ready;
        }
        synchronized (this) {
            return classifiers.computeIfAbsent(dataset.id(), id -> {
                String what = "Training the class-coverage classifier on " + dataset.name()
                        + " (first use; cached afterwards)";
                progress.report("classifier", what, 0, false);
                ImageClassifier c = ImageClassifier.loadOrTrain(dataset, cacheDir,
                        f -> progress.report("classifier", what, f, false));
                progress.report("classifier", what, 1, true);
                return c;
            });
        }
    }

    /** A run could not be set up; the message says why, for people. */
    static final class SetupException extends RuntimeException {
        SetupException(String message) {
            super(message);
        }
    }
}
