package dev.ganplayground.training;

import dev.ganplayground.config.LossKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.PointDistribution;
import dev.ganplayground.data.PointDistributions;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Network;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Trains one GAN in ticks on the calling thread: a 2D GAN (MLPs on a {@link PointDistribution}) or an image GAN
 * (the DCGAN, ProGAN or StyleGAN on an image {@link RealSource}); the step logic is the same, only the sample
 * width and the networks ({@link Network}s) differ. Everything random comes
 * from separate streams split off the config's seed (G init, D init, data, noise, fixed visual batches, replay),
 * so a seed reproduces a run and drawing a frame never shifts the training streams.
 *
 * <p>Remedies (config/RemediesConfig): with packing m (PacGAN, Lin et al. 2018) D's rows are packs of m samples,
 * and a batch of b means b packs of reals and b packs of fakes per D update, b packs of fakes per G update, as
 * PacGAN keeps the number of D inputs at the batch size (so G makes m*b samples per update). m consecutive samples
 * in row-major memory already are one packed row, so packing copies nothing. Minibatch discrimination compares
 * rows within groups of b (the real half, the fake half; the G step's one group). Replay ({@link ReplayBuffer})
 * swaps part of the fake half for past fakes; the real label softens D's real target ({@link GanLoss}).
 *
 * <p>A step allocates nothing: every buffer is sized for the batch (at least {@value #MIN_ROWS} rows, which the
 * frame's chunked passes also use) and grows only in {@link #reconfigure}. Not thread-safe; one run, one thread.
 */
public final class GanTrainer implements Trainer {
    /** Smallest row capacity of the buffers, so frames are computed in chunks of at least this many points. */
    static final int MIN_ROWS = 256;
    /** What a {@link NonFiniteException} names when D's update itself would overflow (its loss and norm were fine). */
    public static final String PARAMS_D = "params/d";
    /** The same for G. */
    public static final String PARAMS_G = "params/g";

    private RunConfig config;
    private long step;
    private final Network g;
    private final Network d;
    private final OptimizerSlot optG;
    private final OptimizerSlot optD;
    private SplittableRandom dataRng;
    private SplittableRandom noiseRng;
    private final PlaneViews views;
    private final ReplayBuffer replay;
    /** The R1 penalty's passes and its parameter gradient (allocated with the first penalised D update). */
    private R1Penalty r1;
    private FloatVec r1Grad;
    /** D updates so far in this trainer, which the lazy R1 interval counts. */
    private long dUpdates;
    /** PacGAN's m: samples per D row (structural, so fixed for a trainer). */
    private final int pack;
    /** Floats per sample: 2 for points, C * H * W for images. */
    private final int width;
    private final TickStats stats = new TickStats();
    private RealSource source;

    /** Workspace for the current batch size (see {@link StepBuffers}); null only after close. */
    private StepBuffers buf;

    /** A 2D GAN: builds networks, optimizers and the data sampler from {@code config}. */
    public GanTrainer(RunConfig config) {
        this(config, new PointSource(PointDistributions.create(config.data())));
    }

    /**
     * A GAN on {@code source} (its shape must suit the config's architecture: points for the MLP, images whose
     * sides are multiples of 4 for the DCGAN). The plane views exist for point sources only.
     */
    public GanTrainer(RunConfig config, RealSource source) {
        this.config = config;
        this.source = source;
        this.width = source.width();
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom gInit = root.split();
        SplittableRandom dInit = root.split();
        dataRng = root.split();
        noiseRng = root.split();
        long visualSeed = root.nextLong();
        // Split last, so runs without replay keep the streams (and results) they had before it existed.
        replay = new ReplayBuffer(root.split(), config.remedies().replay(), width);
        pack = config.remedies().packing();
        // Image batches are small and their rows large: the frame chunks need no MIN_ROWS floor there.
        int cap = source instanceof PointSource ? Math.max(config.train().batchSize(), MIN_ROWS)
                : config.train().batchSize();
        g = Networks.generator(config, source.shape(), pack * cap, gInit);
        d = Networks.discriminator(config, source.shape(), 2 * cap, dInit);
        optG = new OptimizerSlot(g.parameterCount(), config.train().optimizerG());
        optD = new OptimizerSlot(d.parameterCount(), config.train().optimizerD());
        ensureRows(cap);
        views = source instanceof PointSource ? new PlaneViews(this, visualSeed) : null;
    }

    public RunConfig config() {
        return config;
    }

    /** Steps completed so far. */
    public long step() {
        return step;
    }

    /** The real 2D distribution currently trained on (changes with {@link #reconfigure}); null for images. */
    public PointDistribution distribution() {
        return source instanceof PointSource p ? p.distribution() : null;
    }

    /** Shape of the real and generated samples (fixed for this trainer). */
    @Override
    public RealSource.SampleShape sampleShape() {
        return source.shape();
    }

    /** Floats per sample (2 for points, C * H * W for images). */
    public int sampleWidth() {
        return width;
    }

    /**
     * Runs {@code steps} steps and returns the means of the per-update scalars. A {@link NonFiniteException} stops
     * the tick before the offending update is applied (a non-finite loss or gradient norm, or an update that would
     * make a parameter non-finite: then it is undone), so the parameters stay finite; steps completed before it stay
     * counted.
     */
    public TickReport train(int steps, StepMode mode) {
        stats.reset();
        double seconds;
        g.setTraining(true);
        try {
            seconds = TickLoop.run(steps, mode, config.train().dSteps(), this::discriminatorStep,
                    this::generatorStep, () -> step++);
        } finally {
            // Frames and evaluations sample between ticks: no style mixing, no W-average update there.
            g.setTraining(false);
        }
        return new TickReport(step, steps, seconds, stats.means(seconds > 0 ? steps / seconds : Double.NaN));
    }

    /**
     * One D update: b packs of reals and b packs of fakes through D as one batch of 2b rows, each half its own
     * minibatch-discrimination group; D's weight gradients only. With replay the first k fake samples come from
     * the buffer, and the k fresh fakes they displaced go into it.
     */
    private void discriminatorStep() {
        int b = config.train().batchSize();
        int n = pack * b;
        StepBuffers w = buf;
        LossKind loss = config.train().loss();
        source.sample(dataRng, w.realHeap, 0, n);
        w.dIn.copyFrom(w.realHeap, 0, 0, width * n);
        Noise.sample(config.model().noise(), noiseRng, w.z, n * config.model().latentDim());
        FloatVec fake = g.forward(w.z, n);
        int k = replay.replayCount(n);
        if (k > 0) {
            replay.draw(w.dIn, n, k);
        }
        w.dIn.copyFrom(fake, width * k, width * (n + k), width * (n - k));
        replay.store(fake, 0, replay.storeCount(n));
        d.setGroupRows(b);
        boolean penalised = r1Due();
        double penalty = penalised ? r1Gradient(b) : 0;
        FloatVec scores = d.forward(w.dIn, 2 * b);
        float realLabel = (float) config.remedies().realLabel();
        double l = GanLoss.discriminator(loss, scores, b, w.dScores, 1f / b, realLabel);
        // D's first layer needs no input gradient here: nothing upstream is trained by this loss.
        d.backward(w.dScores, 2 * b, true, null);
        if (penalised) {
            addR1Gradient();
            check(MetricNames.LOSS_R1, penalty);
        }
        dUpdates++;
        double norm = d.gradientNorm();
        check(MetricNames.LOSS_D, l);
        check(MetricNames.GRAD_D_NORM, norm);
        if (!optD.step(d.parameters(), d.gradients())) {
            throw new NonFiniteException(PARAMS_D, step, Double.POSITIVE_INFINITY);
        }
        stats.addD(l, meanScore(loss, scores, 0, b), meanScore(loss, scores, b, b), norm);
        if (penalised) {
            stats.addR1(penalty);
        }
    }

    /** Whether this D update carries the (lazy) R1 penalty: gamma > 0 and every r1Every-th update. */
    private boolean r1Due() {
        return config.train().r1Gamma() > 0 && dUpdates % config.train().r1Every() == 0;
    }

    /**
     * The R1 penalty's parameter gradient on the b real rows at the start of D's input, weighted gamma * k (lazy
     * regularisation), into {@link #r1Grad}; returns (1/2) mean ||grad_x D||^2. Runs before D's loss pass, which
     * overwrites D's gradients and activations again.
     */
    private double r1Gradient(int b) {
        if (r1 == null) {
            r1 = new R1Penalty(d.inputWidth(), d.parameterCount());
            r1Grad = FloatVec.allocate(d.parameterCount());
        }
        double weight = config.train().r1Gamma() * config.train().r1Every();
        return r1.gradient(d, buf.dIn, b, weight, r1Grad);
    }

    /** D's gradient += the R1 gradient: one optimizer step on loss + penalty, as when R1 is not lazy. */
    private void addR1Gradient() {
        FloatBuffer gr = d.gradients().buffer();
        FloatBuffer r = r1Grad.buffer();
        for (int i = 0, n = r1Grad.length(); i < n; i++) {
            gr.put(i, gr.get(i) + r.get(i));
        }
    }

    /**
     * One G update on b packs of fresh fakes (one group); D is only a path for input gradients here, so its weight
     * gradients are never computed. The packs' input gradient is each sample's gradient, as laid out in G's output.
     */
    private void generatorStep() {
        int b = config.train().batchSize();
        int n = pack * b;
        StepBuffers w = buf;
        LossKind loss = config.train().loss();
        Noise.sample(config.model().noise(), noiseRng, w.z, n * config.model().latentDim());
        FloatVec fake = g.forward(w.z, n);
        d.setGroupRows(b);
        FloatVec scores = d.forward(fake, b);
        double l = GanLoss.generator(loss, scores, b, w.dScores, 1f / b);
        d.backward(w.dScores, b, false, w.dFake);
        g.backward(w.dFake, n, true, null);
        double norm = g.gradientNorm();
        check(MetricNames.LOSS_G, l);
        check(MetricNames.GRAD_G_NORM, norm);
        if (!optG.step(g.parameters(), g.gradients())) {
            throw new NonFiniteException(PARAMS_G, step, Double.POSITIVE_INFINITY);
        }
        stats.addG(l, meanScore(loss, scores, 0, b), norm);
    }

    private void check(String metric, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteException(metric, step, value);
        }
    }

    /** Mean display score of scores[from, from + n) (shared with ProganTrainer). */
    static double meanScore(LossKind loss, FloatVec scores, int from, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += GanLoss.displayScore(loss, scores.get(from + i));
        }
        return s / n;
    }

    /**
     * Applies a live change from the next step on: batch size, loss, dSteps, optimizers (state kept unless the kind
     * changes), data distribution (2D runs), view sizes, replay and the real label.
     *
     * @throws IllegalArgumentException if {@code next} needs new networks (seed, model, minibatch discrimination
     *                                  or packing changed; an image run's dataset changed)
     */
    public void reconfigure(RunConfig next) {
        if (config.structurallyDiffers(next)) {
            throw new IllegalArgumentException("seed, model, an image run's data or D's remedies changed: build a"
                    + " new trainer");
        }
        RunConfig prev = config;
        config = next;
        ensureRows(next.train().batchSize());
        optG.configure(next.train().optimizerG());
        optD.configure(next.train().optimizerD());
        if (!next.remedies().replay().equals(prev.remedies().replay())) {
            replay.configure(next.remedies().replay());
        }
        if (views != null) {
            boolean dataChanged = !next.data().equals(prev.data());
            if (dataChanged) {
                source = new PointSource(PointDistributions.create(next.data()));
            }
            views.reconfigure(dataChanged || next.view().frameSamples() != prev.view().frameSamples());
        }
    }

    @Override
    public TrainerState captureState() {
        return new TrainerState(step, g.parameters().toArray(), d.parameters().toArray(), optG.capture(),
                optD.capture(), 0, g.trainedState());
    }

    /**
     * Continues from a captured state: parameters, optimizer moments and counters, and the step. The training
     * streams (data, noise) cannot be read back from a {@link SplittableRandom}, so they are derived again from the
     * seed and the step: a run resumed from a checkpoint is a deterministic function of that checkpoint (resuming
     * twice trains identically), though not bit-identical to the run that was never interrupted. The replay buffer
     * starts empty again.
     *
     * @throws IllegalArgumentException if the state's sizes or optimizer kinds do not fit this trainer's config
     */
    @Override
    public void restoreState(TrainerState s) {
        if (s.generator().length != g.parameterCount() || s.discriminator().length != d.parameterCount()) {
            throw new IllegalArgumentException("checkpoint networks have " + s.generator().length + " + "
                    + s.discriminator().length + " parameters, this config's have " + g.parameterCount() + " + "
                    + d.parameterCount());
        }
        optG.restore(s.optimizerG());
        optD.restore(s.optimizerD());
        if (s.generatorExtra() != null) {
            g.restoreTrainedState(s.generatorExtra());
        }
        g.parameters().copyFrom(s.generator(), 0, 0, s.generator().length);
        d.parameters().copyFrom(s.discriminator(), 0, 0, s.discriminator().length);
        step = s.step();
        SplittableRandom r = TrainerState.resumedStreams(config.seed(), s.step());
        dataRng = r.split();
        noiseRng = r.split();
    }

    /** The visual frame of a 2D run's current state (see {@link PlaneFrame}); leaves the training streams alone. */
    public PlaneFrame frame() {
        if (views == null) {
            throw new IllegalStateException("plane frames exist for 2D runs only");
        }
        return views.frame();
    }

    /** {@code n} fresh samples G(z), one after another, with z drawn from {@code rng} (for evaluation). */
    public float[] generate(int n, SplittableRandom rng) {
        int latent = config.model().latentDim();
        return generateFrom(Noise.sample(config.model().noise(), rng, n * latent), n);
    }

    /**
     * G applied to {@code n} given latent vectors ({@code zs}: n x latentDim), e.g. the fixed sample grid or a latent
     * walk; samples one after another. G's batch norm makes a sample depend on the chunk it is computed in, so
     * callers that want stable pictures pass the same z's in the same order every time.
     */
    public float[] generateFrom(float[] zs, int n) {
        int latent = config.model().latentDim();
        if (zs.length < n * latent) {
            throw new IllegalArgumentException("need " + n * latent + " latent floats, found " + zs.length);
        }
        float[] out = new float[width * n];
        FloatVec z = buf.z;
        for (int at = 0; at < n; at += buf.rows) {
            int k = Math.min(buf.rows, n - at);
            z.copyFrom(zs, at * latent, 0, k * latent);
            g.forward(z, k).copyTo(0, out, width * at, width * k);
        }
        return out;
    }

    /** {@code count} floats of latent draws from {@code rng}, e.g. a fixed visual batch. */
    public float[] drawLatent(SplittableRandom rng, int count) {
        return Noise.sample(config.model().noise(), rng, count);
    }

    /** Grows networks and workspace to {@code batch} rows (never shrinks). */
    private void ensureRows(int batch) {
        if (buf != null && batch <= buf.rows) {
            return;
        }
        if (buf != null) {
            buf.close();
        }
        buf = new StepBuffers(batch, pack, width, config.model().latentDim());
        g.ensureCapacity(pack * batch);
        d.ensureCapacity(2 * batch);
    }

    /** The generator (StyleGAN's views render through it directly; call between ticks only). */
    public Network generator() {
        return g;
    }

    // Package-private access for PlaneViews and tests.
    Network generatorNet() {
        return g;
    }

    Network discriminatorNet() {
        return d;
    }

    StepBuffers buffers() {
        return buf;
    }

    int packing() {
        return pack;
    }

    ReplayBuffer replayBuffer() {
        return replay;
    }

    /** Frees all native memory now; the trainer is unusable afterwards. */
    @Override
    public void close() {
        buf.close();
        buf = null;
        g.close();
        d.close();
        optG.close();
        optD.close();
        if (r1 != null) {
            r1.close();
            r1Grad.close();
        }
    }
}
