package dev.ganplayground.bench;

import dev.ganplayground.config.LossKind;
import dev.ganplayground.config.MinibatchDiscriminationConfig;
import dev.ganplayground.model.Dcgan;
import dev.ganplayground.nn.Adam;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.Layer;
import dev.ganplayground.nn.NativeRuntime;
import dev.ganplayground.nn.NativeThreads;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.training.GanLoss;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * DCGAN training speed with our layers, the workload of shared/DESIGN.md's "Facts" table: base 64, latent 64,
 * 28x28x1, batch 64, Adam 2e-4 (beta1 0.5, beta2 0.999) on both nets, non-saturating loss. A step is one D update
 * (reals and fresh fakes through D as one batch of 128, BatchNorm groups of 64, D's weight gradients only) and one
 * G update (64 fresh fakes, input-only gradients through D), as training/GanTrainer does. Reals are uniform
 * [-1, 1] noise, or MNIST when GAN_MNIST_DIR is set (the timing does not depend on it). Its peer is
 * bench/dcgan_peer.py; bench/dcgan-vs-pytorch.sh runs the two alternately and is the way to compare them.
 * <pre>
 * java -cp ... dev.ganplayground.bench.DcganBench [warmupSteps] [timedSteps] [loop|trainer|profile] [threads=N]
 * mvn -B -o -q test -pl backend -am -Dtest=DcganBench -Dbench=dcgan -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Prints one line: {@code ours steps_per_s=... rss_peak_mib=...}; with {@code profile}, also the time per layer.
 * Under surefire OMP_NUM_THREADS is 1 (the pom's setting), so the script, which sets 2, is the reference.
 */
@EnabledIfSystemProperty(named = "bench", matches = "dcgan")
class DcganBench {
    static final int BATCH = 64;
    static final int LATENT = 64;
    static final int BASE = 64;
    static final int SIDE = 28;
    static final double LR = 2e-4;

    /** Networks, optimizers and buffers of one benchmark run. */
    static final class Workload {
        private final Sequential g;
        private final Sequential d;
        private final Adam optG;
        private final Adam optD;
        private final FloatVec z = FloatVec.allocate(BATCH * LATENT);
        private final FloatVec dIn = FloatVec.allocate(2 * BATCH * SIDE * SIDE);
        private final FloatVec dScores = FloatVec.allocate(2 * BATCH);
        private final FloatVec dFake = FloatVec.allocate(BATCH * SIDE * SIDE);
        private final float[] real = new float[BATCH * SIDE * SIDE];
        private final float[] mnist;
        private final SplittableRandom rng = new SplittableRandom(42);

        Workload(boolean profile) {
            MinibatchDiscriminationConfig noMbd = new MinibatchDiscriminationConfig(false, 16, 5);
            Sequential g0 = Dcgan.generator(LATENT, BASE, 1, SIDE, SIDE, BATCH, new SplittableRandom(1));
            Sequential d0 = Dcgan.discriminator(BASE, 1, SIDE, SIDE, noMbd, 2 * BATCH, new SplittableRandom(2));
            g = profile ? TimedLayer.timed(g0, "G", BATCH) : g0;
            d = profile ? TimedLayer.timed(d0, "D", 2 * BATCH) : d0;
            optG = new Adam(g.parameterCount()).set(LR, 0.5, 0.999);
            optD = new Adam(d.parameterCount()).set(LR, 0.5, 0.999);
            mnist = loadMnist();
        }

        /** One D update and one G update; returns D's loss + G's loss (kept so no work is optimised away). */
        double step() {
            // D: reals then fresh fakes, one batch, BN statistics per half.
            drawReals();
            dIn.copyFrom(real, 0, 0, real.length);
            drawZ();
            FloatVec fake = g.forward(z, BATCH);
            dIn.copyFrom(fake, 0, real.length, real.length);
            d.setGroupRows(BATCH);
            FloatVec scores = d.forward(dIn, 2 * BATCH);
            double lossD = GanLoss.discriminator(LossKind.NON_SATURATING, scores, BATCH, dScores, 1f / BATCH);
            d.backward(dScores, 2 * BATCH, true, null);
            optD.step(d.parameters(), d.gradients());
            // G: fresh fakes, input-only gradients through D.
            drawZ();
            fake = g.forward(z, BATCH);
            scores = d.forward(fake, BATCH);
            double lossG = GanLoss.generator(LossKind.NON_SATURATING, scores, BATCH, dScores, 1f / BATCH);
            d.backward(dScores, BATCH, false, dFake);
            g.backward(dFake, BATCH, true, null);
            optG.step(g.parameters(), g.gradients());
            return lossD + lossG;
        }

        private void drawZ() {
            for (int i = 0; i < z.length(); i++) {
                z.set(i, (float) rng.nextGaussian());
            }
        }

        private void drawReals() {
            int n = SIDE * SIDE;
            if (mnist == null) {
                for (int i = 0; i < real.length; i++) {
                    real[i] = (float) (rng.nextDouble() * 2 - 1);
                }
                return;
            }
            int images = mnist.length / n;
            for (int r = 0; r < BATCH; r++) {
                System.arraycopy(mnist, rng.nextInt(images) * n, real, r * n, n);
            }
        }

        /** GAN_MNIST_DIR's images-idx3-ubyte.gz scaled to [-1, 1], or null when unset. */
        private static float[] loadMnist() {
            String dir = System.getenv("GAN_MNIST_DIR");
            if (dir == null || dir.isBlank()) {
                return null;
            }
            try (InputStream raw = Files.newInputStream(Path.of(dir, "images-idx3-ubyte.gz"));
                 DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
                if (in.readInt() != 2051) {
                    throw new IOException("not an IDX image file");
                }
                int count = in.readInt();
                int pixels = in.readInt() * in.readInt();
                byte[] bytes = in.readNBytes(count * pixels);
                float[] out = new float[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    out[i] = (bytes[i] & 0xff) / 127.5f - 1f;
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Runs warm-up then timed steps; returns steps per second of the timed part. */
        double run(int warmup, int steps) {
            double sink = 0;
            for (int i = 0; i < warmup; i++) {
                sink += step();
            }
            TimedLayer.resetAll();
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                sink += step();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!Double.isFinite(sink)) {
                System.out.println("warning: non-finite loss");
            }
            return steps / seconds;
        }
    }

    /** Peak resident set size of this process in MiB (VmHWM), or -1 where /proc is missing. */
    static double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: report none
        }
        return -1;
    }

    /**
     * Arguments: {@code [warmupSteps] [timedSteps] [loop|trainer|profile] [threads=N]}. {@code loop} (default) is
     * the step loop above, {@code trainer} the product's training code ({@link ProductDcgan}), {@code profile} the
     * loop with the time per layer. {@code threads=N} sets the benchmark thread's own native thread count
     * ({@link NativeThreads}, as a run's thread does) instead of leaving OMP_NUM_THREADS's. Runs on a fresh thread,
     * as a run does; prints the native threads it saw.
     */
    public static void main(String[] args) throws InterruptedException {
        NativeRuntime.chooseNativeBuild();
        NativeRuntime.init();
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String mode = args.length > 2 ? args[2] : "loop";
        int threads = args.length > 3 ? Integer.parseInt(args[3].replace("threads=", "")) : 0;
        Thread t = new Thread(() -> {
            if (threads > 0) {
                NativeThreads.setForThisThread(threads);
            }
            int seen = NativeThreads.forThisThread();
            double rate;
            if (mode.equals("trainer")) {
                try (ProductDcgan product = new ProductDcgan()) {
                    rate = product.run(warmup, steps);
                }
            } else {
                rate = new Workload(mode.equals("profile")).run(warmup, steps);
            }
            System.out.printf(Locale.ROOT, "ours steps_per_s=%.3f rss_peak_mib=%.0f mode=%s native_threads=%d"
                    + " other_thread=%d%n", rate, peakRssMib(), mode, seen, otherThreadNativeThreads());
            if (mode.equals("profile")) {
                TimedLayer.report(steps);
            }
        }, "run-bench");
        t.start();
        t.join();
    }

    /** The native thread count a fresh thread sees (shows that a thread's setting does not leak). */
    static int otherThreadNativeThreads() {
        int[] seen = new int[1];
        Thread other = new Thread(() -> seen[0] = NativeThreads.forThisThread());
        other.start();
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seen[0];
    }

    @Test
    void benchmark() {
        double rate = new Workload(false).run(Integer.getInteger("warmup", 5), Integer.getInteger("steps", 20));
        System.out.printf(Locale.ROOT, "ours steps_per_s=%.3f rss_peak_mib=%.0f (OMP_NUM_THREADS=%s)%n", rate,
                peakRssMib(), System.getenv("OMP_NUM_THREADS"));
    }

    /** A layer wrapper that adds up the wall time of each forward and backward call (profiling only). */
    static final class TimedLayer implements Layer {
        private static final List<TimedLayer> ALL = new ArrayList<>();
        private final Layer inner;
        private final String name;
        private long forwardNanos;
        private long backwardNanos;

        private TimedLayer(Layer inner, String name) {
            this.inner = inner;
            this.name = name;
            ALL.add(this);
        }

        /** A fresh network of the same layers, each timed (the layers are re-bound to its parameters). */
        static Sequential timed(Sequential net, String prefix, int rows) {
            List<Layer> wrapped = new ArrayList<>();
            float[] params = net.parameters().toArray();
            for (Layer l : net.layers()) {
                wrapped.add(new TimedLayer(l, prefix + wrapped.size() + " " + l.getClass().getSimpleName()));
            }
            Sequential out = new Sequential(wrapped, rows);
            out.parameters().copyFrom(params, 0, 0, params.length);
            return out;
        }

        static void resetAll() {
            for (TimedLayer t : ALL) {
                t.forwardNanos = 0;
                t.backwardNanos = 0;
            }
        }

        static void report(int steps) {
            double total = 0;
            for (TimedLayer t : ALL) {
                total += t.forwardNanos + t.backwardNanos;
            }
            for (TimedLayer t : ALL) {
                System.out.printf(Locale.ROOT, "  %-22s fwd %7.2f ms  bwd %7.2f ms  per step%n", t.name,
                        t.forwardNanos / 1e6 / steps, t.backwardNanos / 1e6 / steps);
            }
            System.out.printf(Locale.ROOT, "  layers total %.1f ms per step%n", total / 1e6 / steps);
        }

        @Override
        public int inputWidth() {
            return inner.inputWidth();
        }

        @Override
        public int outputWidth() {
            return inner.outputWidth();
        }

        @Override
        public int parameterCount() {
            return inner.parameterCount();
        }

        @Override
        public void bind(FloatVec params, FloatVec grads) {
            inner.bind(params, grads);
        }

        @Override
        public void initialize(SplittableRandom r) {
            inner.initialize(r);
        }

        @Override
        public void setGroupRows(int groupRows) {
            inner.setGroupRows(groupRows);
        }

        @Override
        public void reserve(int rows) {
            inner.reserve(rows);
        }

        @Override
        public void release() {
            inner.release();
        }

        @Override
        public void forward(FloatVec x, FloatVec y, int rows) {
            long t0 = System.nanoTime();
            inner.forward(x, y, rows);
            forwardNanos += System.nanoTime() - t0;
        }

        @Override
        public void backward(FloatVec x, FloatVec y, FloatVec dy, FloatVec dx, int rows, boolean paramGrads) {
            long t0 = System.nanoTime();
            inner.backward(x, y, dy, dx, rows, paramGrads);
            backwardNanos += System.nanoTime() - t0;
        }
    }
}
