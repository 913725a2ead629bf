package dev.ganplayground.config;

import java.util.Map;

/**
 * The settings of a shared server beyond {@link AppConfig}: who may do what and the fair limits
 * ({@link AccessConfig}), checkpoints and idle unloading ({@link PersistConfig}), and the stream and size limits
 * ({@link ServerLimits}). One value, so the server starts from one place.
 */
public record ServerSettings(AccessConfig access, PersistConfig persist, ServerLimits limits) {
    /** Everything from the environment (each part's defaults where a variable is unset). */
    public static ServerSettings fromEnv(Map<String, String> env) {
        return new ServerSettings(AccessConfig.fromEnv(env), PersistConfig.fromEnv(env), ServerLimits.fromEnv(env));
    }

    public ServerSettings withAccess(AccessConfig a) {
        return new ServerSettings(a, persist, limits);
    }

    public ServerSettings withPersist(PersistConfig p) {
        return new ServerSettings(access, p, limits);
    }

    public ServerSettings withLimits(ServerLimits l) {
        return new ServerSettings(access, persist, l);
    }
}
