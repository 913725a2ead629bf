package dev.ganplayground.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.Json;
import dev.ganplayground.data.Bounds;
import dev.ganplayground.training.PlaneFrame;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FrameEncoderTest {
    @Test
    @DisplayName("A 2D frame: aligned JSON header naming float16 sections, then each section's halves in order")
    void layout() throws Exception {
        float[] real = {0.5f, -1.25f};
        float[] fake = {1f / 3, 2f, -0.1f, 7.5f};
        float[] arrows = {0.01f, -0.02f, 3e-5f, 100f};
        float[] heatmap = {0f, 0.25f, 0.999f, Float.NaN};
        float[] manifold = {1, 2, 3, 4, 5, 6, 7, 8};
        PlaneFrame f = new PlaneFrame(40, new Bounds(-2, 2, -1.5, 1.5), real, fake, arrows, 2, heatmap, 2, manifold);
        byte[] bytes = FrameEncoder.encode("r0123456789ab", 3, f);

        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int h = in.getInt();
        assertThat(h % 4).isZero();
        JsonNode header = Json.MAPPER.readTree(new String(bytes, 4, h, StandardCharsets.UTF_8).trim());
        assertThat(header).isEqualTo(Json.MAPPER.readTree("""
                {"type":"frame","runId":"r0123456789ab","frame":3,"step":40,"bounds":[-2.0,2.0,-1.5,1.5],
                 "sections":[{"name":"real","dtype":"float16","shape":[1,2]},
                             {"name":"fake","dtype":"float16","shape":[2,2]},
                             {"name":"arrows","dtype":"float16","shape":[2,2]},
                             {"name":"heatmap","dtype":"float16","shape":[2,2]},
                             {"name":"manifold","dtype":"float16","shape":[2,2,2]}]}
                """));
        assertThat(bytes.length).isEqualTo(4 + h + 2 * (2 + 4 + 4 + 4 + 8));
        in.position(4 + h);
        for (float[] section : new float[][]{real, fake, arrows, heatmap, manifold}) {
            for (float v : section) {
                float got = Float16.toFloat(in.getShort());
                if (Float.isNaN(v)) {
                    assertThat(got).isNaN();
                } else {
                    assertThat((double) got).isCloseTo(v, org.assertj.core.data.Offset.offset(Math.abs(v) * 0x1p-11 + 0x1p-24));
                }
            }
        }
    }
}
