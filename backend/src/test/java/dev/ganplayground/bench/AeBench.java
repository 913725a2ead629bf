package dev.ganplayground.bench;

import dev.ganplayground.ae.ConvNets;
import dev.ganplayground.ae.RecurrentNets;
import dev.ganplayground.ae.ReconstructionLoop;
import dev.ganplayground.config.ActivationKind;
import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.ExperimentKind;
import dev.ganplayground.nn.NativeRuntime;
import dev.ganplayground.nn.NativeThreads;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.training.RealSource.SampleShape;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training speed of the convolutional and recurrent autoencoders (ae.ConvNets, ae.RecurrentNets) on 1 x 28 x 28
 * inputs, code 32, ReLU: a step is forward and backward through encoder and decoder plus one Adam update of each
 * (ae.ReconstructionLoop). Inputs are uniform noise in [-1, 1] (the timing does not depend on them).
 * <pre>
 * java -cp ... dev.ganplayground.bench.AeBench conv|recurrent [batch=64] [hidden=128] [warmup=10] [steps=30]
 *     [threads=N] [profile]
 * </pre>
 * Prints one line {@code ae kind=... steps_per_s=...}; with {@code profile}, also the time per layer. OMP_NUM_THREADS
 * applies unless {@code threads=N} sets the thread's own count, as a run's thread does.
 */
final class AeBench {
    private AeBench() {
    }

    public static void main(String[] args) throws InterruptedException {
        NativeRuntime.chooseNativeBuild();
        NativeRuntime.init();
        String kind = args.length > 0 ? args[0] : "conv";
        int batch = intArg(args, "batch", 64);
        int hidden = intArg(args, "hidden", 128);
        int warmup = intArg(args, "warmup", 10);
        int steps = intArg(args, "steps", 30);
        int threads = intArg(args, "threads", 0);
        boolean profile = List.of(args).contains("profile");
        Thread t = new Thread(() -> {
            if (threads > 0) {
                NativeThreads.setForThisThread(threads);
            }
            boolean conv = kind.equals("conv");
            SampleShape shape = new SampleShape(1, 28, 28);
            AutoencoderConfig c = new AutoencoderConfig(conv ? AutoencoderKind.CONV : AutoencoderKind.RECURRENT, 32,
                    List.of(hidden), ActivationKind.RELU, false, false, 1_000, ExperimentKind.NONE, 100);
            SplittableRandom rng = new SplittableRandom(1);
            Sequential enc = conv ? ConvNets.encoder(shape, c, batch, rng) : RecurrentNets.encoder(shape, c, batch, rng);
            Sequential dec = conv ? ConvNets.decoder(shape, c, batch, rng) : RecurrentNets.decoder(shape, c, batch, rng);
            if (profile) {
                Sequential timedEnc = DcganBench.TimedLayer.timed(enc, "E", batch);
                Sequential timedDec = DcganBench.TimedLayer.timed(dec, "G", batch);
                enc.close();
                dec.close();
                enc = timedEnc;
                dec = timedDec;
            }
            float[] x = new float[batch * shape.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble(-1, 1);
            }
            try (ReconstructionLoop loop = new ReconstructionLoop(enc, dec, batch, 1e-4)) {
                for (int i = 0; i < warmup; i++) {
                    loop.step(x, batch);
                }
                DcganBench.TimedLayer.resetAll();
                long t0 = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    loop.step(x, batch);
                }
                double rate = steps / ((System.nanoTime() - t0) / 1e9);
                System.out.printf(Locale.ROOT, "ae kind=%s batch=%d hidden=%d steps_per_s=%.2f native_threads=%d "
                                + "params=%d+%d rss_peak_mib=%.0f%n", kind, batch, hidden, rate,
                        NativeThreads.forThisThread(), enc.parameterCount(), dec.parameterCount(),
                        DcganBench.peakRssMib());
                if (profile) {
                    DcganBench.TimedLayer.report(steps);
                }
            }
        }, "ae-bench");
        t.start();
        t.join();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
