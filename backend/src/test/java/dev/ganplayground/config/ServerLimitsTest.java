package dev.ganplayground.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ServerLimitsTest {
    @Test
    @DisplayName("Defaults without variables; each variable overrides its limit; nonsense is named")
    void fromEnv() {
        assertThat(ServerLimits.fromEnv(Map.of())).isEqualTo(ServerLimits.DEFAULTS);
        ServerLimits l = ServerLimits.fromEnv(Map.of("GAN_WS_RATE", "5", "GAN_WS_BURST", "9",
                "GAN_RUN_MEMORY_MB", "512", "GAN_WS_TEXT_QUEUE_BYTES", " 65536 "));
        assertThat(l.messagesPerSecond()).isEqualTo(5);
        assertThat(l.messageBurst()).isEqualTo(9);
        assertThat(l.runMemoryBytes()).isEqualTo(512L << 20);
        assertThat(l.textQueueBytes()).isEqualTo(65_536);
        // Values past 32 (or 44) bits are refused, never wrapped into the allowed range.
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> ServerLimits.fromEnv(Map.of("GAN_WS_MAX_FRAME_BYTES", "4294968320"))).errors().get(0)
                .pointer()).isEqualTo("GAN_WS_MAX_FRAME_BYTES");
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> ServerLimits.fromEnv(Map.of("GAN_RUN_MEMORY_MB", "17592186044421"))).errors().get(0)
                .pointer()).isEqualTo("GAN_RUN_MEMORY_MB");
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> ServerLimits.fromEnv(Map.of("GAN_WS_RATE", "fast"))).errors().get(0).pointer())
                .isEqualTo("GAN_WS_RATE");
        assertThat(catchThrowableOfType(ConfigException.class,
                () -> ServerLimits.fromEnv(Map.of("GAN_WS_PING_MS", "60000"))).errors().get(0).pointer())
                .isEqualTo("GAN_WS_IDLE_MS"); // the idle timeout must outlast a ping interval
    }
}
