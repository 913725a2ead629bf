package dev.ganplayground.web;

import dev.ganplayground.config.AppConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket handshake's Origin check (shared/RELIABILITY.md 7, B4): exact string equality against the allow-list,
 * so the prefix, suffix, port, scheme, case and "null" tricks are all 403; the derived default list accepts the
 * page's own loopback origins and nothing else.
 */
class OriginCheckTest {
    private static final String TRUSTED = "https://trusted.example.com";
    private static TestServer configured;
    private static TestServer strict;
    private static TestServer defaults;

    @BeforeAll
    static void up() {
        AppConfig app = new AppConfig("127.0.0.1", 0, 2, TestServer.freshRunsDir());
        configured = new TestServer(app, TestServer.generous(app).withOrigins(List.of(TRUSTED, "http://lab:8080"),
                false));
        strict = new TestServer(app, TestServer.generous(app).withOrigins(List.of(TRUSTED), true));
        defaults = new TestServer(app);
    }

    @AfterAll
    static void down() {
        configured.close();
        strict.close();
        defaults.close();
    }

    @ParameterizedTest(name = "Origin \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://trusted.example.com            | 101",
            "http://lab:8080                        | 101",
            "https://trusted.example.com.evil.com   | 403",
            "https://trusted.example.comedy         | 403",
            "https://trusted.example.com:9999       | 403",
            "https://trusted.example.com:443        | 403",
            "https://trusted.example.com/           | 403",
            "http://trusted.example.com             | 403",
            "https://TRUSTED.example.com            | 403",
            "https://eviltrusted.example.com        | 403",
            "https://evil.example                   | 403",
            "https://evil.example/https://trusted.example.com | 403",
            "http://lab:80800                       | 403",
            "http://lab                             | 403",
            "null                                   | 403",
    })
    void exactMatchOnly(String origin, int expected) {
        assertThat(WsTestClient.handshake(configured.vertx, configured.port, TestServer.newToken(), origin))
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("A missing Origin (a non-browser client) is accepted by default and refused with GAN_REQUIRE_ORIGIN")
    void missingOrigin() {
        assertThat(WsTestClient.handshake(configured.vertx, configured.port, null, null)).isEqualTo(101);
        assertThat(WsTestClient.handshake(strict.vertx, strict.port, null, null)).isEqualTo(403);
        assertThat(WsTestClient.handshake(strict.vertx, strict.port, null, TRUSTED)).isEqualTo(101);
        assertThat(WsTestClient.handshake(strict.vertx, strict.port, null, "null")).isEqualTo(403);
    }

    @Test
    @DisplayName("Without GAN_ALLOWED_ORIGINS the page's loopback origins on the bound port are allowed, others not")
    void derivedDefaults() {
        int p = defaults.port;
        for (String ok : List.of("http://localhost:" + p, "http://127.0.0.1:" + p, "http://[::1]:" + p)) {
            assertThat(WsTestClient.handshake(defaults.vertx, p, null, ok)).as(ok).isEqualTo(101);
        }
        for (String bad : List.of("http://localhost:" + (p + 1), "https://localhost:" + p, "http://localhost",
                "http://localhost:" + p + ".evil.com", "http://evil.localhost:" + p)) {
            assertThat(WsTestClient.handshake(defaults.vertx, p, null, bad)).as(bad).isEqualTo(403);
        }
    }
}
