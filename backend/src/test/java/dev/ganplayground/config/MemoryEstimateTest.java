package dev.ganplayground.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MemoryEstimateTest {
    private static final long BUDGET = ServerLimits.DEFAULTS.runMemoryBytes();
    private final Presets presets = Presets.load();

    private RunConfig resolve(String preset, String overrides) throws Exception {
        JsonNode o = overrides == null ? null : Json.MAPPER.readTree(overrides);
        return presets.resolve(preset, o);
    }

    @Test
    @DisplayName("Every shipped preset fits the default budget with room to spare")
    void presetsFit() {
        for (Preset p : presets.all()) {
            long bytes = MemoryEstimate.of(presets.resolve(p.id(), null)).bytes();
            assertThat(bytes).as(p.id()).isLessThan(BUDGET / 4).isGreaterThan(MemoryEstimate.FIXED_MIB << 20);
        }
    }

    @Test
    @DisplayName("Sizes each in range but absurd together are refused, naming the field that costs most")
    void absurdCombinationsNameTheDominantField() throws Exception {
        String wide = "[1024,1024,1024,1024,1024,1024,1024,1024]";
        RunConfig hugeBatch = resolve("ring8", "{\"train\":{\"batchSize\":4096},\"model\":{\"gHidden\":" + wide
                + ",\"dHidden\":" + wide + "}}");
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> MemoryEstimate.of(hugeBatch).check(BUDGET));
        assertThat(e.errors().get(0).pointer()).isEqualTo("/train/batchSize");
        assertThat(e.getMessage()).contains("MiB").contains("GAN_RUN_MEMORY_MB");

        RunConfig wideNets = resolve("ring8", "{\"train\":{\"batchSize\":1},\"view\":{\"heatmapSize\":8},"
                + "\"model\":{\"dHidden\":" + wide + "}}");
        assertThat(MemoryEstimate.of(wideNets).dominantField()).isEqualTo("/model/dHidden");
        ConfigException w = catchThrowableOfType(ConfigException.class,
                () -> MemoryEstimate.of(wideNets).check(64L << 20));
        assertThat(w.errors().get(0).pointer()).isEqualTo("/model/dHidden");

        RunConfig bigImages = resolve("shapes-dcgan", "{\"train\":{\"batchSize\":4096},\"model\":{\"baseChannels\":128}}");
        ConfigException i = catchThrowableOfType(ConfigException.class,
                () -> MemoryEstimate.of(bigImages).check(BUDGET));
        assertThat(i.errors().get(0).pointer()).isEqualTo("/train/batchSize");

        RunConfig replay = resolve("ring8", "{\"remedies\":{\"replay\":{\"enabled\":true,\"size\":1048576}}}");
        assertThat(MemoryEstimate.of(replay).terms()).containsKey("/remedies/replay/size");
    }

    @Test
    @DisplayName("Autoencoder runs: estimated by their own widths and arms; an absurd one names its field")
    void autoencoders() throws Exception {
        String ae = "{\"data\":{\"kind\":\"shapes\"},\"model\":{\"architecture\":\"autoencoder\",\"autoencoder\":";
        long one = MemoryEstimate.of(resolve("ring8", ae + "{\"hidden\":[256]}}}")).bytes();
        long sweep = MemoryEstimate.of(resolve("ring8", ae + "{\"hidden\":[256],\"experiment\":\"sparsity-sweep\"}}}"))
                .bytes();
        assertThat(sweep).isGreaterThan(one);
        RunConfig huge = resolve("ring8", ae + "{\"hidden\":[1024,1024,1024,1024,1024,1024,1024,1024],"
                + "\"experiment\":\"sparsity-sweep\"}},\"train\":{\"batchSize\":4096}}");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> MemoryEstimate.of(huge).check(BUDGET));
        assertThat(e.errors().get(0).pointer()).isEqualTo("/train/batchSize");
        RunConfig wide = resolve("ring8", ae + "{\"codeSize\":1024,\"hidden\":[]}},\"train\":{\"batchSize\":1}}");
        assertThat(MemoryEstimate.of(wide).dominantField()).isEqualTo("/model/autoencoder/codeSize");
    }

    @Test
    @DisplayName("The estimate grows with the batch and with the widths")
    void monotone() throws Exception {
        long small = MemoryEstimate.of(resolve("ring8", "{\"train\":{\"batchSize\":64}}")).bytes();
        long large = MemoryEstimate.of(resolve("ring8", "{\"train\":{\"batchSize\":2048}}")).bytes();
        long wider = MemoryEstimate.of(resolve("ring8", "{\"model\":{\"gHidden\":[512,512,512]}}")).bytes();
        long base = MemoryEstimate.of(resolve("ring8", null)).bytes();
        assertThat(large).isGreaterThan(small);
        assertThat(wider).isGreaterThan(base);
        long dcgan32 = MemoryEstimate.of(resolve("mnist-dcgan", "{\"model\":{\"baseChannels\":32}}")).bytes();
        long dcgan128 = MemoryEstimate.of(resolve("mnist-dcgan", "{\"model\":{\"baseChannels\":128}}")).bytes();
        assertThat(dcgan128).isGreaterThan(dcgan32);
    }
}
