package dev.ganplayground.ae;

import dev.ganplayground.config.AeLossConfig;
import dev.ganplayground.config.ActivationKind;
import dev.ganplayground.config.ArchitectureKind;
import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.CorruptionKind;
import dev.ganplayground.config.DataConfig;
import dev.ganplayground.config.DatasetKind;
import dev.ganplayground.config.ExperimentKind;
import dev.ganplayground.config.OptimizerConfig;
import dev.ganplayground.config.OptimizerKind;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.SparsityKind;
import dev.ganplayground.config.TrainConfig;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.ShapesDataset;
import dev.ganplayground.training.RealSource;
import java.util.List;
import java.util.SplittableRandom;

/** Small autoencoder configs and data for the ae tests. */
final class AeTestSupport {
    private static final RunConfig BASE = Presets.load().resolve("ring8", null);
    private static ImageDataset shapes;

    private AeTestSupport() {
    }

    static AutoencoderConfig model(AutoencoderKind kind, int code, List<Integer> hidden) {
        return new AutoencoderConfig(kind, code, hidden, ActivationKind.RELU, false, false, 1000, ExperimentKind.NONE,
                100);
    }

    static AutoencoderConfig with(AutoencoderConfig m, boolean tied, boolean greedy, int phaseSteps,
                                  ExperimentKind experiment, int labels) {
        return new AutoencoderConfig(m.kind(), m.codeSize(), m.hidden(), m.activation(), tied, greedy, phaseSteps,
                experiment, labels);
    }

    static AeLossConfig loss(CorruptionKind corruption, double level, SparsityKind sparsity, double rho, double beta,
                             double kl) {
        return new AeLossConfig(corruption, level, sparsity, rho, beta, kl);
    }

    /** An autoencoder run on {@code data} (plane3d: linear outputs; an image kind: tanh outputs). */
    static RunConfig run(DatasetKind data, AutoencoderConfig m, AeLossConfig loss, int batch, double lr, long seed) {
        OptimizerConfig adam = new OptimizerConfig(OptimizerKind.ADAM, lr, 0.9, 0.999, 0);
        TrainConfig t = new TrainConfig(batch, BASE.train().loss(), 1, adam, adam, loss);
        return new RunConfig(seed, new DataConfig(data, List.of(), 0.05),
                BASE.model().withArchitecture(ArchitectureKind.AUTOENCODER, BASE.model().baseChannels())
                        .withAutoencoder(m), t, BASE.view(), BASE.remedies(), BASE.alarm());
    }

    /** A small procedural image set (the shapes dataset, generated, no files needed). */
    static synchronized ImageDataset shapes() {
        if (shapes == null) {
            shapes = ShapesDataset.generate(7, 1200);
        }
        return shapes;
    }

    /**
     * Points near a 2D subspace of R^dim: a * u + b * v (a ~ N(0, 1.5^2), b ~ N(0, 1)) plus N(0, noise^2) in every
     * direction, with u, v fixed orthonormal directions and an offset; its PCA optimum is known in closed form.
     */
    record PlaneSource(int dim, double noise) implements RealSource {
        @Override
        public SampleShape shape() {
            return new SampleShape(dim, 1, 1);
        }

        @Override
        public void sample(SplittableRandom rng, float[] out, int offset, int n) {
            double[] u = direction(0);
            double[] v = direction(1);
            for (int i = 0; i < n; i++) {
                double a = 1.5 * rng.nextGaussian();
                double b = rng.nextGaussian();
                for (int j = 0; j < dim; j++) {
                    out[offset + i * dim + j] = (float) (0.3 + a * u[j] + b * v[j] + noise * rng.nextGaussian());
                }
            }
        }

        /** Two fixed orthonormal directions: u = (1, 1, 1, ...)/sqrt(d), v alternating signs, orthogonalised. */
        double[] direction(int which) {
            double[] d = new double[dim];
            for (int j = 0; j < dim; j++) {
                d[j] = which == 0 ? 1 : (j % 2 == 0 ? 1 : -1) + 0.5 * j / dim;
            }
            if (which == 1) {
                double[] u = direction(0);
                double dot = 0;
                for (int j = 0; j < dim; j++) {
                    dot += d[j] * u[j];
                }
                for (int j = 0; j < dim; j++) {
                    d[j] -= dot * u[j];
                }
            }
            double norm = 0;
            for (double x : d) {
                norm += x * x;
            }
            for (int j = 0; j < dim; j++) {
                d[j] /= Math.sqrt(norm);
            }
            return d;
        }
    }

    static float[] draw(RealSource s, long seed, int n) {
        float[] x = new float[n * s.width()];
        s.sample(new SplittableRandom(seed), x, 0, n);
        return x;
    }

    static double mse(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s / a.length;
    }

    /**
     * PCA's optimal reconstruction MSE per value with k components: the sum of the smallest eigenvalues of the
     * sample covariance over the dimension (Eckart-Young), eigenvalues by cyclic Jacobi rotations.
     */
    static double pcaOptimum(float[] x, int dim, int k) {
        int n = x.length / dim;
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                mean[j] += x[i * dim + j] / (double) n;
            }
        }
        double[][] c = new double[dim][dim];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    c[a][b] += (x[i * dim + a] - mean[a]) * (x[i * dim + b] - mean[b]) / n;
                }
            }
        }
        for (int sweep = 0; sweep < 50; sweep++) {
            for (int p = 0; p < dim; p++) {
                for (int q = p + 1; q < dim; q++) {
                    if (Math.abs(c[p][q]) < 1e-15) {
                        continue;
                    }
                    double theta = 0.5 * Math.atan2(2 * c[p][q], c[q][q] - c[p][p]);
                    double cs = Math.cos(theta);
                    double sn = Math.sin(theta);
                    for (int r = 0; r < dim; r++) {
                        double rp = c[r][p];
                        double rq = c[r][q];
                        c[r][p] = cs * rp - sn * rq;
                        c[r][q] = sn * rp + cs * rq;
                    }
                    for (int r = 0; r < dim; r++) {
                        double pr = c[p][r];
                        double qr = c[q][r];
                        c[p][r] = cs * pr - sn * qr;
                        c[q][r] = sn * pr + cs * qr;
                    }
                }
            }
        }
        double[] eig = new double[dim];
        for (int j = 0; j < dim; j++) {
            eig[j] = c[j][j];
        }
        java.util.Arrays.sort(eig);
        double rest = 0;
        for (int j = 0; j < dim - k; j++) {
            rest += eig[j];
        }
        return rest / dim;
    }
}
