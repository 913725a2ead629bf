package dev.ganplayground.training;

import dev.ganplayground.config.LossKind;
import dev.ganplayground.config.ProganConfig;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.ImageOps;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.model.GrowingNetwork;
import dev.ganplayground.model.Progan;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.Optimizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a ProGAN (Karras et al. 2018) in ticks: G and D are {@link GrowingNetwork}s that the {@link GrowthSchedule}
 * moves from 4x4 up to {@code model.progan.maxResolution}, counting the real images shown to D. The D and G updates
 * are GanTrainer's (one pass over [reals; fakes], each half its own minibatch-stddev group; the G step takes only
 * input gradients through D) with the run's {@link GanLoss}: the presets use least squares, which the paper also
 * reports, because WGAN-GP needs a gradient of a gradient that our layers do not provide (docs/architecture.md).
 *
 * <p>Real images come from the source at its full size and are average-pooled to the current resolution; while a
 * resolution fades in they are blended as the paper's code does: (1 - alpha) upsample(downsample(x)) + alpha x, so D
 * sees reals and fakes with the same amount of detail. At each change of stage (a fade-in starting or ending) the
 * networks are rebuilt with their parameters carried, and Adam's state is reset (the paper's code does the same) or,
 * with {@code resetOptimizerOnGrowth} false, carried for the layers that stay.
 *
 * <p>Random streams are split from the seed in GanTrainer's order (G init, D init, data, noise). Not thread-safe.
 */
public final class ProganTrainer implements Trainer {
    private RunConfig config;
    private long step;
    private long images;
    private final GrowingNetwork g;
    private final GrowingNetwork d;
    private OptimizerSlot optG;
    private OptimizerSlot optD;
    private SplittableRandom dataRng;
    private SplittableRandom noiseRng;
    private final RealSource source;
    private final GrowthSchedule schedule;
    private final int channels;
    private final int sourceSize;
    private final TickStats stats = new TickStats();
    private GrowthSchedule.Stage stage;
    private ProganWorkspace buf;

    /** @param source square images of a power-of-two side at least {@code model.progan.maxResolution} */
    public ProganTrainer(RunConfig config, RealSource source) {
        ProganConfig pc = config.model().progan();
        RealSource.SampleShape shape = source.shape();
        if (shape.height() != shape.width() || Integer.bitCount(shape.height()) != 1
                || shape.height() < pc.maxResolution()) {
            throw new IllegalArgumentException("ProGAN needs square power-of-two images of at least "
                    + pc.maxResolution() + ", found " + shape.height() + "x" + shape.width());
        }
        this.config = config;
        this.source = source;
        this.channels = shape.channels();
        this.sourceSize = shape.height();
        this.schedule = GrowthSchedule.of(pc);
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom gInit = root.split();
        SplittableRandom dInit = root.split();
        dataRng = root.split();
        noiseRng = root.split();
        int b = config.train().batchSize();
        int base = config.model().baseChannels();
        g = Progan.generator(config.model().latentDim(), base, channels, pc.maxResolution(), b, gInit);
        d = Progan.discriminator(base, channels, pc.maxResolution(), pc.mbstdGroup(), 2 * b, dInit);
        optG = new OptimizerSlot(g.net().parameterCount(), config.train().optimizerG());
        optD = new OptimizerSlot(d.net().parameterCount(), config.train().optimizerD());
        buf = new ProganWorkspace(b, config.model().latentDim(), shape.size());
        stage = schedule.at(0);
    }

    @Override
    public RunConfig config() {
        return config;
    }

    @Override
    public long step() {
        return step;
    }

    /** Where the growth stands (resolution, phase, alpha, progress, images shown). */
    public GrowthSchedule.Stage growth() {
        return stage;
    }

    public GrowthSchedule schedule() {
        return schedule;
    }

    @Override
    public RealSource.SampleShape sampleShape() {
        return new RealSource.SampleShape(channels, stage.resolution(), stage.resolution());
    }

    @Override
    public TickReport train(int steps, StepMode mode) {
        stats.reset();
        double seconds = TickLoop.run(steps, mode, config.train().dSteps(), this::discriminatorStep,
                this::generatorStep, () -> step++);
        Map<String, Double> means = new HashMap<>(stats.means(seconds > 0 ? steps / seconds : Double.NaN));
        means.put(MetricNames.PROGAN_ALPHA, stage.alpha());
        means.put(MetricNames.PROGAN_RESOLUTION, (double) stage.resolution());
        return new TickReport(step, steps, seconds, means);
    }

