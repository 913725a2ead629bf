package dev.ganplayground.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * The body of {@code POST /api/runs}, and the payload of {@code create_run} and {@code validate_config}.
 *
 * @param preset    preset id, or null for the default
 * @param overrides partial config, or null
 */
record CreateRequest(String preset, JsonNode overrides) {
    private static final Set<String> FIELDS = Set.of("preset", "overrides");

    static CreateRequest parse(JsonNode body) throws RequestException {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return new CreateRequest(null, null);
        }
        Messages.requireObject(body, "", FIELDS);
        JsonNode preset = body.get("preset");
        if (preset != null && !preset.isTextual()) {
            throw new RequestException("/preset", "must be a string");
        }
        JsonNode overrides = body.get("overrides");
        if (overrides != null && !overrides.isObject() && !overrides.isNull()) {
            throw new RequestException("/overrides", "must be an object");
        }
        return new CreateRequest(preset == null ? null : preset.asText(), overrides);
    }
}
