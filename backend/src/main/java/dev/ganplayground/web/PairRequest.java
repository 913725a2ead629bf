package dev.ganplayground.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * The payload of {@code create_pair} and the body of {@code POST /api/pairs}.
 *
 * @param pair      a ready-made pair's id, or null
 * @param preset    side A's preset (without {@code pair}), or null for the default
 * @param overrides side A's overrides, or null
 * @param variant   partial config merged over A's config to make B (without {@code pair}: required)
 */
record PairRequest(String pair, String preset, JsonNode overrides, JsonNode variant) {
    private static final Set<String> FIELDS = Set.of("pair", "preset", "overrides", "variant");

    static PairRequest parse(JsonNode body) throws RequestException {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new RequestException("", "a pair needs either \"pair\" or \"variant\"");
        }
        Messages.requireObject(body, "", FIELDS);
        String pair = text(body, "pair");
        String preset = text(body, "preset");
        JsonNode overrides = object(body, "overrides");
        JsonNode variant = object(body, "variant");
        if (pair != null && (preset != null || overrides != null || variant != null)) {
            throw new RequestException("/pair", "a ready-made pair takes no preset, overrides or variant");
        }
        if (pair == null && variant == null) {
            throw new RequestException("/variant", "is required without \"pair\": it says how B differs from A");
        }
        return new PairRequest(pair, preset, overrides, variant);
    }

    private static String text(JsonNode body, String field) throws RequestException {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new RequestException("/" + field, "must be a string");
        }
        return n.asText();
    }

    private static JsonNode object(JsonNode body, String field) throws RequestException {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw new RequestException("/" + field, "must be an object");
        }
        return n;
    }
}
