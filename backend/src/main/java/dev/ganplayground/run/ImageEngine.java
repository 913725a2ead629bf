package dev.ganplayground.run;

import dev.ganplayground.config.ArchitectureKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.ViewConfig;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.metrics.ImageClassifier;
import dev.ganplayground.metrics.ImageCoverage;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.samples.ImageFrameEncoder;
import dev.ganplayground.samples.ImageGrid;
import dev.ganplayground.samples.LatentWalk;
import dev.ganplayground.samples.Timeline;
import dev.ganplayground.data.ImageOps;
import dev.ganplayground.model.Progan;
import dev.ganplayground.training.GanTrainer;
import dev.ganplayground.training.GrowthSchedule;
import dev.ganplayground.training.ImageSource;
import dev.ganplayground.training.PaddedSource;
import dev.ganplayground.training.ProganTrainer;
import dev.ganplayground.training.RealSource;
import dev.ganplayground.training.Trainer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An image run: a DCGAN, a ProGAN or a StyleGAN on an {@link ImageDataset}. Every {@code view.imageEvery} steps
 * (at most {@code view.maxFramesPerSecond} a second) it draws the fixed-z sample grid and the latent walk between two of
 * its tiles, encodes both as PNG once, sends them as one frame and keeps them in the {@link Timeline}. Each
 * evaluation classifies {@value #EVAL_SAMPLES} fresh samples with the dataset's small classifier.
 *
 * <p>ProGAN runs train on the dataset padded to 32x32 with -1 ({@link PaddedSource}) and their frames show the
 * current resolution (grid.tile) with the header's growth status; the timeline's frames so differ in size (the GIF
 * scales them to the largest). The classifier, trained on the 28x28 images, sees each sample upscaled (nearest) from
 * the current resolution to 32x32 and cropped to the centre 28x28: exactly the original frame of the padding, so a
 * perfect 32x32 sample is classified as its unpadded original would be.
 *
 * <p>StyleGAN runs train at 32x32 on the dataset padded with background ({@link PaddedSource}); their grid and walk
 * are rendered with the truncation psi, and each frame also carries the style-mixing grid and the noise view
 * ({@link StyleViews}). Their evaluation classifies the centre crop of the dataset's size, untruncated (as
 * ProGAN's at 32x32).
 */
final class ImageEngine implements RunEngine {
    /** Generated samples per evaluation: well above the classifier's feature size, so the covariance is full. */
    static final int EVAL_SAMPLES = 1_000;

    private final Trainer trainer;
    private final ImageDataset dataset;
    private final ImageClassifier classifier;
    private final Timeline timeline;
    private final long gridSeed;
    private final long evalSeed;
    private SplittableRandom evalRng;
    private float[] gridZ;
    private int gridSize;
    private final FrameClock clock = new FrameClock();
    /** StyleGAN runs only, else null. */
    private final StyleViews style;

    ImageEngine(RunConfig config, ImageDataset dataset, ImageClassifier classifier) {
        this.dataset = dataset;
        this.classifier = classifier;
        ArchitectureKind arch = config.model().architecture();
        // ProGAN and StyleGAN train at power-of-two sides: the 28x28 datasets are padded to 32x32.
        RealSource padded = new PaddedSource(new ImageSource(dataset), Progan.MAX_RESOLUTION);
        GanTrainer styleTrainer = arch == ArchitectureKind.STYLEGAN ? new GanTrainer(config, padded) : null;
        trainer = arch == ArchitectureKind.PROGAN ? new ProganTrainer(config, padded)
                : styleTrainer != null ? styleTrainer : new GanTrainer(config, new ImageSource(dataset));
        timeline = new Timeline(config.view().timelineFrames());
        // Own streams, split from the seed but never from the trainer's: frames and evaluations leave training alone.
        SplittableRandom r = new SplittableRandom(config.seed() ^ 0x1A6E5EEDL);
        gridSeed = r.nextLong();
        evalSeed = r.nextLong();
        style = styleTrainer != null ? new StyleViews(styleTrainer, r.nextLong()) : null;
        drawGrid(config.view().gridSize());
    }

    Timeline timeline() {
        return timeline;
    }

    /** The fixed z of the grid, drawn from the start of its own stream: a bigger grid keeps the first tiles. */
    private void drawGrid(int size) {
        gridSize = size;
        int latent = trainer.config().model().latentDim();
        gridZ = trainer.drawLatent(new SplittableRandom(gridSeed), size * size * latent);
    }

    @Override
    public Trainer trainer() {
        return trainer;
    }

    @Override
    public void reconfigure(RunConfig next) {
        trainer.reconfigure(next);
        if (next.view().gridSize() != gridSize) {
            drawGrid(next.view().gridSize());
        }
    }

    @Override
    public boolean frameDue(boolean force) {
        return clock.due(force, trainer.step(), trainer.config().view());
    }

    @Override
    public byte[] frame(String runId, long frameNo) {
        ViewConfig v = trainer.config().view();
        RealSource.SampleShape shape = trainer.sampleShape();
        int c = shape.channels();
        int h = shape.height();
        int w = shape.width();
        int tiles = gridSize * gridSize;
        ImageGrid grid = ImageGrid.grid(tiles, gridSize, c, h, w);
        byte[] gridPng = grid.png(images(gridZ, tiles, v));
        int latent = trainer.config().model().latentDim();
        int from = v.walkFromTile();
        int to = v.walkToTile();
        float[] walkZ = LatentWalk.walk(gridZ, latent, from, to, v.walkSteps());
        ImageGrid strip = ImageGrid.strip(v.walkSteps(), c, h, w);
        byte[] walkPng = strip.png(images(walkZ, v.walkSteps(), v));
        long step = trainer.step();
        timeline.offer(new Timeline.Frame(frameNo, step, gridPng, walkPng));
        ImageFrameEncoder.StyleSections sections = style == null ? null : style.sections(v, c, h);
        return ImageFrameEncoder.encode(runId, frameNo, step, grid, gridPng, from, to, strip, walkPng, growth(),
                sections);
    }

    /** G of fixed latents: StyleGAN truncated by the view's psi with fixed noise, the others as they are. */
    private float[] images(float[] zs, int n, ViewConfig v) {
        return style != null ? style.render(zs, n, v.truncationPsi()) : trainer.generateFrom(zs, n);
    }

    /** The header's growth status of a ProGAN run, else null. */
    private ImageFrameEncoder.Growth growth() {
        if (!(trainer instanceof ProganTrainer p)) {
            return null;
        }
        GrowthSchedule.Stage s = p.growth();
        return new ImageFrameEncoder.Growth(s.resolution(), trainer.config().model().progan().maxResolution(),
                s.phase().wireName(), s.alpha(), s.progress(), s.images());
    }

    /**
     * Samples as the classifier wants them: the dataset's own size as is; smaller square ones (ProGAN) upscaled to
     * 32x32 and cropped to the dataset's centre (see the class comment).
     */
    private float[] forClassifier(float[] samples, int n) {
        RealSource.SampleShape s = trainer.sampleShape();
        if (s.height() == dataset.height() && s.width() == dataset.width()) {
            return samples;
        }
        int c = s.channels();
        int full = Progan.MAX_RESOLUTION;
        float[] up = new float[n * c * full * full];
        ImageOps.upsampleNearest(samples, 0, up, 0, n, c, s.height(), s.width(), full / s.height());
        float[] out = new float[n * dataset.imageSize()];
        ImageOps.cropCenter(up, 0, out, 0, n, c, full, full, dataset.height(), dataset.width());
        return out;
    }

    @Override
    public Evaluated evaluate() {
        if (evalRng == null) {
            evalRng = new SplittableRandom(evalSeed);
        }
        float[] fake = forClassifier(trainer.generate(EVAL_SAMPLES, evalRng), EVAL_SAMPLES);
        ImageCoverage cov = ImageCoverage.evaluate(classifier, fake, EVAL_SAMPLES);
        Map<String, Double> row = new LinkedHashMap<>();
        row.put(MetricNames.IMAGES_CLASSES_COVERED, (double) cov.classesCovered());
        row.put(MetricNames.IMAGES_KL_UNIFORM, cov.klToUniform());
        row.put(MetricNames.IMAGES_FCD, cov.frechetDistance());
        row.put(MetricNames.IMAGES_CONFIDENCE, cov.meanConfidence());
        return new Evaluated(row, null, null, new ClassesSnapshot(trainer.step(), cov.counts(),
                dataset.classNames(), EVAL_SAMPLES, classifier.testAccuracy()));
    }
}
