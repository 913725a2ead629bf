package dev.ganplayground.config;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A run's resolved settings: defaults, then a preset, then the user's overrides, validated once.
 * Every field is required after the merge; unknown fields are errors.
 *
 * @param seed  seed of everything random in the run (init, data, noise, fixed visual batches), in
 *              [0, 2^53]; structural (a new seed rebuilds the networks). Default 42.
 * @param data  the real distribution (live-tunable)
 * @param model the networks (structural)
 * @param train optimisation (live-tunable)
 * @param view  streaming and speed (live-tunable)
 * @param remedies mode-collapse remedies (minibatch discrimination and packing structural, the rest live)
 * @param alarm the mode-collapse alarm's thresholds (live-tunable)
 */
public record RunConfig(long seed, DataConfig data, ModelConfig model, TrainConfig train, ViewConfig view,
                        RemediesConfig remedies, AlarmConfig alarm) {
    /** Largest integer a browser's JSON numbers hold exactly. */
    public static final long MAX_SEED = 1L << 53;

    /** Checks every range and throws a {@link ConfigException} listing every bad field. */
    public RunConfig validated() {
        Validator v = new Validator();
        v.intRange("/seed", seed, 0, MAX_SEED);
        if (data == null) v.fail("/data", "is required"); else data.validate(v, "/data");
        if (model == null) v.fail("/model", "is required"); else model.validate(v, "/model");
        if (train == null) v.fail("/train", "is required"); else train.validate(v, "/train");
        if (view == null) v.fail("/view", "is required"); else view.validate(v, "/view");
        if (remedies == null) v.fail("/remedies", "is required"); else remedies.validate(v, "/remedies");
        if (alarm == null) v.fail("/alarm", "is required"); else alarm.validate(v, "/alarm");
        if (data != null && data.kind() != null && model != null && model.architecture() != null) {
            checkDataFitsModel(v);
        }
        if (train != null && model != null) {
            // ProGAN's growing D (fade-in, two paths) has no R1 pass; the fixed-size GANs do.
            v.require(train.r1Gamma() == 0 || model.architecture() != ArchitectureKind.PROGAN, "/train/r1Gamma",
                    "must be 0 for 'progan' (its growing discriminator has no R1 penalty), found " + train.r1Gamma());
        }
        v.throwIfInvalid();
        return this;
    }

    /** Which architectures may learn which data: GANs their own kind of data, autoencoders images or the cloud. */
    private void checkDataFitsModel(Validator v) {
        DatasetKind kind = data.kind();
        ArchitectureKind arch = model.architecture();
        if (arch == ArchitectureKind.AUTOENCODER) {
            v.require(!kind.isPlane(), "/data/kind", "must be an image dataset or 'plane3d' for an autoencoder, found '"
                    + kind.wireName() + "'");
            AutoencoderKind ae = model.autoencoder() == null ? null : model.autoencoder().kind();
            v.require(kind != DatasetKind.PLANE3D || ae == null || ae == AutoencoderKind.LINEAR
                            || ae == AutoencoderKind.DENSE || ae == AutoencoderKind.VAE, "/model/autoencoder/kind",
                    "must be 'linear', 'dense' or 'vae' for the 3D point cloud");
            v.require(kind != DatasetKind.PLANE3D || model.autoencoder() == null
                            || model.autoencoder().experiment() != ExperimentKind.PRETRAINING,
                    "/model/autoencoder/experiment", "'pretraining' needs a labelled image dataset, not 'plane3d'");
            return;
        }
        if (kind == DatasetKind.PLANE3D) {
            v.fail("/model/architecture", "must be 'autoencoder' for the 3D point cloud 'plane3d'");
            return;
        }
        boolean images = kind.isImage();
        v.require(images == arch.isImage(), "/model/architecture",
                images ? "must be an image architecture ('dcgan', 'progan', 'stylegan' or 'autoencoder') for the"
                        + " image dataset '" + kind.wireName() + "'"
                        : "must be 'mlp' for the 2D distribution '" + kind.wireName() + "'");
    }

    /** True for an autoencoder run (not a JSON property). */
    @JsonIgnore
    public boolean isAutoencoderRun() {
        return model.architecture() == ArchitectureKind.AUTOENCODER;
    }

    /** True for an image GAN run (DCGAN, ProGAN, StyleGAN) on an image dataset (not a JSON property). */
    @JsonIgnore
    public boolean isImageRun() {
        return model.architecture().isImage();
    }

    /**
     * True when going from this config to {@code next} needs new networks: seed, model or D's remedies changed, or
     * an image run's dataset (its shape, classifier and timeline belong to the dataset).
     */
    public boolean structurallyDiffers(RunConfig next) {
        return seed != next.seed || !model.equals(next.model) || remedies.structurallyDiffers(next.remedies)
                || ((isImageRun() || isAutoencoderRun()) && !data.equals(next.data));
    }
}
