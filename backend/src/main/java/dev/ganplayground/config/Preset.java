package dev.ganplayground.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A named starting point: overrides applied to {@code presets/defaults.json}, with a short explanation of what the
 * learner should watch for.
 *
 * @param id          stable identifier used on the wire (e.g. {@code ring8})
 * @param name        display name
 * @param explanation two to four sentences shown beside the views
 * @param overrides   partial config merged over the defaults
 */
public record Preset(String id, String name, String explanation, JsonNode overrides) {
}
