package dev.ganplayground.samples;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class Float16Test {
    @Test
    @DisplayName("Every half survives half -> float -> half; known values decode as IEEE 754 says")
    void everyHalfRoundTrips() {
        for (int h = 0; h < 0x10000; h++) {
            float f = Float16.toFloat((short) h);
            if (Float.isNaN(f)) {
                assertThat(Float16.fromFloat(f) & 0x7c00).isEqualTo(0x7c00);
                assertThat(Float16.fromFloat(f) & 0x3ff).isNotZero();
            } else {
                assertThat(Float16.fromFloat(f) & 0xffff).as("half %04x", h).isEqualTo(h);
            }
        }
        assertThat(Float16.toFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(Float16.toFloat((short) 0xc000)).isEqualTo(-2f);
        assertThat(Float16.toFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(Float16.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(Float16.toFloat((short) 0x3555)).isEqualTo(0.33325195f);
    }

    @Test
    @DisplayName("A float goes to the nearest half, ties to even, overflow to infinity")
    void roundsToNearest() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            // Normals, subnormals and overflow alike: random exponents over and around the half range.
            float f = (float) ((rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble() * Math.pow(2, rnd.nextInt(-30, 18)));
            short h = Float16.fromFloat(f);
            float got = Float16.toFloat(h);
            if (Math.abs(f) >= 65520f) {
                assertThat(got).isInfinite();
                continue;
            }
            double err = Math.abs((double) got - f);
            for (int neighbour : new int[]{(h & 0xffff) - 1, (h & 0xffff) + 1}) {
                float n = Float16.toFloat((short) neighbour);
                if (!Float.isNaN(n) && !Float.isInfinite(n) && Math.signum(n) == Math.signum(got)) {
                    assertThat(err).as("%s -> %s, neighbour %s", f, got, n).isLessThanOrEqualTo(Math.abs((double) n - f));
                }
            }
        }
        assertThat(Float16.fromFloat(1f + 0x1p-11f)).isEqualTo((short) 0x3c00);   // tie: stays on the even 1.0
        assertThat(Float16.fromFloat(1f + 0x1p-11f + 0x1p-20f)).isEqualTo((short) 0x3c01);
        assertThat(Float16.fromFloat(1f + 3 * 0x1p-11f)).isEqualTo((short) 0x3c02); // tie: up to the even
        assertThat(Float16.fromFloat(0x1p-25f)).isEqualTo((short) 0);              // tie with zero
        assertThat(Float16.fromFloat(-0x1.8p-25f)).isEqualTo((short) 0x8001);
        assertThat(Float16.fromFloat(65519f)).isEqualTo((short) 0x7bff);
        assertThat(Float16.fromFloat(65520f)).isEqualTo((short) 0x7c00);
        assertThat(Float16.fromFloat(-0f)).isEqualTo((short) 0x8000);
        assertThat(Float16.toFloat(Float16.fromFloat(Float.NEGATIVE_INFINITY))).isEqualTo(Float.NEGATIVE_INFINITY);
    }
}
