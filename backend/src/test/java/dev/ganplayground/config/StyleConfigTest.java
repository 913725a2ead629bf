package dev.ganplayground.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** StyleGAN's config: the presets, and validation errors that name the JSON pointer of the bad field. */
class StyleConfigTest {
    private final Presets presets = Presets.load();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"model\":{\"style\":{\"mappingLayers\":9}}}|/model/style/mappingLayers",
            "{\"model\":{\"style\":{\"mappingWidth\":8}}}|/model/style/mappingWidth",
            "{\"model\":{\"style\":{\"mappingLrMultiplier\":0}}}|/model/style/mappingLrMultiplier",
            "{\"model\":{\"style\":{\"mixingProbability\":1.5}}}|/model/style/mixingProbability",
            "{\"model\":{\"style\":{\"wAvgDecay\":1}}}|/model/style/wAvgDecay",
            "{\"model\":{\"style\":{\"normalization\":\"batch\"}}}|/model/style/normalization",
            "{\"model\":{\"style\":{\"normalization\":null}}}|/model/style/normalization",
            "{\"model\":{\"style\":{\"rgbSkips\":true}}}|/model/style/rgbSkips",
            "{\"view\":{\"truncationPsi\":-0.1}}|/view/truncationPsi",
            "{\"view\":{\"mixLayers\":\"all\"}}|/view/mixLayers",
            "{\"view\":{\"mixSources\":7}}|/view/mixSources",
            "{\"view\":{\"noiseSamples\":1}}|/view/noiseSamples",
            "{\"train\":{\"r1Gamma\":-0.1}}|/train/r1Gamma",
            "{\"train\":{\"r1Gamma\":1e9}}|/train/r1Gamma",
            "{\"train\":{\"r1Every\":0}}|/train/r1Every",
            "{\"train\":{\"r1Every\":65}}|/train/r1Every"})
    @DisplayName("a bad StyleGAN field is named by its pointer")
    void badFieldsNamed(String overrides, String pointer) throws Exception {
        ConfigException e = catchThrowableOfType(() -> presets.resolve("mnist-stylegan",
                Json.MAPPER.readTree(overrides)), ConfigException.class);
        assertThat(e.errors()).extracting(FieldError::pointer).containsExactly(pointer);
    }

    @Test
    @DisplayName("stylegan needs an image dataset; a 2D distribution names /model/architecture")
    void styleganNeedsImages() throws Exception {
        ConfigException e = catchThrowableOfType(() -> presets.resolve("ring8",
                Json.MAPPER.readTree("{\"model\":{\"architecture\":\"stylegan\"}}")), ConfigException.class);
        assertThat(e.errors()).extracting(FieldError::pointer).containsExactly("/model/architecture");
        RunConfig c = presets.resolve("fashion-stylegan", null);
        assertThat(c.isImageRun()).isTrue();
        assertThat(c.view().truncationPsi()).isEqualTo(0.7);
        assertThat(c.view().mixLayers()).isEqualTo("coarse");
    }

    @Test
    @DisplayName("R1 is off by default, on in the StyleGAN presets, and refused for ProGAN's growing D")
    void r1Settings() throws Exception {
        assertThat(presets.resolve("ring8", null).train().r1Gamma()).isZero();
        assertThat(presets.resolve("ring8", null).train().r1Every()).isEqualTo(TrainConfig.DEFAULT_R1_EVERY);
        for (String id : new String[]{"mnist-stylegan", "fashion-stylegan", "shapes-stylegan"}) {
            assertThat(presets.resolve(id, null).train().r1Gamma()).as(id).isPositive();
        }
        ConfigException e = catchThrowableOfType(() -> presets.resolve("mnist-progan",
                Json.MAPPER.readTree("{\"train\":{\"r1Gamma\":1}}")), ConfigException.class);
        assertThat(e.errors()).extracting(FieldError::pointer).containsExactly("/train/r1Gamma");
    }

    @Test
    @DisplayName("model.style.normalization: pixelnorm by default and in the presets, adain or demodulation on"
            + " request (structural)")
    void normalizationSetting() throws Exception {
        RunConfig preset = presets.resolve("mnist-stylegan", null);
        RunConfig adain = presets.resolve("mnist-stylegan",
                Json.MAPPER.readTree("{\"model\":{\"style\":{\"normalization\":\"adain\"}}}"));
        RunConfig demod = presets.resolve("mnist-stylegan",
                Json.MAPPER.readTree("{\"model\":{\"style\":{\"normalization\":\"demodulation\"}}}"));
        assertThat(StyleConfig.DEFAULTS.normalization()).isEqualTo(StyleNormalization.PIXELNORM);
        assertThat(demod.model().style().normalization()).isEqualTo(StyleNormalization.DEMODULATION);
        assertThat(adain.structurallyDiffers(demod)).isTrue();
        assertThat(preset.model().style().normalization()).isEqualTo(StyleNormalization.PIXELNORM);
        assertThat(adain.model().style().normalization()).isEqualTo(StyleNormalization.ADAIN);
        assertThat(preset.structurallyDiffers(adain)).isTrue();
    }

    @Test
    @DisplayName("a StyleGAN config saved before model.style.normalization existed restores as adain, not today's"
            + " default")
    void oldSavedConfigKeepsAdain() throws Exception {
        RunConfig old = Presets.resolveSaved(Json.MAPPER.readTree("{\"data\":{\"kind\":\"shapes\"},"
                + "\"model\":{\"architecture\":\"stylegan\",\"style\":{\"mappingLayers\":2}}}"));
        assertThat(old.model().style().normalization()).isEqualTo(StyleNormalization.ADAIN);
        assertThat(old.model().style().mappingLayers()).isEqualTo(2);
        RunConfig saved = Presets.resolveSaved(Json.MAPPER.valueToTree(presets.resolve("mnist-stylegan", null)));
        assertThat(saved.model().style().normalization()).isEqualTo(StyleNormalization.PIXELNORM);
    }
}
