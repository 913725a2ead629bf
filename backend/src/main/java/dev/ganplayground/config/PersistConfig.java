package dev.ganplayground.config;

import java.util.Map;

/**
 * How runs persist in the runs folder ({@code GAN_RUNS_DIR}), each setting from an environment variable with a
 * default. Kept apart from {@link AppConfig} so persistence can be switched off or tuned on its own.
 *
 * @param checkpointSeconds a training run is checkpointed at least this often, which bounds what a crash can lose
 *                          ({@code GAN_CHECKPOINT_SECONDS}, default 30), in [0, 86400]; 0 switches persistence off
 *                          (no checkpoints, nothing restored at start)
 * @param keep              checkpoints kept per run ({@code GAN_CHECKPOINT_KEEP}, default 3), in [2, 100]
 * @param idleUnloadSeconds a paused or never-started run that nobody has watched or controlled for this long is
 *                          checkpointed and unloaded, and loaded again on the next subscription or command
 *                          ({@code GAN_IDLE_UNLOAD_SECONDS}, default 900), in [0, 31536000]; 0: never
 */
public record PersistConfig(int checkpointSeconds, int keep, int idleUnloadSeconds) {
    /** The defaults. */
    public static final PersistConfig DEFAULT = new PersistConfig(30, 3, 900);

    public PersistConfig {
        Validator v = new Validator();
        v.intRange("GAN_CHECKPOINT_SECONDS", checkpointSeconds, 0, 86_400);
        v.intRange("GAN_CHECKPOINT_KEEP", keep, 2, 100);
        v.intRange("GAN_IDLE_UNLOAD_SECONDS", idleUnloadSeconds, 0, 31_536_000);
        v.throwIfInvalid();
    }

    /** Whether runs are checkpointed and restored at all. */
    public boolean enabled() {
        return checkpointSeconds > 0;
    }

    public static PersistConfig fromEnv(Map<String, String> env) {
        return new PersistConfig(
                AppConfig.integer(env, "GAN_CHECKPOINT_SECONDS", DEFAULT.checkpointSeconds()),
                AppConfig.integer(env, "GAN_CHECKPOINT_KEEP", DEFAULT.keep()),
                AppConfig.integer(env, "GAN_IDLE_UNLOAD_SECONDS", DEFAULT.idleUnloadSeconds()));
    }
}
