package dev.ganplayground.config;

import java.util.List;

/**
 * A ready-made A/B comparison (e.g. "collapse vs cure"): two configs that differ in a few settings, shown side
 * by side. Files under {@code presets/pairs/}, listed in {@code presets/pairs/index.json}; each side names a
 * preset and optional overrides, resolved and validated when the server starts.
 *
 * @param id          stable identifier used on the wire
 * @param name        display name
 * @param explanation what the class should watch, two to four sentences
 * @param a           side A
 * @param b           side B
 * @param differences JSON pointers of the settings where B differs from A
 */
public record PairDefinition(String id, String name, String explanation, Side a, Side b, List<String> differences) {
    /**
     * One side of a pair.
     *
     * @param label  short label shown over the side ("plain GAN")
     * @param preset the preset the side starts from
     * @param config the resolved config
     */
    public record Side(String label, String preset, RunConfig config) {
    }
}
