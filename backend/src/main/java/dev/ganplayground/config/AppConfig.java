package dev.ganplayground.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Server settings, each from an environment variable with a default, so nothing is hard-coded and tests can use
 * port 0.
 *
 * @param host          interface to listen on ({@code GAN_HOST}, default 0.0.0.0)
 * @param port          HTTP port ({@code PORT}, default 8080; 0 picks a free one), in [0, 65535]
 * @param maxActiveRuns runs that may exist without being stopped ({@code GAN_MAX_RUNS}, default 8), in [1, 256]
 * @param runsDir       where each run's resolved config is written ({@code GAN_RUNS_DIR}, default {@code runs})
 */
public record AppConfig(String host, int port, int maxActiveRuns, Path runsDir) {
    public AppConfig {
        Validator v = new Validator();
        v.intRange("PORT", port, 0, 65_535);
        v.intRange("GAN_MAX_RUNS", maxActiveRuns, 1, 256);
        v.throwIfInvalid();
    }

    public static AppConfig fromEnv(Map<String, String> env) {
        return new AppConfig(
                env.getOrDefault("GAN_HOST", "0.0.0.0"),
                integer(env, "PORT", 8080),
                integer(env, "GAN_MAX_RUNS", 8),
                Path.of(env.getOrDefault("GAN_RUNS_DIR", "runs")));
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name, "must be an integer, found '" + v + "'");
        }
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(host, newPort, maxActiveRuns, runsDir);
    }
}
