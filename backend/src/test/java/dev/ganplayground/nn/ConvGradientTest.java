package dev.ganplayground.nn;

import static dev.ganplayground.nn.LayerRig.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conv2d, ConvTranspose2d and BatchNorm backward passes against central differences of sum(r * y). */
class ConvGradientTest {

    @ParameterizedTest(name = "{0}->{1} channels, {2}x{3}, k{4} s{5} p{6}, {7} rows")
    @CsvSource({
            "1, 2, 6, 6, 4, 2, 1, 1",
            "3, 2, 6, 6, 4, 2, 1, 3",
            "2, 3, 5, 7, 3, 1, 1, 3",
            "2, 2, 7, 7, 4, 2, 1, 3",  // 7 + 2 - 4 is odd: input-only gradients fall back to conv2d_bp
            "2, 1, 5, 5, 3, 2, 0, 1"})
    @DisplayName("Conv2d: input, weight and bias gradients match central differences")
    void conv2dGradients(int inC, int outC, int h, int w, int k, int s, int pad, int rows) {
        assertGradients(() -> new Conv2d(inC, outC, h, w, new ConvGeometry(k, s, pad)), rows, 11);
    }

    @ParameterizedTest(name = "{0}->{1} channels, {2}x{3}, k{4} s{5} p{6}, {7} rows")
    @CsvSource({
            "1, 2, 3, 3, 4, 2, 1, 1",
            "3, 1, 3, 3, 4, 2, 1, 3",
            "2, 3, 4, 5, 3, 1, 1, 3",
            "2, 2, 2, 3, 3, 2, 0, 1",
            "2, 1, 4, 4, 4, 2, 1, 4"})
    @DisplayName("ConvTranspose2d: input, weight and bias gradients match central differences")
    void deconvGradients(int inC, int outC, int h, int w, int k, int s, int pad, int rows) {
        assertGradients(() -> new ConvTranspose2d(inC, outC, h, w, new ConvGeometry(k, s, pad)), rows, 12);
    }

    @ParameterizedTest(name = "{0} channels of {1}, {2} rows, groups of {3}")
    @CsvSource({
            "1, 4, 3, 0",
            "3, 5, 3, 0",
            "4, 1, 6, 0",   // after a Dense layer: features are channels
            "2, 3, 6, 3",   // two groups (D's real and fake halves)
            "2, 4, 5, 2"})  // a shorter last group
    @DisplayName("BatchNorm: input, gamma and beta gradients match central differences")
    void batchNormGradients(int channels, int spatial, int rows, int groupRows) {
        assertGradients(() -> {
            BatchNorm bn = new BatchNorm(channels, spatial);
            bn.setGroupRows(groupRows);
            return bn;
        }, rows, 13);
    }

    @Test
    @DisplayName("BatchNorm normalises each group of rows on its own")
    void batchNormGroups() {
        BatchNorm bn = new BatchNorm(1, 2);
        try (LayerRig rig = new LayerRig(bn, 4, new SplittableRandom(14))) {
            rig.p.set(0, 1f);
            rig.p.set(1, 0f);
            float[] x = {0, 2, 4, 6, 100, 102, 104, 106};
            rig.x.copyFrom(x, 0, 0, x.length);
            bn.setGroupRows(2);
            bn.forward(rig.x, rig.y, 4);
            float[] y = rig.y.toArray();
            // Each half is {a, a+2, a+4, a+6}: mean a+3, variance 5.
            for (int half = 0; half < 2; half++) {
                for (int i = 0; i < 4; i++) {
                    assertThat(y[half * 4 + i]).isCloseTo((float) ((2 * i - 3) / Math.sqrt(5 + 1e-5)),
                            org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"conv", "conv-fallback", "deconv"})
    @DisplayName("input-only backward gives the full pass's dx and leaves parameter gradients untouched")
    void inputOnlyBackward(String which) {
        Layer layer = switch (which) {
            case "conv" -> new Conv2d(2, 3, 6, 6, ConvGeometry.DCGAN);
            case "conv-fallback" -> new Conv2d(2, 3, 7, 7, ConvGeometry.DCGAN);
            default -> new ConvTranspose2d(3, 2, 3, 3, ConvGeometry.DCGAN);
        };
        try (LayerRig rig = new LayerRig(layer, 3, new SplittableRandom(15));
             FloatVec dxOnly = FloatVec.allocate(rig.dx.length())) {
            layer.forward(rig.x, rig.y, 3);
            layer.backward(rig.x, rig.y, rig.dy, rig.dx, 3, true);
            float[] full = rig.dx.toArray();
            rig.gp.fill(7f);
            layer.backward(rig.x, rig.y, rig.dy, dxOnly, 3, false);
            assertThat(rig.gp.toArray()).containsOnly(7f);
            float[] only = dxOnly.toArray();
            for (int i = 0; i < full.length; i++) {
                assertThat(only[i]).isCloseTo(full[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
            // No input gradient and no parameter gradients: nothing to do, nothing written.
            dxOnly.fill(7f);
            layer.backward(rig.x, rig.y, rig.dy, null, 3, false);
            assertThat(rig.gp.toArray()).containsOnly(7f);
            // Parameter gradients without dx (a first layer; Conv2d's own im2col path): the same as with dx.
            layer.backward(rig.x, rig.y, rig.dy, rig.dx, 3, true);
            float[] withDx = rig.gp.toArray();
            rig.gp.fill(7f);
            layer.backward(rig.x, rig.y, rig.dy, null, 3, true);
            float[] without = rig.gp.toArray();
            for (int i = 0; i < withDx.length; i++) {
                assertThat(without[i]).isCloseTo(withDx[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    @DisplayName("a conv layer re-binds correctly when rows and buffers change between calls")
    void changingRowsAndBuffers() {
        SplittableRandom rng = new SplittableRandom(16);
        Conv2d layer = new Conv2d(1, 2, 4, 4, ConvGeometry.DCGAN);
        try (LayerRig rig = new LayerRig(layer, 3, rng);
             FloatVec x1 = FloatVec.allocate(layer.inputWidth());
             FloatVec y1 = FloatVec.allocate(layer.outputWidth())) {
            layer.forward(rig.x, rig.y, 3);
            float[] three = rig.y.toArray();
            // Row 1 of the 3-row batch, alone in other buffers, gives row 1's output.
            x1.copyFrom(rig.x, layer.inputWidth(), 0, layer.inputWidth());
            layer.forward(x1, y1, 1);
            for (int i = 0; i < layer.outputWidth(); i++) {
                assertThat(y1.get(i)).isEqualTo(three[layer.outputWidth() + i]);
            }
            // And back to the first binding.
            layer.forward(rig.x, rig.y, 3);
            assertThat(rig.y.toArray()).containsExactly(three);
        }
    }
}
