package dev.ganplayground.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Where two configs differ, as JSON pointers to the differing leaves (arrays count as leaves). */
public final class ConfigDiff {
    private ConfigDiff() {
    }

    public static List<String> differences(RunConfig a, RunConfig b) {
        List<String> out = new ArrayList<>();
        walk(Json.MAPPER.valueToTree(a), Json.MAPPER.valueToTree(b), "", out);
        return out;
    }

    private static void walk(JsonNode a, JsonNode b, String at, List<String> out) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                String here = at + "/" + e.getKey();
                if (other == null) {
                    out.add(here);
                } else {
                    walk(e.getValue(), other, here, out);
                }
            }
        } else if (!a.equals(b)) {
            out.add(at);
        }
    }
}
