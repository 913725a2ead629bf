package dev.ganplayground.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns "preset + overrides" into a validated {@link RunConfig}: deep-merge the JSON trees (objects merge key by
 * key, arrays and scalars replace), bind strictly, then check every range. Nothing is allocated for a run until
 * this has succeeded.
 */
public final class ConfigResolver {
    private ConfigResolver() {
    }

    /** Merges {@code overrides} over {@code base} and validates the result. */
    public static RunConfig resolve(JsonNode base, JsonNode overrides) {
        if (overrides != null && !overrides.isNull() && !overrides.isObject()) {
            throw new ConfigException("", "overrides must be a JSON object");
        }
        ObjectNode merged = base.deepCopy();
        if (overrides != null && overrides.isObject()) {
            checkKnownKeys(merged, (ObjectNode) overrides, "");
            merge(merged, (ObjectNode) overrides);
        }
        return bind(merged);
    }

    /** Applies a partial patch to a resolved config (live changes); same rules as {@link #resolve}. */
    public static RunConfig patch(RunConfig current, JsonNode patch) {
        return resolve(Json.MAPPER.valueToTree(current), patch);
    }

    public static RunConfig bind(JsonNode tree) {
        try {
            return Json.MAPPER.treeToValue(tree, RunConfig.class).validated();
        } catch (JsonMappingException e) {
            throw new ConfigException(pointer(e), JsonErrors.describe(e));
        } catch (JsonProcessingException e) {
            throw new ConfigException("", JsonErrors.describe(e));
        } catch (IllegalArgumentException e) { // Jackson wraps binding errors of tree conversion in these
            throw new ConfigException(e.getCause() instanceof JsonMappingException m ? pointer(m) : "",
                    JsonErrors.describe(e.getCause() != null ? e.getCause() : e));
        }
    }

    /** Rejects override keys the base does not have, so typos are named by their own pointer. */
    private static void checkKnownKeys(ObjectNode base, ObjectNode overrides, String at) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String here = at + "/" + escape(e.getKey());
            JsonNode b = base.get(e.getKey());
            if (b == null) {
                throw new ConfigException(here, "unknown field '" + e.getKey() + "'");
            }
            if (b.isObject() && e.getValue().isObject()) {
                checkKnownKeys((ObjectNode) b, (ObjectNode) e.getValue(), here);
            }
        }
    }

    private static void merge(ObjectNode base, ObjectNode overrides) {
        overrides.fields().forEachRemaining(e -> {
            JsonNode b = base.get(e.getKey());
            if (b != null && b.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) b, (ObjectNode) e.getValue());
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        List<JsonMappingException.Reference> path = e.getPath();
        for (JsonMappingException.Reference r : path) {
            sb.append('/').append(r.getFieldName() != null ? escape(r.getFieldName()) : String.valueOf(r.getIndex()));
        }
        return sb.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
