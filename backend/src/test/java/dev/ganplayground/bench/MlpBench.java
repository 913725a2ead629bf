package dev.ganplayground.bench;

import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.nn.NativeRuntime;
import dev.ganplayground.training.GanTrainer;
import dev.ganplayground.training.StepMode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;

/**
 * Training speed of the 2D MLP GAN through the product's own code: {@link GanTrainer} built from the ring8 preset
 * (3x128 ReLU hidden layers on both nets, latent 2, batch 256, non-saturating loss, Adam 1e-3 (0.5, 0.999),
 * {@code train.dSteps} D updates per G update, 2 by default), trained in ticks of {@code view.itersPerTick} steps
 * with {@code train(n, StepMode.BOTH)} as run/Run does. With {@code runs} 2, two such trainers (seeds 42 and 43)
 * train at once, each on its own platform thread, as two server runs do; the figure is their total.
 * <pre>
 * java -cp ... dev.ganplayground.bench.MlpBench [runs=1] [dSteps=2] [warmupSeconds=3] [seconds=5] [threads]
 * </pre>
 * Each thread builds its trainer, warms up for {@code warmupSeconds} (JIT), waits for the others, then counts the
 * steps of whole ticks finished in the next {@code seconds}. Prints one line,
 * {@code ours runs=... steps_per_s=<total> per_run=a/b cpu_ms_per_step=... alloc_b_per_step=... rss_peak_mib=...}
 * (cpu: the training threads' CPU time per step, which other processes' load inflates less than wall time); with
 * {@code threads}, also the CPU seconds each native thread group (training, JIT compilers, GC...) used in the timed
 * window, read from /proc. Peer: bench/mlp_peer.py; harnesses: bench/mlp-vs-pytorch.sh, bench/two-runs.sh.
 */
final class MlpBench {
    private MlpBench() {
    }

    public static void main(String[] args) throws Exception {
        NativeRuntime.chooseNativeBuild();
        NativeRuntime.init();
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int dSteps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        double warmup = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 5;
        boolean threads = args.length > 4 && args[4].equals("threads");

        // The barrier actions run while every worker waits, so the snapshots see all training threads alive.
        long[] window = new long[2];
        Map<String, Map<String, Long>> cpu = new TreeMap<>();
        CyclicBarrier start = new CyclicBarrier(runs, () -> {
            cpu.put("0", threads ? threadCpuTicks() : Map.of());
            window[0] = System.nanoTime();
        });
        CyclicBarrier end = new CyclicBarrier(runs, () -> {
            window[1] = System.nanoTime();
            cpu.put("1", threads ? threadCpuTicks() : Map.of());
        });
        long[] steps = new long[runs];
        long[] allocated = new long[runs];
        long[] cpuNanos = new long[runs];
        Thread[] workers = new Thread[runs];
        for (int r = 0; r < runs; r++) {
            int id = r;
            workers[r] = new Thread(() -> work(id, dSteps, warmup, seconds, start, end, steps, allocated, cpuNanos),
                    "train-" + r);
            workers[r].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double wall = (window[1] - window[0]) / 1e9;
        long total = 0;
        long bytes = 0;
        long cpuTotal = 0;
        StringBuilder perRun = new StringBuilder();
        for (int r = 0; r < runs; r++) {
            total += steps[r];
            bytes += allocated[r];
            cpuTotal += cpuNanos[r];
            perRun.append(r == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.1f", steps[r] / wall));
        }
        System.out.printf(Locale.ROOT, "ours runs=%d dSteps=%d steps_per_s=%.2f per_run=%s cpu_ms_per_step=%.3f"
                        + " alloc_b_per_step=%.1f rss_peak_mib=%.0f%n", runs, dSteps, total / wall, perRun,
                cpuTotal / 1e6 / total, (double) bytes / total, DcganBench.peakRssMib());
        if (threads) {
            printCpu(cpu.get("0"), cpu.get("1"), wall);
        }
    }

    private static void work(int id, int dSteps, double warmup, double seconds, CyclicBarrier start,
                             CyclicBarrier end, long[] steps, long[] allocated, long[] cpuNanos) {
        String overrides = "{\"seed\":" + (42 + id) + ",\"train\":{\"dSteps\":" + dSteps + "}}";
        RunConfig c = Presets.load().resolve("ring8", BenchSupport.json(overrides));
        int perTick = c.view().itersPerTick();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (GanTrainer t = new GanTrainer(c)) {
            // Each thread warms up on its own, then all start together (on the slowest one's warm-up end).
            long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
            while (System.nanoTime() < warmEnd) {
                t.train(perTick, StepMode.BOTH);
            }
            start.await();
            long a0 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            long c0 = mx.getCurrentThreadCpuTime(); // the native BLAS work runs on this thread too
            long s0 = t.step();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < deadline) {
                t.train(perTick, StepMode.BOTH);
            }
            steps[id] = t.step() - s0;
            cpuNanos[id] = mx.getCurrentThreadCpuTime() - c0;
            // Includes each tick's report (a small map of means), as the server's ticks do.
            allocated[id] = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - a0;
            end.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** utime + stime of every thread of this process, in clock ticks, summed per name (digits dropped). */
    static Map<String, Long> threadCpuTicks() {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[#0-9]+$", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name.
                    out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static void printCpu(Map<String, Long> before, Map<String, Long> after, double wall) {
        StringBuilder sb = new StringBuilder("cpu_s_in_window");
        after.forEach((name, ticks) -> {
            long d = ticks - before.getOrDefault(name, 0L);
            if (d > 0) {
                sb.append(String.format(Locale.ROOT, " [%s]=%.2f", name, d / 100.0));
            }
        });
        System.out.println(sb.append(String.format(Locale.ROOT, " (wall %.2f s)", wall)));
    }
}
