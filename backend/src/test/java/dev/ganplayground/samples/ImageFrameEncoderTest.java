package dev.ganplayground.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.Json;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImageFrameEncoderTest {
    @Test
    @DisplayName("encode, decode: header as specified, sections are the PNGs, which decode to the grid sizes")
    void roundTrip() throws Exception {
        ImageGrid grid = ImageGrid.grid(64, 8, 1, 28, 28);
        ImageGrid walk = ImageGrid.strip(10, 1, 28, 28);
        byte[] gridPng = grid.png(SyntheticImages.rings(64, 1, 28, 1));
        byte[] walkPng = walk.png(SyntheticImages.rings(10, 1, 28, 2));
        byte[] frame = ImageFrameEncoder.encode("r0123456789ab", 7, 1400, grid, gridPng, 3, 41, walk, walkPng);

        ImageFrames.Decoded d = ImageFrames.decode(frame);
        assertThat(d.headerLength() % 4).isZero();
        assertThat(frame.length).isEqualTo(4 + d.headerLength() + gridPng.length + walkPng.length);
        JsonNode expected = Json.MAPPER.readTree("""
                {"type":"images","runId":"r0123456789ab","frame":7,"step":1400,
                 "grid":{"cols":8,"rows":8,"tile":[1,28,28],"gap":2},
                 "walk":{"count":10,"from":3,"to":41},
                 "sections":[{"name":"grid","mime":"image/png","bytes":%d},
                             {"name":"walk","mime":"image/png","bytes":%d}]}
                """.formatted(gridPng.length, walkPng.length));
        assertThat(d.header()).isEqualTo(expected);
        assertThat(d.sections().get(ImageFrameEncoder.GRID)).containsExactly(gridPng);
        assertThat(d.sections().get(ImageFrameEncoder.WALK)).containsExactly(walkPng);

        BufferedImage g = PngCodec.decode(d.sections().get("grid"));
        assertThat(g.getWidth()).isEqualTo(238);
        assertThat(g.getHeight()).isEqualTo(238);
        BufferedImage w = PngCodec.decode(d.sections().get("walk"));
        assertThat(w.getWidth()).isEqualTo(10 * 28 + 9 * 2);
        assertThat(w.getHeight()).isEqualTo(28);
    }

    @Test
    @DisplayName("a timeline frame encodes the same as its parts, colour tiles announce 3 channels")
    void fromTimelineFrame() {
        ImageGrid grid = ImageGrid.grid(4, 2, 3, 8, 8);
        ImageGrid walk = ImageGrid.strip(3, 3, 8, 8);
        Timeline.Frame f = new Timeline.Frame(2, 50, grid.png(SyntheticImages.rings(4, 3, 8, 5)),
                walk.png(SyntheticImages.rings(3, 3, 8, 6)));
        byte[] a = ImageFrameEncoder.encode("r1", f, grid, 0, 3, walk);
        byte[] b = ImageFrameEncoder.encode("r1", 2, 50, grid, f.gridPng(), 0, 3, walk, f.walkPng());
        assertThat(a).containsExactly(b);
        JsonNode h = ImageFrames.decode(a).header();
        assertThat(h.at("/grid/tile/0").asInt()).isEqualTo(3);
        assertThat(PngCodec.decode(ImageFrames.decode(a).sections().get("walk")).getWidth()).isEqualTo(3 * 8 + 2 * 2);
    }
}
