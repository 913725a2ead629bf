package dev.ganplayground.run;

import dev.ganplayground.ae.Autoencoder;
import dev.ganplayground.ae.AutoencoderTrainer;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.CorruptionKind;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.training.OptimizerState;
import dev.ganplayground.training.RealSource;
import dev.ganplayground.training.StepMode;
import dev.ganplayground.training.TickReport;
import dev.ganplayground.training.TrainerState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A test double of the autoencoder trainer (the real one is written in parallel): linear autoencoders x -> We x + be
 * -> Wd c + bd trained by plain SGD on the MSE, a few lines of Java, one per arm. Good enough to exercise the engine,
 * frames, evaluation and checkpoints: it learns (the held-out error falls), its decoder spans a subspace, and its
 * state round-trips. Arms: "ae" alone, or "a", "b", ... when built with several.
 */
final class LinearAeDouble implements AutoencoderTrainer {
    private RunConfig config;
    private final RealSource source;
    private final List<Arm> arms = new ArrayList<>();
    private long step;
    private SplittableRandom rng;
    private boolean closed;

    LinearAeDouble(RunConfig config, RealSource source, int armCount) {
        this.config = config;
        this.source = source;
        SplittableRandom init = new SplittableRandom(config.seed());
        for (int a = 0; a < armCount; a++) {
            arms.add(new Arm(armCount == 1 ? "ae" : String.valueOf((char) ('a' + a)), source.width(),
                    config.model().autoencoder().codeSize(), init));
        }
        rng = new SplittableRandom(config.seed() + 1);
    }

    boolean closed() {
        return closed;
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
    public TickReport train(int steps, StepMode mode) {
        int b = config.train().batchSize();
        float[] x = new float[b * source.width()];
        double[] loss = new double[arms.size()];
        float lr = (float) config.train().optimizerG().lr();
        for (int s = 0; s < steps; s++) {
            source.sample(rng, x, 0, b);
            for (int a = 0; a < arms.size(); a++) {
                loss[a] += arms.get(a).sgd(x, b, lr) / steps;
            }
            step++;
        }
        Map<String, Double> means = new LinkedHashMap<>();
        for (int a = 0; a < arms.size(); a++) {
            means.put(arms.size() == 1 ? "ae/recon" : "ae/" + arms.get(a).name + "/recon", loss[a]);
        }
        return new TickReport(step, steps, 0.001, means);
    }

    @Override
    public void reconfigure(RunConfig next) {
        config = next;
    }

    @Override
    public TrainerState captureState() {
        int size = arms.get(0).params.length;
        float[] all = new float[size * arms.size()];
        for (int a = 0; a < arms.size(); a++) {
            System.arraycopy(arms.get(a).params, 0, all, a * size, size);
        }
        return new TrainerState(step, all, new float[0], new OptimizerState(config.train().optimizerG().kind(), step,
                List.of()), new OptimizerState(config.train().optimizerD().kind(), 0, List.of()), 0, null);
    }

    @Override
    public void restoreState(TrainerState s) {
        int size = arms.get(0).params.length;
        if (s.generator().length != size * arms.size()) {
            throw new IllegalArgumentException("state of " + s.generator().length + " floats, expected "
                    + size * arms.size());
        }
        for (int a = 0; a < arms.size(); a++) {
            System.arraycopy(s.generator(), a * size, arms.get(a).params, 0, size);
        }
        step = s.step();
        rng = new SplittableRandom(config.seed() ^ step);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public RealSource.SampleShape inputShape() {
        return source.shape();
    }

    @Override
    public List<? extends Autoencoder> arms() {
        return arms;
    }

    @Override
    public Phase phase() {
        return config.model().autoencoder().greedy() ? new Phase(0, 2, "autoencoder 1 of 1", 0.5) : null;
    }

    @Override
    public Map<String, Double> classifierAccuracy(float[] inputs, int[] labels, int n) {
        return config.model().autoencoder().experiment() == dev.ganplayground.config.ExperimentKind.PRETRAINING
                ? Map.of("pretrained", 0.5, "scratch", 0.25) : Map.of();
    }

    @Override
    public float[] corrupt(float[] x, int n, SplittableRandom r) {
        float[] out = x.clone();
        if (config.train().autoencoder().corruption() == CorruptionKind.GAUSSIAN) {
            for (int i = 0; i < out.length; i++) {
                out[i] += (float) (config.train().autoencoder().corruptionLevel() * (r.nextDouble() * 2 - 1));
            }
        }
        return out;
    }

    /** One linear autoencoder; params: We (k x d), be (k), Wd (d x k), bd (d). */
    private final class Arm implements Autoencoder {
        final String name;
        final int d;
        final int k;
        final float[] params;

        Arm(String name, int d, int k, SplittableRandom init) {
            this.name = name;
            this.d = d;
            this.k = k;
            params = new float[2 * d * k + k + d];
            for (int i = 0; i < 2 * d * k + k; i++) {
                params[i] = i < d * k || i >= d * k + k ? (float) ((init.nextDouble() - 0.5) * 0.2) : 0;
            }
        }

        private int be() {
            return d * k;
        }

        private int wd() {
            return d * k + k;
        }

        private int bd() {
            return 2 * d * k + k;
        }

        /** One SGD step on the batch; returns the MSE per value before it. */
        double sgd(float[] x, int n, float lr) {
            float[] c = encode(x, n);
            float[] y = decode(c, n);
            double loss = 0;
            float[] g = new float[params.length];
            float[] dc = new float[k];
            float scale = 2f / (n * d);
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(dc, 0);
                for (int j = 0; j < d; j++) {
                    float e = y[i * d + j] - x[i * d + j];
                    loss += e * e;
                    float dy = scale * e;
                    g[bd() + j] += dy;
                    for (int a = 0; a < k; a++) {
                        g[wd() + j * k + a] += dy * c[i * k + a];
                        dc[a] += dy * params[wd() + j * k + a];
                    }
                }
                for (int a = 0; a < k; a++) {
                    g[be() + a] += dc[a];
                    for (int j = 0; j < d; j++) {
                        g[a * d + j] += dc[a] * x[i * d + j];
                    }
                }
            }
            for (int i = 0; i < params.length; i++) {
                params[i] -= lr * g[i];
            }
            return loss / ((double) n * d);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int inputWidth() {
            return d;
        }

        @Override
        public int codeSize() {
            return k;
        }

        @Override
        public float[] encode(float[] x, int n) {
            float[] c = new float[n * k];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < k; a++) {
                    float s = params[be() + a];
                    for (int j = 0; j < d; j++) {
                        s += params[a * d + j] * x[i * d + j];
                    }
                    c[i * k + a] = s;
                }
            }
            return c;
        }

        @Override
        public float[] decode(float[] codes, int n) {
            float[] y = new float[n * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    float s = params[bd() + j];
                    for (int a = 0; a < k; a++) {
                        s += params[wd() + j * k + a] * codes[i * k + a];
                    }
                    y[i * d + j] = s;
                }
            }
            return y;
        }

        @Override
        public float[] reconstruct(float[] x, int n) {
            return decode(encode(x, n), n);
        }

        @Override
        public float[] meanCodeActivations(float[] x, int n) {
            float[] c = encode(x, n);
            float[] m = new float[k];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < k; a++) {
                    m[a] += c[i * k + a] / n;
                }
            }
            return m;
        }

        @Override
        public float[] decoderBasis() {
            return config.model().autoencoder().kind() == AutoencoderKind.LINEAR
                    ? java.util.Arrays.copyOfRange(params, wd(), wd() + d * k) : null;
        }
    }
}
