package dev.ganplayground.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Server settings, each from an environment variable with a default, so nothing is hard-coded and tests can use
 * port 0.
 *
 * @param host          interface to listen on ({@code GAN_HOST}, default 0.0.0.0)
 * @param port          HTTP port ({@code PORT}, default 8080; 0 picks a free one), in [0, 65535]
 * @param maxActiveRuns runs that may exist without being stopped ({@code GAN_MAX_RUNS}, default 8), in [1, 256]
 * @param runsDir       where each run's resolved config is written ({@code GAN_RUNS_DIR}, default {@code runs})
 * @param mnistDir      a folder of MNIST-format IDX files ({@code GAN_MNIST_DIR}); null: MNIST is unavailable
 * @param fashionDir    the Fashion-MNIST IDX folder ({@code GAN_FASHION_DIR}, default where Debian's
 *                      {@code dataset-fashion-mnist} package installs it)
 * @param cacheDir      where trained helper models (the image classifiers) are cached ({@code GAN_CACHE_DIR},
 *                      default {@code cache} under the runs folder)
 * @param convThreads   native threads of an image (convolutional) run while it is the only run training
 *                      ({@code GAN_CONV_THREADS}, default 2, or 1 on a one-core machine), in [1, 64]; any other
 *                      run, and every run while several train, uses one (see run/NativeThreadPolicy)
 */
public record AppConfig(String host, int port, int maxActiveRuns, Path runsDir, Path mnistDir, Path fashionDir,
                        Path cacheDir, int convThreads) {
    /** Where Debian's dataset-fashion-mnist package installs the IDX files. */
    public static final Path DEBIAN_FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** GAN_CONV_THREADS's default: a lone DCGAN run is ~1.3x faster on 2 cores than on 1 (docs/benchmarks.md). */
    public static final int DEFAULT_CONV_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    /** The default native threads for image runs. */
    public AppConfig(String host, int port, int maxActiveRuns, Path runsDir, Path mnistDir, Path fashionDir,
                     Path cacheDir) {
        this(host, port, maxActiveRuns, runsDir, mnistDir, fashionDir, cacheDir, DEFAULT_CONV_THREADS);
    }

    /** The defaults for everything but the network settings (tests). */
    public AppConfig(String host, int port, int maxActiveRuns, Path runsDir) {
        this(host, port, maxActiveRuns, runsDir, null, DEBIAN_FASHION_DIR, runsDir.resolve("cache"));
    }

    public AppConfig {
        Validator v = new Validator();
        v.intRange("PORT", port, 0, 65_535);
        v.intRange("GAN_MAX_RUNS", maxActiveRuns, 1, 256);
        v.intRange("GAN_CONV_THREADS", convThreads, 1, 64);
        v.throwIfInvalid();
    }

    public static AppConfig fromEnv(Map<String, String> env) {
        Path runs = Path.of(env.getOrDefault("GAN_RUNS_DIR", "runs"));
        UnaryOperator<String> nonBlank = name -> {
            String v = env.get(name);
            return v == null || v.isBlank() ? null : v.trim();
        };
        String mnist = nonBlank.apply("GAN_MNIST_DIR");
        String fashion = nonBlank.apply("GAN_FASHION_DIR");
        String cache = nonBlank.apply("GAN_CACHE_DIR");
        return new AppConfig(
                env.getOrDefault("GAN_HOST", "0.0.0.0"),
                integer(env, "PORT", 8080),
                integer(env, "GAN_MAX_RUNS", 8),
                runs,
                mnist == null ? null : Path.of(mnist),
                fashion == null ? DEBIAN_FASHION_DIR : Path.of(fashion),
                cache == null ? runs.resolve("cache") : Path.of(cache),
                integer(env, "GAN_CONV_THREADS", DEFAULT_CONV_THREADS));
    }

    /** The integer in variable {@code name}, {@code fallback} when unset or blank (also used by AccessConfig). */
    static int integer(Map<String, String> env, String name, int fallback) {
        long n = longInteger(env, name, fallback);
        if (n != (int) n) {
            throw new ConfigException(name, "must be an integer in 32 bits, found '" + env.get(name) + "'");
        }
        return (int) n;
    }

    /** The integer in variable {@code name}, {@code fallback} when unset or blank (ServerLimits' times, sizes). */
    static long longInteger(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be an integer, found '" + v + "'");
        }
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(host, newPort, maxActiveRuns, runsDir, mnistDir, fashionDir, cacheDir, convThreads);
    }
}