    private void discriminatorStep() {
        int b = config.train().batchSize();
        int w = sampleShape().size();
        LossKind loss = config.train().loss();
        ProganWorkspace ws = buf;
        ws.dIn.copyFrom(realsAtCurrentResolution(b), 0, 0, b * w);
        Noise.sample(config.model().noise(), noiseRng, ws.z, b * config.model().latentDim());
        FloatVec fake = g.net().forward(ws.z, b);
        ws.dIn.copyFrom(fake, 0, b * w, b * w);
        d.net().setGroupRows(b);
        FloatVec scores = d.net().forward(ws.dIn, 2 * b);
        double l = GanLoss.discriminator(loss, scores, b, ws.dScores, 1f / b);
        d.net().backward(ws.dScores, 2 * b, true, null);
        double norm = d.net().gradientNorm();
        check(MetricNames.LOSS_D, l);
        check(MetricNames.GRAD_D_NORM, norm);
        if (!optD.step(d.net().parameters(), d.net().gradients())) {
            throw new NonFiniteException(GanTrainer.PARAMS_D, step, Double.POSITIVE_INFINITY); // undone, as GanTrainer
        }
        stats.addD(l, GanTrainer.meanScore(loss, scores, 0, b), GanTrainer.meanScore(loss, scores, b, b), norm);
        images += b;
        advance();
    }

    private void generatorStep() {
        int b = config.train().batchSize();
        LossKind loss = config.train().loss();
        ProganWorkspace ws = buf;
        Noise.sample(config.model().noise(), noiseRng, ws.z, b * config.model().latentDim());
        FloatVec fake = g.net().forward(ws.z, b);
        d.net().setGroupRows(b);
        FloatVec scores = d.net().forward(fake, b);
        double l = GanLoss.generator(loss, scores, b, ws.dScores, 1f / b);
        d.net().backward(ws.dScores, b, false, ws.dFake);
        g.net().backward(ws.dFake, b, true, null);
        double norm = g.net().gradientNorm();
        check(MetricNames.LOSS_G, l);
        check(MetricNames.GRAD_G_NORM, norm);
        if (!optG.step(g.net().parameters(), g.net().gradients())) {
            throw new NonFiniteException(GanTrainer.PARAMS_G, step, Double.POSITIVE_INFINITY);
        }
        stats.addG(l, GanTrainer.meanScore(loss, scores, 0, b), norm);
    }

    /**
     * {@code n} real images at the current resolution: pooled down from the source's size and, during a fade-in,
     * blended with their own upsampled half-resolution version (weight 1 - alpha).
     */
    private float[] realsAtCurrentResolution(int n) {
        ProganWorkspace ws = buf;
        source.sample(dataRng, ws.real, 0, n);
        float[] cur = ws.real;
        float[] spare = ws.scratchA;
        int r = stage.resolution();
        for (int size = sourceSize; size > r; size /= 2) {
            ImageOps.downsample2x(cur, 0, spare, 0, n, channels, size, size);
            float[] t = cur;
            cur = spare;
            spare = t == ws.real ? ws.scratchB : t;
        }
        if (stage.fading()) {
            float[] other = cur == ws.scratchB ? ws.scratchA : ws.scratchB;
            float[] low = cur == ws.real ? ws.scratchA : ws.real;
            // low: half resolution; other: it upsampled back; then the blend into cur.
            ImageOps.downsample2x(cur, 0, low, 0, n, channels, r, r);
            ImageOps.upsampleNearest(low, 0, other, 0, n, channels, r / 2, r / 2, 2);
            float a = (float) stage.alpha();
            for (int i = 0, end = n * channels * r * r; i < end; i++) {
                cur[i] = (1 - a) * other[i] + a * cur[i];
            }
        }
        return cur;
    }

    /** Moves to the schedule's stage for the images shown so far. */
    private void advance() {
        GrowthSchedule.Stage next = schedule.at(images);
        if (next.level() != stage.level() || next.fading() != stage.fading()) {
            boolean carry = !config.model().progan().resetOptimizerOnGrowth();
            optG = rebuild(g, optG, next, carry, config.train().optimizerG());
            optD = rebuild(d, optD, next, carry, config.train().optimizerD());
        }
        g.setAlpha((float) next.alpha());
        d.setAlpha((float) next.alpha());
        stage = next;
    }

