package dev.ganplayground.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The presets shipped in the jar ({@code presets/index.json} lists them in display order), each checked to resolve
 * at load time, so a broken preset fails the server's start, not a user's click.
 */
public final class Presets {
    private final JsonNode defaults;
    private final Map<String, Preset> byId;
    private final Map<String, PairDefinition> pairs = new LinkedHashMap<>();

    private Presets(JsonNode defaults, Map<String, Preset> byId) {
        this.defaults = defaults;
        this.byId = byId;
    }

    public static Presets load() {
        JsonNode defaults = read("presets/defaults.json");
        Map<String, Preset> byId = new LinkedHashMap<>();
        for (JsonNode id : read("presets/index.json")) {
            Preset p = Json.MAPPER.convertValue(read("presets/" + id.asText() + ".json"), Preset.class);
            if (!p.id().equals(id.asText())) {
                throw new IllegalStateException("preset file " + id.asText() + ".json has id " + p.id());
            }
            ConfigResolver.resolve(defaults, p.overrides());
            byId.put(p.id(), p);
        }
        Presets presets = new Presets(defaults, Collections.unmodifiableMap(byId));
        if (Presets.class.getClassLoader().getResource("presets/pairs/index.json") != null) {
            for (JsonNode id : read("presets/pairs/index.json")) {
                PairDefinition pair = presets.pair(read("presets/pairs/" + id.asText() + ".json"));
                if (!pair.id().equals(id.asText())) {
                    throw new IllegalStateException("pair file " + id.asText() + ".json has id " + pair.id());
                }
                presets.pairs.put(pair.id(), pair);
            }
        }
        return presets;
    }

    /** The ready-made A/B pairs, in display order. */
    public List<PairDefinition> pairs() {
        return new ArrayList<>(pairs.values());
    }

    public Optional<PairDefinition> findPair(String id) {
        return Optional.ofNullable(id == null ? null : pairs.get(id));
    }

    private PairDefinition pair(JsonNode file) {
        PairDefinition.Side a = side(file.get("a"));
        PairDefinition.Side b = side(file.get("b"));
        List<String> differences = ConfigDiff.differences(a.config(), b.config());
        if (differences.isEmpty()) {
            throw new IllegalStateException("pair " + file.path("id").asText() + ": both sides have the same config");
        }
        return new PairDefinition(file.get("id").asText(), file.get("name").asText(),
                file.get("explanation").asText(), a, b, differences);
    }

    private PairDefinition.Side side(JsonNode side) {
        String preset = side.get("preset").asText();
        return new PairDefinition.Side(side.get("label").asText(), preset, resolve(preset, side.get("overrides")));
    }

    public List<Preset> all() {
        return new ArrayList<>(byId.values());
    }

    public Optional<Preset> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The id of the preset used when a request names none: the ring of 8, the README's demo. */
    public String defaultId() {
        return byId.keySet().iterator().next();
    }

    /** Resolves preset + overrides; an unknown preset is a field error on {@code /preset}. */
    public RunConfig resolve(String presetId, JsonNode overrides) {
        Preset p = find(presetId == null ? defaultId() : presetId)
                .orElseThrow(() -> new ConfigException("/preset", "unknown preset '" + presetId + "'"));
        RunConfig base = ConfigResolver.resolve(defaults, p.overrides());
        return ConfigResolver.resolve(Json.MAPPER.valueToTree(base), overrides);
    }

    /**
     * A config saved by an earlier version (a checkpoint's), bound over today's defaults: fields added since then
     * (e.g. model.autoencoder, train.r1Gamma) take their defaults, so old checkpoints stay readable; unknown or invalid
     * fields are still errors.
     */
    public static RunConfig resolveSaved(JsonNode saved) {
        return ConfigResolver.resolve(DefaultsHolder.DEFAULTS, pinOldStyleNormalization(saved));
    }

    /**
     * A StyleGAN config saved before model.style.normalization existed was trained with AdaIN; today's default
     * (pixelnorm) has the same parameters, so it would load without error and draw something else. Pin it.
     */
    private static JsonNode pinOldStyleNormalization(JsonNode saved) {
        if (saved == null || !"stylegan".equals(saved.path("model").path("architecture").asText())
                || saved.path("model").path("style").has("normalization")) {
            return saved;
        }
        ObjectNode copy = saved.deepCopy();
        ObjectNode model = (ObjectNode) copy.get("model");
        JsonNode style = model.get("style");
        ObjectNode styleNode = style instanceof ObjectNode o ? o : model.putObject("style");
        styleNode.put("normalization", StyleNormalization.ADAIN.wireName());
        return copy;
    }

    /** defaults.json, read once on first use. */
    private static final class DefaultsHolder {
        static final JsonNode DEFAULTS = read("presets/defaults.json");
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Presets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
