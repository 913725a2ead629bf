package dev.ganplayground.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.RunConfig;
import org.junit.jupiter.api.Test;

/**
 * The collapse/cure presets and their pair file resolve and keep their promised shape even before
 * presets/index.json lists them (Presets.load() only checks listed presets). Cheap: no training.
 */
class PresetPairFilesTest {
    @Test
    void collapseAndCurePresetsResolveAndDifferOnlyInRemedies() {
        for (String id : new String[]{"collapse", "cure"}) {
            JsonNode p = BenchSupport.resource("presets/" + id + ".json");
            assertEquals(id, p.get("id").asText());
            assertTrue(p.get("name").asText().length() > 5);
            assertTrue(p.get("explanation").asText().length() > 40);
        }
        RunConfig plain = BenchSupport.config("collapse", 42);
        RunConfig cure = BenchSupport.config("cure", 42);
        assertEquals(plain.data(), cure.data());
        assertEquals(plain.model(), cure.model());
        assertEquals(plain.train(), cure.train());
        assertEquals(plain.seed(), cure.seed());
        assertTrue(!plain.remedies().equals(cure.remedies()));
        assertEquals(1, plain.remedies().packing());
    }

    @Test
    void pairFileHasTheAgreedShape() {
        JsonNode pair = BenchSupport.resource("presets/pairs/collapse-vs-cure.json");
        assertEquals(5, pair.size());
        assertEquals("collapse-vs-cure", pair.get("id").asText());
        assertTrue(pair.get("name").isTextual() && pair.get("explanation").isTextual());
        assertEquals("plain GAN", pair.get("a").get("label").asText());
        assertEquals("collapse", pair.get("a").get("preset").asText());
        assertEquals("with remedies", pair.get("b").get("label").asText());
        assertEquals("cure", pair.get("b").get("preset").asText());
        assertEquals(2, pair.get("a").size());
        assertEquals(2, pair.get("b").size());
    }
}
