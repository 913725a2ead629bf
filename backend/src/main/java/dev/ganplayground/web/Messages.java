package dev.ganplayground.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;

/** Shape checks shared by REST bodies and WebSocket payloads: objects with a closed set of members. */
final class Messages {
    private Messages() {
    }

    /** Requires an object whose members are all in {@code allowed}; names the first unknown one. */
    static void requireObject(JsonNode node, String at, Set<String> allowed) throws RequestException {
        if (!node.isObject()) {
            throw new RequestException(at, "must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new RequestException(at + "/" + name, "unknown field '" + name + "'");
            }
        }
    }

    /** An optional integer member in [lo, hi]; {@code fallback} when absent. */
    static int optionalInt(JsonNode parent, String name, String at, int lo, int hi, int fallback)
            throws RequestException {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToExactIntegral() || !n.canConvertToLong() || n.asLong() < lo || n.asLong() > hi) {
            throw new RequestException(at + "/" + name, "must be an integer in [" + lo + ", " + hi + "], found "
                    + n);
        }
        return (int) n.asLong();
    }
}
