package dev.ganplayground.run;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who owns which run, and who may control it. An owner is the web side's user id (a hash of the browser's token,
 * never the token itself). Control requests carry the caller as {@code caller: {user?, admin?}}: the owner and the
 * admin may control a run; everyone else only watches. A run created without an owner can only be controlled by
 * the admin.
 */
final class RunOwners {
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    void put(String runId, String owner) {
        if (owner != null) {
            owners.put(runId, owner);
        }
    }

    void remove(String runId) {
        owners.remove(runId);
    }

    /** The owner's user id, or null. */
    String owner(String runId) {
        return owners.get(runId);
    }

    /** True when {@code caller} ({user?, admin?}, may be null) may change the run. */
    boolean mayControl(String runId, JsonObject caller) {
        if (caller == null) {
            return false;
        }
        if (caller.getBoolean("admin", false)) {
            return true;
        }
        String user = caller.getString("user");
        return user != null && Objects.equals(user, owners.get(runId));
    }

    /** Runs of {@code owner} that have not stopped. */
    long active(String owner, RunRegistry registry) {
        return owners.entrySet().stream().filter(e -> e.getValue().equals(owner))
                .filter(e -> registry.find(e.getKey()).map(r -> !r.state().terminal()).orElse(false))
                .count();
    }
}
