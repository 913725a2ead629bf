package dev.ganplayground.ae;

import dev.ganplayground.config.AeLossConfig;
import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.DatasetKind;
import dev.ganplayground.config.ExperimentKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.metrics.MetricNames;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.training.NonFiniteException;
import dev.ganplayground.training.OptimizerSlot;
import dev.ganplayground.training.RealSource;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;
import dev.ganplayground.training.TrainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains an autoencoder run's arms ({@link Experiments}) in ticks on the calling thread: each step draws one batch,
 * corrupts a copy of it for the inputs (the clean batch stays the target) and trains every arm on it, with one
 * optimizer (train.optimizerG) over all arms' parameters in one flat vector (Adam and SGD act per element, so the
 * arms stay independent). A step allocates nothing. {@link StepMode} is a GAN notion: every mode runs these steps.
 *
 * <p>{@link Phases}: greedy layer-wise training (a dense single arm with greedy on; experiments train end to end)
 * runs phaseSteps steps per encoder block, then fine-tunes the stack for good; the optimizer starts afresh at each
 * phase. The pretraining experiment trains its autoencoder for phaseSteps steps, then copies the encoder into the
 * "pretrained" classifier and trains both classifiers ({@link Pretraining}) instead.
 *
 * <p>Metrics: with one arm ae/recon, ae/loss, ae/sparsity (+ ae/kl for a VAE); with several, the same per arm as
 * ae/&lt;arm&gt;/recon ...; always grad/ae_norm and speed/steps_per_s; ae/phase with phases; pretraining adds
 * clf/pretrained/loss, clf/scratch/loss, grad/clf_norm.
 */
final class AeTrainer implements AutoencoderTrainer {
    /** What a {@link NonFiniteException} names when the update itself would overflow. */
    static final String PARAMS_AE = "params/ae";
    static final String PARAMS_CLF = "params/clf";

    private RunConfig config;
    private long step;
    private final RealSource source;
    private final int width;
    private final List<AeArm> arms = new ArrayList<>();
    private final AeLossConfig[] armLoss;
    private final FloatVec params;
    private final FloatVec grads;
    private final OptimizerSlot optimizer;
    private final Pretraining classifiers;
    private final OptimizerSlot classifierOptimizer;
    private final Phases phases;
    private SplittableRandom dataRng;
    private SplittableRandom noiseRng;
    private float[] heap = new float[0];
    private FloatVec clean;
    private FloatVec input;
    private int rows;
    private int lastPhase;
    private final AeStats stats = new AeStats();
    private final int[][] armSlots;
    private final int normSlot;
    private final int speedSlot;
    private final int clfPreSlot;
    private final int clfScratchSlot;
    private final int clfNormSlot;
    private final double[] terms = new double[4];
    private final double[] clfLoss = new double[2];

    AeTrainer(RunConfig config, RealSource source, ImageDataset dataset) {
        this.config = config;
        this.source = source;
        this.width = source.width();
        AutoencoderConfig m = config.model().autoencoder();
        AeLossConfig loss = config.train().autoencoder();
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom init = root.split();
        dataRng = root.split();
        noiseRng = root.split();
        SplittableRandom clfInit = root.split();
        rows = config.train().batchSize();
        boolean tanh = config.data().kind() != DatasetKind.PLANE3D;
        List<ArmSpec> specs = Experiments.arms(m, loss);
        List<ArmNets.Blocks> blocks = new ArrayList<>();
        int total = 0;
        for (ArmSpec s : specs) {
            ArmNets.Blocks b = ArmNets.build(s, source.shape(), tanh, rows);
            blocks.add(b);
            total += AeArm.parameterCount(b);
        }
        params = FloatVec.allocate(total);
        grads = FloatVec.allocate(total);
        armLoss = new AeLossConfig[specs.size()];
        armSlots = new int[specs.size()][];
        int at = 0;
        for (int i = 0; i < specs.size(); i++) {
            int n = AeArm.parameterCount(blocks.get(i));
            AeArm arm = new AeArm(specs.get(i), blocks.get(i), width, params.view(at, n), grads.view(at, n), rows);
            arm.initialize(init);
            arms.add(arm);
            at += n;
            armSlots[i] = registerArm(arm, specs.size() > 1);
        }
        normSlot = stats.slot(MetricNames.GRAD_AE_NORM);
        speedSlot = stats.slot(MetricNames.SPEED);
        optimizer = new OptimizerSlot(total, config.train().optimizerG());
        if (m.experiment() == ExperimentKind.PRETRAINING) {
            ArmSpec spec = specs.get(0);
            classifiers = new Pretraining(spec, dataset, ArmNets.build(spec, source.shape(), tanh, rows),
                    ArmNets.build(spec, source.shape(), tanh, rows), rows, config.seed(),
                    config.train().optimizerD(), clfInit);
            classifierOptimizer = classifiers.optimizer();
            clfPreSlot = stats.slot(MetricNames.CLF_PRETRAINED_LOSS);
            clfScratchSlot = stats.slot(MetricNames.CLF_SCRATCH_LOSS);
            clfNormSlot = stats.slot(MetricNames.GRAD_CLF_NORM);
            phases = Phases.pretraining(m.phaseSteps(), classifiers.labelledCount());
        } else {
            classifiers = null;
            classifierOptimizer = new OptimizerSlot(0, config.train().optimizerD());
            clfPreSlot = clfScratchSlot = clfNormSlot = -1;
            boolean greedy = m.greedy() && m.kind() == AutoencoderKind.DENSE && m.experiment() == ExperimentKind.NONE;
            phases = greedy ? Phases.greedy(arms.get(0).blockCount(), m.phaseSteps()) : Phases.none();
        }
        ensureRows(rows);
        updateArmLosses();
        lastPhase = phases.index(0);
    }

