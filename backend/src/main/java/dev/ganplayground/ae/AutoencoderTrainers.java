package dev.ganplayground.ae;

import dev.ganplayground.config.ExperimentKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.training.RealSource;

/** Builds the trainer of an autoencoder run. */
public final class AutoencoderTrainers {
    private AutoencoderTrainers() {
    }

    /**
     * The trainer for {@code config} (architecture {@code autoencoder}).
     *
     * @param source  the training inputs (an image dataset's training split, or the 3D cloud)
     * @param dataset the image dataset with its labels (downstream classifiers draw their few labelled examples from
     *                its training split), or null for the 3D cloud
     * @throws IllegalArgumentException if the pretraining experiment has no labelled dataset
     */
    public static AutoencoderTrainer create(RunConfig config, RealSource source, ImageDataset dataset) {
        if (config.model().autoencoder().experiment() == ExperimentKind.PRETRAINING && dataset == null) {
            throw new IllegalArgumentException("the pretraining experiment needs an image dataset with labels");
        }
        return new AeTrainer(config, source, dataset);
    }
}
