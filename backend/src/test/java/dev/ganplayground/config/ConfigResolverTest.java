package dev.ganplayground.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigResolverTest {
    private final Presets presets = Presets.load();

    private static JsonNode json(String s) throws Exception {
        return Json.MAPPER.readTree(s);
    }

    @Test
    @DisplayName("a checkpoint's config saved before newer fields existed binds with their defaults; unknown ones fail")
    void savedConfigFromAnEarlierVersion() {
        RunConfig now = presets.resolve("mnist-dcgan", null);
        com.fasterxml.jackson.databind.node.ObjectNode saved = Json.MAPPER.valueToTree(now);
        ((com.fasterxml.jackson.databind.node.ObjectNode) saved.get("model")).remove("autoencoder");
        com.fasterxml.jackson.databind.node.ObjectNode train =
                (com.fasterxml.jackson.databind.node.ObjectNode) saved.get("train");
        train.remove(java.util.List.of("autoencoder", "r1Gamma", "r1Every"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) saved.get("view")).remove("interpFrom");
        assertThat(Presets.resolveSaved(saved)).isEqualTo(now);
        train.put("futureField", 1);
        assertThatThrownBy(() -> Presets.resolveSaved(saved)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("futureField");
    }

    @Test
    @DisplayName("Every shipped preset resolves, and ring8 is the default")
    void presetsResolve() {
        assertThat(presets.all()).extracting(Preset::id)
                .containsExactly("ring8", "grid25", "spiral", "moons", "drawn", "collapse", "cure", "shapes-dcgan",
                        "mnist-dcgan", "fashion-dcgan", "shapes-progan", "mnist-progan", "fashion-progan",
                        "shapes-stylegan", "mnist-stylegan", "fashion-stylegan", "plane3d-linear", "mnist-linear",
                        "mnist-stacked-tied-greedy", "mnist-conv", "mnist-recurrent", "mnist-denoising",
                        "mnist-sparse", "mnist-vae", "shapes-vae", "mnist-pretraining", "question-capacity",
                        "question-vae-kl", "question-sparsity-sweep");
        assertThat(presets.defaultId()).isEqualTo("ring8");
        for (Preset p : presets.all()) {
            RunConfig c = presets.resolve(p.id(), null);
            if (p.id().endsWith("-dcgan")) {
                assertThat(p.id()).isEqualTo(c.data().kind().wireName() + "-dcgan");
                assertThat(c.isImageRun()).isTrue();
                assertThat(c.train().batchSize()).isEqualTo(64);
                assertThat(c.train().optimizerG().lr()).isEqualTo(2e-4);
            } else if (p.id().endsWith("-progan")) {
                assertThat(p.id()).isEqualTo(c.data().kind().wireName() + "-progan");
                assertThat(c.isImageRun()).isTrue();
                assertThat(c.model().architecture()).isEqualTo(ArchitectureKind.PROGAN);
                assertThat(c.model().progan().maxResolution()).isEqualTo(32);
                assertThat(c.train().loss()).isEqualTo(LossKind.LEAST_SQUARES);
            } else if (p.id().endsWith("-stylegan")) {
                assertThat(p.id()).isEqualTo(c.data().kind().wireName() + "-stylegan");
                assertThat(c.model().architecture()).isEqualTo(ArchitectureKind.STYLEGAN);
                assertThat(c.model().style()).isEqualTo(StyleConfig.DEFAULTS);
            } else if (c.isAutoencoderRun()) {
                assertThat(p.id()).matches(c.data().kind().wireName() + "-.+|question-.+");
                assertThat(c.train().optimizerG().kind()).isEqualTo(OptimizerKind.ADAM);
            } else if (!p.id().equals("collapse") && !p.id().equals("cure")) {
                assertThat(c.data().kind().name().toLowerCase()).isEqualTo(p.id());
                assertThat(c.isImageRun()).isFalse();
            }
            assertThat(p.explanation().split("\\. ")).hasSizeBetween(2, 5);
        }
    }

    @Test
    @DisplayName("Image datasets need the DCGAN and 2D distributions the MLP, named by /model/architecture")
    void architectureMatchesData() throws Exception {
        assertThatThrownBy(() -> presets.resolve("ring8", json("{\"model\":{\"architecture\":\"dcgan\"}}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/model/architecture")
                .hasMessageContaining("'mlp'");
        assertThatThrownBy(() -> presets.resolve("mnist-dcgan", json("{\"model\":{\"architecture\":\"mlp\"}}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/model/architecture");
        assertThatThrownBy(() -> presets.resolve("ring8", json("{\"model\":{\"architecture\":\"progan\"}}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/model/architecture");
        assertThatThrownBy(() -> presets.resolve("mnist-progan", json("{\"model\":{\"architecture\":\"mlp\"}}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/model/architecture")
                .hasMessageContaining("'progan'");
        assertThatThrownBy(() -> presets.resolve("shapes-dcgan", json("{\"view\":{\"walkTo\":100}}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/view/walkTo");
        RunConfig small = presets.resolve("shapes-dcgan", json("{\"view\":{\"gridSize\":4,\"walkTo\":63}}"));
        assertThat(small.view().walkToTile()).isEqualTo(15);
    }

    @Test
    @DisplayName("The collapse-vs-cure pair loads, and its sides differ only in the remedy")
    void pairLoads() {
        PairDefinition pair = presets.findPair("collapse-vs-cure").orElseThrow();
        assertThat(pair.a().config().seed()).isEqualTo(pair.b().config().seed());
        assertThat(pair.differences()).isNotEmpty().allMatch(d -> d.startsWith("/remedies/"));
        assertThat(pair.a().config().remedies().packing()).isEqualTo(1);
    }

    @Test
    @DisplayName("Overrides merge key by key over the preset; arrays replace")
    void mergesOverrides() throws Exception {
        RunConfig c = presets.resolve("grid25", json(
                "{\"train\":{\"batchSize\":64,\"optimizerG\":{\"lr\":0.0002}},\"model\":{\"gHidden\":[32]}}"));
        assertThat(c.data().kind()).isEqualTo(DatasetKind.GRID25);
        assertThat(c.train().batchSize()).isEqualTo(64);
        assertThat(c.train().optimizerG().lr()).isEqualTo(0.0002);
        assertThat(c.train().optimizerG().beta1()).isEqualTo(0.5);
        assertThat(c.train().optimizerD().lr()).isEqualTo(0.001);
        assertThat(c.model().gHidden()).containsExactly(32);
        assertThat(c.model().dHidden()).containsExactly(128, 128, 128);
    }

    @Test
    @DisplayName("A config round-trips through JSON unchanged")
    void roundTrips() throws Exception {
        RunConfig c = presets.resolve("drawn", null);
        RunConfig back = ConfigResolver.bind(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(c)));
        assertThat(back).isEqualTo(c);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("Every out-of-range or mistyped field is rejected with its pointer and the value found")
    @CsvSource(delimiter = '|', value = {
            "{\"train\":{\"batchSize\":-3}}|/train/batchSize|found -3",
            "{\"train\":{\"batchSize\":1000000000}}|/train/batchSize|found 1000000000",
            "{\"train\":{\"batchSize\":0}}|/train/batchSize|found 0",
            "{\"train\":{\"batchSize\":2.5}}|/train/batchSize|",
            "{\"train\":{\"batchSize\":\"64\"}}|/train/batchSize|",
            "{\"model\":{\"latentDim\":10000000}}|/model/latentDim|found 10000000",
            "{\"train\":{\"optimizerD\":{\"lr\":1e400}}}|/train/optimizerD/lr|finite",
            "{\"train\":{\"optimizerD\":{\"lr\":\"NaN\"}}}|/train/optimizerD/lr|",
            "{\"train\":{\"optimizerD\":{\"lr\":0}}}|/train/optimizerD/lr|found 0.0",
            "{\"train\":{\"optimizerG\":{\"beta1\":1.0}}}|/train/optimizerG/beta1|found 1.0",
            "{\"train\":{\"dSteps\":21}}|/train/dSteps|found 21",
            "{\"train\":{\"loss\":\"wgan\"}}|/train/loss|",
            "{\"train\":{\"loss\":2}}|/train/loss|",
            "{\"model\":{\"gHidden\":[64,-1]}}|/model/gHidden/1|found -1",
            "{\"model\":{\"dHidden\":[1,1,1,1,1,1,1,1,1]}}|/model/dHidden|at most 8",
            "{\"view\":{\"slowMode\":1}}|/view/slowMode|",
            "{\"data\":{\"kind\":\"drawn\",\"points\":[]}}|/data/points|at least 1",
            "{\"data\":{\"points\":[[0.1,20]]}}|/data/points/0/1|found 20.0",
            "{\"data\":{\"points\":[[0.1]]}}|/data/points/0|pair",
            "{\"seed\":-1}|/seed|found -1",
            "{\"model\":{\"progan\":{\"maxResolution\":12}}}|/model/progan/maxResolution|8, 16 or 32",
            "{\"model\":{\"progan\":{\"mbstdGroup\":0}}}|/model/progan/mbstdGroup|found 0",
            "{\"model\":{\"progan\":{\"fadeInImages\":1}}}|/model/progan/fadeInImages|found 1",
            "{\"model\":{\"progan\":{\"stabilizeImages\":100000000}}}|/model/progan/stabilizeImages|found",
            "{\"model\":{\"progan\":{\"depth\":1}}}|/model/progan/depth|unknown field 'depth'",
            "{\"trian\":{}}|/trian|unknown field 'trian'",
            "{\"train\":{\"lr\":0.1}}|/train/lr|unknown field 'lr'",
    })
    void rejectsBadFields(String overrides, String pointer, String fragment) throws Exception {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> presets.resolve("ring8", json(overrides)));
        assertThat(e).as("should be rejected: " + overrides).isNotNull();
        assertThat(e.errors()).isNotEmpty();
        assertThat(e.errors().get(0).pointer()).isEqualTo(pointer);
        if (fragment != null) {
            assertThat(e.errors().get(0).message()).contains(fragment);
        }
    }

    @Test
    @DisplayName("All bad fields are reported at once, not only the first")
    void reportsEveryError() throws Exception {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> presets.resolve("ring8",
                json("{\"train\":{\"batchSize\":0,\"dSteps\":0},\"view\":{\"itersPerTick\":0}}")));
        assertThat(e.errors()).extracting(FieldError::pointer)
                .containsExactlyInAnyOrder("/train/batchSize", "/train/dSteps", "/view/itersPerTick");
    }

    @Test
    @DisplayName("An unknown preset is an error on /preset")
    void unknownPreset() {
        assertThatThrownBy(() -> presets.resolve("nope", null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("/preset");
    }

    @Test
    @DisplayName("Only seed and model changes are structural")
    void structural() throws Exception {
        RunConfig c = presets.resolve("ring8", null);
        assertThat(c.structurallyDiffers(ConfigResolver.patch(c, json("{\"train\":{\"batchSize\":8}}")))).isFalse();
        assertThat(c.structurallyDiffers(ConfigResolver.patch(c, json("{\"data\":{\"kind\":\"moons\"}}")))).isFalse();
        assertThat(c.structurallyDiffers(ConfigResolver.patch(c, json("{\"seed\":7}")))).isTrue();
        assertThat(c.structurallyDiffers(ConfigResolver.patch(c, json("{\"model\":{\"latentDim\":3}}")))).isTrue();
    }

    @Test
    @DisplayName("Environment settings have defaults and reject junk")
    void appConfig() {
        AppConfig a = AppConfig.fromEnv(java.util.Map.of());
        assertThat(a.port()).isEqualTo(8080);
        assertThat(AppConfig.fromEnv(java.util.Map.of("PORT", "9000")).port()).isEqualTo(9000);
        assertThatThrownBy(() -> AppConfig.fromEnv(java.util.Map.of("PORT", "x"))).hasMessageContaining("PORT");
        assertThatThrownBy(() -> AppConfig.fromEnv(java.util.Map.of("PORT", "70000"))).hasMessageContaining("PORT");
    }
}
