package dev.ganplayground.run;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * Who may control a run. A run's owner ({@link Run#owner}) is the web side's user id (a hash of the browser's
 * token, never the token itself); it is saved in the run's checkpoints, so ownership survives a restart. Control
 * requests carry the caller as {@code caller: {user?, admin?}}: the owner and the admin may control a run;
 * everyone else only watches. A run created without an owner can only be controlled by the admin.
 */
final class RunOwners {
    private RunOwners() {
    }

    /** True when {@code caller} ({user?, admin?}, may be null) may change {@code run}. */
    static boolean mayControl(Run run, JsonObject caller) {
        if (caller == null) {
            return false;
        }
        if (caller.getBoolean("admin", false)) {
            return true;
        }
        String user = caller.getString("user");
        return user != null && Objects.equals(user, run.owner());
    }

    /** Runs of {@code owner} that have not stopped. */
    static long active(String owner, RunRegistry registry) {
        return registry.all().stream().filter(r -> owner.equals(r.owner()) && !r.state().terminal()).count();
    }
}