    private static OptimizerSlot rebuild(GrowingNetwork net, OptimizerSlot slot, GrowthSchedule.Stage next,
                                         boolean carry, dev.ganplayground.config.OptimizerConfig oc) {
        List<Map<Layer, float[]>> state = new ArrayList<>();
        long steps = slot.optimizer().steps();
        if (carry) {
            for (FloatVec v : slot.optimizer().state()) {
                state.add(net.split(v));
            }
        }
        net.moveTo(next.level(), next.fading());
        slot.close();
        OptimizerSlot fresh = new OptimizerSlot(net.net().parameterCount(), oc);
        if (carry) {
            Optimizer o = fresh.optimizer();
            for (int i = 0; i < state.size(); i++) {
                net.join(state.get(i), o.state().get(i));
            }
            o.setSteps(steps);
        }
        return fresh;
    }

    @Override
    public TrainerState captureState() {
        return new TrainerState(step, g.net().parameters().toArray(), d.net().parameters().toArray(), optG.capture(),
                optD.capture(), images, null);
    }

    /** Moves the networks to the growth stage of the saved image count first, then puts everything back. */
    @Override
    public void restoreState(TrainerState s) {
        images = s.images();
        GrowthSchedule.Stage next = schedule.at(images);
        if (next.level() != stage.level() || next.fading() != stage.fading()) {
            optG = rebuild(g, optG, next, false, config.train().optimizerG());
            optD = rebuild(d, optD, next, false, config.train().optimizerD());
        }
        g.setAlpha((float) next.alpha());
        d.setAlpha((float) next.alpha());
        stage = next;
        FloatVec gp = g.net().parameters();
        FloatVec dp = d.net().parameters();
        if (s.generator().length != gp.length() || s.discriminator().length != dp.length()) {
            throw new IllegalArgumentException("checkpoint networks have " + s.generator().length + " + "
                    + s.discriminator().length + " parameters, this stage's have " + gp.length() + " + "
                    + dp.length());
        }
        optG.restore(s.optimizerG());
        optD.restore(s.optimizerD());
        gp.copyFrom(s.generator(), 0, 0, gp.length());
        dp.copyFrom(s.discriminator(), 0, 0, dp.length());
        step = s.step();
        SplittableRandom r = TrainerState.resumedStreams(config.seed(), step);
        dataRng = r.split();
        noiseRng = r.split();
    }

    private void check(String metric, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteException(metric, step, value);
        }
    }

    @Override
    public void reconfigure(RunConfig next) {
        if (config.structurallyDiffers(next)) {
            throw new IllegalArgumentException("seed, model, data or D's remedies changed: build a new trainer");
        }
        config = next;
        int b = next.train().batchSize();
        if (b > buf.rows) {
            buf.close();
            buf = new ProganWorkspace(b, next.model().latentDim(), source.width());
            g.ensureCapacity(b);
            d.ensureCapacity(2 * b);
        }
        optG.configure(next.train().optimizerG());
        optD.configure(next.train().optimizerD());
    }

    @Override
    public float[] generate(int n, SplittableRandom rng) {
        return generateFrom(drawLatent(rng, n * config.model().latentDim()), n);
    }

    @Override
    public float[] generateFrom(float[] zs, int n) {
        int latent = config.model().latentDim();
        if (zs.length < n * latent) {
            throw new IllegalArgumentException("need " + n * latent + " latent floats, found " + zs.length);
        }
        int width = sampleShape().size();
        float[] out = new float[width * n];
        for (int at = 0; at < n; at += buf.rows) {
            int k = Math.min(buf.rows, n - at);
            buf.z.copyFrom(zs, at * latent, 0, k * latent);
            g.net().forward(buf.z, k).copyTo(0, out, width * at, width * k);
        }
        return out;
    }

    @Override
    public float[] drawLatent(SplittableRandom rng, int count) {
        return Noise.sample(config.model().noise(), rng, count);
    }

    @Override
    public void close() {
        buf.close();
        g.close();
        d.close();
        optG.close();
        optD.close();
    }
}
