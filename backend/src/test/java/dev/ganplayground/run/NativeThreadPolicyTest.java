package dev.ganplayground.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganplayground.config.Presets;
import dev.ganplayground.config.RunConfig;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NativeThreadPolicyTest {
    private static final Presets PRESETS = Presets.load();
    private static final RunConfig IMAGE = PRESETS.resolve("shapes-dcgan", null);
    private static final RunConfig POINTS = PRESETS.resolve("ring8", null);

    @Test
    @DisplayName("a lone image run gets the conv threads; with another run training, or a 2D run, one")
    void policy() {
        AtomicInteger training = new AtomicInteger(1);
        NativeThreadPolicy p = new NativeThreadPolicy(2, training::get);
        assertThat(p.threadsFor(IMAGE)).isEqualTo(2);
        assertThat(p.threadsFor(POINTS)).isEqualTo(1);
        training.set(0); // a paused run taking single steps
        assertThat(p.threadsFor(IMAGE)).isEqualTo(2);
        training.set(2);
        assertThat(p.threadsFor(IMAGE)).isEqualTo(1);
        assertThat(p.threadsFor(POINTS)).isEqualTo(1);
        training.set(1);
        assertThat(p.threadsFor(IMAGE)).as("back to 2 once the other run stops").isEqualTo(2);
    }

    @Test
    void oneConvThreadMeansOneEverywhere() {
        assertThat(new NativeThreadPolicy(1, () -> 1).threadsFor(IMAGE)).isEqualTo(1);
        assertThat(NativeThreadPolicy.single().threadsFor(IMAGE)).isEqualTo(1);
        assertThatThrownBy(() -> new NativeThreadPolicy(0, () -> 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
