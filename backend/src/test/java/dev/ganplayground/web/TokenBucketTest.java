package dev.ganplayground.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    @DisplayName("A burst is allowed, then the sustained rate, never more")
    void burstThenRate() {
        TokenBucket b = new TokenBucket(10, 5, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(b.tryTake(0)).isTrue();
        }
        assertThat(b.tryTake(0)).isFalse();
        assertThat(b.tryTake(SECOND / 10)).isTrue(); // one token refilled
        assertThat(b.tryTake(SECOND / 10)).isFalse();
        int taken = 0;
        for (long t = SECOND / 10; t <= 11 * SECOND / 10; t += SECOND / 100) { // 100 tries over one second
            taken += b.tryTake(t) ? 1 : 0;
        }
        assertThat(taken).isBetween(9, 11);
        assertThat(b.tryTake(100 * SECOND)).isTrue(); // a long quiet spell refills only up to the burst
        int burst = 1;
        while (b.tryTake(100 * SECOND)) {
            burst++;
        }
        assertThat(burst).isEqualTo(5);
    }
}
