package dev.ganplayground.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessConfigTest {
    @Test
    @DisplayName("Defaults: no admin, derived origins, one training run per core, 4 runs and 8 sockets per user")
    void defaults() {
        AccessConfig c = AccessConfig.defaults();
        assertThat(c.adminToken()).isNull();
        assertThat(c.allowedOrigins()).isNull();
        assertThat(c.requireOrigin()).isFalse();
        assertThat(c.maxTrainingRuns()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.maxRunsPerUser()).isEqualTo(4);
        assertThat(c.maxSocketsPerUser()).isEqualTo(8);
    }

    @Test
    @DisplayName("Every setting comes from its environment variable")
    void fromEnv() {
        AccessConfig c = AccessConfig.fromEnv(Map.of("GAN_ADMIN_TOKEN", "abcdefghijklmnopqrstuvwxyz",
                "GAN_ALLOWED_ORIGINS", "https://lab.example.org, http://10.0.0.5:8080", "GAN_REQUIRE_ORIGIN", "true",
                "GAN_MAX_TRAINING", "3", "GAN_MAX_RUNS_PER_USER", "2", "GAN_MAX_SOCKETS_PER_USER", "5"));
        assertThat(c.adminToken()).isEqualTo("abcdefghijklmnopqrstuvwxyz");
        assertThat(c.effectiveOrigins("0.0.0.0", 8080)).containsExactly("https://lab.example.org",
                "http://10.0.0.5:8080");
        assertThat(c.requireOrigin()).isTrue();
        assertThat(List.of(c.maxTrainingRuns(), c.maxRunsPerUser(), c.maxSocketsPerUser())).containsExactly(3, 2, 5);
    }

    @Test
    @DisplayName("Derived origins: loopback names on the port (none for 80), plus the bound host when specific")
    void derivedOrigins() {
        AccessConfig c = AccessConfig.defaults();
        assertThat(c.effectiveOrigins("127.0.0.1", 8080)).containsExactly("http://localhost:8080",
                "http://127.0.0.1:8080", "http://[::1]:8080");
        assertThat(c.effectiveOrigins("192.168.1.7", 80)).containsExactly("http://localhost", "http://127.0.0.1",
                "http://[::1]", "http://192.168.1.7");
        assertThat(c.effectiveOrigins("0.0.0.0", 8080)).contains("http://localhost:8080", "http://127.0.0.1:8080");
    }

    @Test
    @DisplayName("Origins with a path, a trailing slash or no scheme, a short admin token and out-of-range limits are"
            + " refused at start")
    void invalid() {
        assertThatThrownBy(() -> AccessConfig.fromEnv(Map.of("GAN_ALLOWED_ORIGINS", "https://lab.example.org/")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GAN_ALLOWED_ORIGINS");
        assertThatThrownBy(() -> AccessConfig.fromEnv(Map.of("GAN_ALLOWED_ORIGINS", "lab.example.org")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> AccessConfig.fromEnv(Map.of("GAN_ADMIN_TOKEN", "short")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GAN_ADMIN_TOKEN");
        assertThatThrownBy(() -> AccessConfig.fromEnv(Map.of("GAN_MAX_TRAINING", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GAN_MAX_TRAINING");
        assertThatThrownBy(() -> AccessConfig.fromEnv(Map.of("GAN_MAX_SOCKETS_PER_USER", "x")))
                .isInstanceOf(ConfigException.class);
    }
}