    private int[] registerArm(AeArm arm, boolean prefixed) {
        String[] keys = {MetricNames.AE_RECON, MetricNames.AE_KL, MetricNames.AE_SPARSITY, MetricNames.AE_LOSS};
        int[] slots = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            boolean skip = k == AeArm.KL && !arm.isVae();
            String key = prefixed ? MetricNames.arm(arm.name(), keys[k]) : keys[k];
            slots[k] = skip ? -1 : stats.slot(key);
        }
        return slots;
    }

    @Override
    public RunConfig config() {
        return config;
    }

    @Override
    public long step() {
        return step;
    }

    @Override
    public RealSource.SampleShape inputShape() {
        return source.shape();
    }

    @Override
    public List<? extends Autoencoder> arms() {
        return List.copyOf(arms);
    }

    @Override
    public TickReport train(int steps, StepMode mode) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, found " + steps);
        }
        stats.reset();
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            oneStep();
            step++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        stats.add(speedSlot, seconds > 0 ? steps / seconds : Double.NaN);
        Map<String, Double> means = stats.means();
        if (phase() != null) {
            means.put(MetricNames.AE_PHASE, (double) phase().index());
        }
        return new TickReport(step, steps, seconds, means);
    }

    private void oneStep() {
        int b = config.train().batchSize();
        int phaseNow = phases.index(step);
        if (phaseNow != lastPhase) {
            if (phases.greedy()) {
                optimizer.reset();
            } else if (classifiers != null) {
                classifiers.copyEncoder(arms.get(0).parameters(), arms.get(0).encoderParameterCount());
            }
            lastPhase = phaseNow;
        }
        if (phases.classifiers(step)) {
            classifierStep(b);
            return;
        }
        source.sample(dataRng, heap, 0, b);
        clean.copyFrom(heap, 0, 0, b * width);
        Corruption.apply(config.train().autoencoder(), clean, input, b * width, noiseRng);
        boolean shallow = phases.shallow(step);
        for (int i = 0; i < arms.size(); i++) {
            AeArm arm = arms.get(i);
            if (shallow) {
                arm.trainPhase(phaseNow, input, clean, b, armLoss[i], terms);
            } else {
                arm.trainStep(input, clean, b, armLoss[i], noiseRng, terms);
            }
            check(armSlots.length > 1 ? MetricNames.arm(arm.name(), MetricNames.AE_LOSS) : MetricNames.AE_LOSS,
                    terms[AeArm.LOSS]);
            for (int k = 0; k < terms.length; k++) {
                if (armSlots[i][k] >= 0) {
                    stats.add(armSlots[i][k], terms[k]);
                }
            }
        }
        double norm = Math.sqrt(grads.sumOfSquares());
        check(MetricNames.GRAD_AE_NORM, norm);
        if (!optimizer.step(params, grads)) {
            throw new NonFiniteException(PARAMS_AE, step, Double.POSITIVE_INFINITY);
        }
        stats.add(normSlot, norm);
    }

    private void classifierStep(int b) {
        classifiers.step(b, dataRng, clfLoss);
        check(MetricNames.CLF_PRETRAINED_LOSS, clfLoss[0]);
        check(MetricNames.CLF_SCRATCH_LOSS, clfLoss[1]);
        double norm = classifiers.gradientNorm();
        check(MetricNames.GRAD_CLF_NORM, norm);
        if (!classifierOptimizer.step(classifiers.parameters(), classifiers.gradients())) {
            throw new NonFiniteException(PARAMS_CLF, step, Double.POSITIVE_INFINITY);
        }
        stats.add(clfPreSlot, clfLoss[0]);
        stats.add(clfScratchSlot, clfLoss[1]);
        stats.add(clfNormSlot, norm);
    }

    private void check(String metric, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteException(metric, step, value);
        }
    }

    @Override
    public Phase phase() {
        return phases.at(step);
    }

    @Override
    public Map<String, Double> classifierAccuracy(float[] inputs, int[] labels, int n) {
        return classifiers == null ? Map.of() : classifiers.accuracy(inputs, labels, n);
    }

    @Override
    public float[] corrupt(float[] x, int n, SplittableRandom rng) {
        return Corruption.apply(config.train().autoencoder(), x, n * width, rng);
    }

    /**
     * Applies a live change from the next step on: batch size, the loss terms, both optimizers (state kept unless
     * the kind changes).
     *
     * @throws IllegalArgumentException if {@code next} needs new networks (seed, model or data changed)
     */
    @Override
    public void reconfigure(RunConfig next) {
        if (config.structurallyDiffers(next)) {
            throw new IllegalArgumentException("seed, model or data changed: build a new trainer");
        }
        config = next;
        ensureRows(next.train().batchSize());
        optimizer.configure(next.train().optimizerG());
        classifierOptimizer.configure(next.train().optimizerD());
        updateArmLosses();
    }

    private void updateArmLosses() {
        for (int i = 0; i < arms.size(); i++) {
            armLoss[i] = arms.get(i).spec().loss().apply(config.train().autoencoder());
        }
    }

    private void ensureRows(int batch) {
        if (clean != null && batch <= rows) {
            return;
        }
        rows = Math.max(rows, batch);
        if (clean != null) {
            clean.close();
            input.close();
        }
        clean = FloatVec.allocate(rows * width);
        input = FloatVec.allocate(rows * width);
        heap = new float[rows * width];
        arms.forEach(a -> a.ensureCapacity(rows));
        if (classifiers != null) {
            classifiers.ensureCapacity(rows);
        }
    }

    @Override
    public TrainerState captureState() {
        float[] d = classifiers == null ? new float[0] : classifiers.parameters().toArray();
        return new TrainerState(step, params.toArray(), d, optimizer.capture(), classifierOptimizer.capture(), 0,
                null);
    }

    @Override
    public void restoreState(TrainerState s) {
        int dSize = classifiers == null ? 0 : classifiers.parameters().length();
        if (s.generator().length != params.length() || s.discriminator().length != dSize) {
            throw new IllegalArgumentException("checkpoint networks have " + s.generator().length + " + "
                    + s.discriminator().length + " parameters, this config's have " + params.length() + " + " + dSize);
        }
        optimizer.restore(s.optimizerG());
        classifierOptimizer.restore(s.optimizerD());
        params.copyFrom(s.generator(), 0, 0, s.generator().length);
        if (classifiers != null) {
            classifiers.parameters().copyFrom(s.discriminator(), 0, 0, dSize);
        }
        step = s.step();
        // The phase of the last completed step: a checkpoint taken right at a boundary still crosses it next step.
        lastPhase = phases.index(Math.max(step - 1, 0));
        SplittableRandom r = TrainerState.resumedStreams(config.seed(), step);
        dataRng = r.split();
        noiseRng = r.split();
    }

    // Package-private access for tests.
    AeArm arm(int i) {
        return arms.get(i);
    }

    FloatVec cleanBatch() {
        return clean;
    }

    FloatVec inputBatch() {
        return input;
    }

    @Override
    public void close() {
        arms.forEach(AeArm::close);
        if (classifiers != null) {
            classifiers.close();
        } else {
            classifierOptimizer.close();
        }
        optimizer.close();
        clean.close();
        input.close();
        params.close();
        grads.close();
    }
}
