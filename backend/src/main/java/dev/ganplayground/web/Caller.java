package dev.ganplayground.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Who is asking: a user id (derived from the browser's token, see {@link AccessTokens}; null without a token) and
 * whether the token is the admin's. Travels to the runs side as {@code caller}, which decides what may be
 * controlled.
 *
 * @param user  the user id, or null for an anonymous viewer
 * @param admin true for the admin token
 */
record Caller(String user, boolean admin) {
    static final Caller ANONYMOUS = new Caller(null, false);

    boolean hasToken() {
        return user != null;
    }

    JsonObject toJson() {
        JsonObject c = new JsonObject().put("admin", admin);
        if (user != null) {
            c.put("user", user);
        }
        return c;
    }

    /** "owner" when this caller owns a run owned by {@code owner}, else "admin" for the admin, else "viewer". */
    String role(String owner) {
        if (user != null && user.equals(owner)) {
            return "owner";
        }
        return admin ? "admin" : "viewer";
    }

    /** Replaces the runs side's {@code owner} in a run summary by {@code mine} for this caller. */
    JsonObject present(JsonObject run) {
        JsonObject copy = run.copy();
        Object owner = copy.remove("owner");
        return copy.put("mine", user != null && user.equals(owner));
    }

    JsonArray present(JsonArray runs) {
        JsonArray out = new JsonArray();
        runs.forEach(r -> out.add(present((JsonObject) r)));
        return out;
    }
}
