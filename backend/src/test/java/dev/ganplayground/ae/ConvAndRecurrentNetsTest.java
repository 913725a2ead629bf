package dev.ganplayground.ae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ganplayground.config.ActivationKind;
import dev.ganplayground.config.AutoencoderConfig;
import dev.ganplayground.config.AutoencoderKind;
import dev.ganplayground.config.ExperimentKind;
import dev.ganplayground.data.ImageDataset;
import dev.ganplayground.data.ImageDatasets;
import dev.ganplayground.data.ShapesDataset;
import dev.ganplayground.nn.FloatVec;
import dev.ganplayground.nn.GradCheck;
import dev.ganplayground.nn.Sequential;
import dev.ganplayground.training.RealSource.SampleShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ConvNets and RecurrentNets: widths, parameter counts, a whole-network gradient check, and that they learn. */
class ConvAndRecurrentNetsTest {
    private static final SampleShape DIGIT = new SampleShape(1, 28, 28);
    private static final AutoencoderConfig CONV = config(AutoencoderKind.CONV, 32, 256, ActivationKind.RELU);
    private static final AutoencoderConfig RECURRENT = config(AutoencoderKind.RECURRENT, 32, 64,
            ActivationKind.RELU);

    static AutoencoderConfig config(AutoencoderKind kind, int code, int hidden, ActivationKind activation) {
        return new AutoencoderConfig(kind, code, List.of(hidden), activation, false, false, 1_000,
                ExperimentKind.NONE, 100);
    }

    @Test
    @DisplayName("ConvNets: 1x28x28 <-> code 32 through 32x14x14 and 64x7x7, with the documented parameter counts")
    void convShapes() {
        AutoencoderConfig c = config(AutoencoderKind.CONV, 32, 256, ActivationKind.RELU);
        try (Sequential enc = ConvNets.encoder(DIGIT, c, 4); Sequential dec = ConvNets.decoder(DIGIT, c, 4)) {
            assertThat(enc.inputWidth()).isEqualTo(784);
            assertThat(enc.outputWidth()).isEqualTo(32);
            assertThat(dec.inputWidth()).isEqualTo(32);
            assertThat(dec.outputWidth()).isEqualTo(784);
            assertThat(enc.layers().get(0).outputWidth()).isEqualTo(32 * 14 * 14);
            assertThat(enc.layers().get(2).outputWidth()).isEqualTo(64 * 7 * 7);
            // conv 16*1*32 + 32, conv 16*32*64 + 64, dense 3136*32 + 32
            assertThat(enc.parameterCount()).isEqualTo(544 + 32_832 + 100_384);
            // dense 32*3136 + 3136, deconv 16*64*32 + 32, deconv 16*32*1 + 1
            assertThat(dec.parameterCount()).isEqualTo(103_488 + 32_800 + 513);
        }
        assertThatThrownBy(() -> ConvNets.encoder(new SampleShape(3, 1, 1), c, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("RecurrentNets: 28 rows of 28 <-> code 32 with state 128, with the documented parameter counts")
    void recurrentShapes() {
        AutoencoderConfig c = config(AutoencoderKind.RECURRENT, 32, 128, ActivationKind.RELU);
        try (Sequential enc = RecurrentNets.encoder(DIGIT, c, 4);
             Sequential dec = RecurrentNets.decoder(DIGIT, c, 4)) {
            assertThat(enc.inputWidth()).isEqualTo(784);
            assertThat(enc.outputWidth()).isEqualTo(32);
            assertThat(dec.inputWidth()).isEqualTo(32);
            assertThat(dec.outputWidth()).isEqualTo(784);
            // GRU 3*128*(28 + 128 + 2), dense 128*32 + 32
            assertThat(enc.parameterCount()).isEqualTo(60_672 + 4_128).isEqualTo(64_800);
            // dense 32*128 + 128, GRU 3*128*(128 + 128 + 2), time-distributed dense 128*28 + 28
            assertThat(dec.parameterCount()).isEqualTo(4_224 + 99_072 + 3_612).isEqualTo(106_908);
        }
        assertThatThrownBy(() -> RecurrentNets.encoder(new SampleShape(3, 28, 28), c, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("Both factories' layers work again after their network is closed and they join another network")
    void layersSurviveRebinding() {
        // The autoencoder arms take a factory's layers, close its network, and bind them into their own.
        SplittableRandom rng = new SplittableRandom(43);
        float[] x = new float[3 * DIGIT.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-1, 1);
        }
        for (AutoencoderConfig c : List.of(CONV, RECURRENT)) {
            boolean conv = c.kind() == AutoencoderKind.CONV;
            Sequential enc = conv ? ConvNets.encoder(DIGIT, c, 2) : RecurrentNets.encoder(DIGIT, c, 2);
            Sequential dec = conv ? ConvNets.decoder(DIGIT, c, 2) : RecurrentNets.decoder(DIGIT, c, 2);
            List<dev.ganplayground.nn.Layer> encLayers = enc.layers();
            List<dev.ganplayground.nn.Layer> decLayers = dec.layers();
            enc.close();
            dec.close();
            Sequential enc2 = new Sequential(encLayers, 3);
            Sequential dec2 = new Sequential(decLayers, 3);
            enc2.initialize(rng);
            dec2.initialize(rng);
            try (ReconstructionLoop loop = new ReconstructionLoop(enc2, dec2, 3, 1e-3)) {
                double first = loop.step(x, 3);
                assertThat(first).isBetween(0.1, 4.0);
                assertThat(loop.mse(x, 3)).isLessThan(first);
            }
        }
    }

    @Test
    @DisplayName("RecurrentNets: the whole autoencoder's parameter gradients match central differences")
    void recurrentAutoencoderGradients() {
        SampleShape small = new SampleShape(1, 4, 3);
        AutoencoderConfig c = config(AutoencoderKind.RECURRENT, 2, 3, ActivationKind.TANH);
        SplittableRandom rng = new SplittableRandom(41);
        int rows = 2;
        float[] x = new float[rows * small.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-1, 1);
        }
        Sequential enc = RecurrentNets.encoder(small, c, rows, rng);
        Sequential dec = RecurrentNets.decoder(small, c, rows, rng);
        try (ReconstructionLoop loop = new ReconstructionLoop(enc, dec, rows, 0)) {
            loop.mse(x, rows);
            // Adam at learning rate 0 leaves the parameters alone; step() only fills the gradients here.
            loop.step(x, rows);
            for (Sequential net : List.of(enc, dec)) {
                double err = GradCheck.maxRelativeError(net.parameters(), net.gradients().toArray(),
                        () -> loop.mse(x, rows), 1e-3, 1e-3);
                assertThat(err).isLessThan(2e-2);
            }
        }
    }

    @Test
    @DisplayName("ConvNets: 200 steps on shapes reconstruct held-out shapes far better than their mean image")
    void convLearnsShapes() {
        double[] mse = train(CONV, ShapesDataset.generate(7, 2_000), 200, 1e-3);
        assertLearned(mse, 0.5); // measured 0.072 against a mean image's 0.227
    }

    @Test
    @DisplayName("RecurrentNets: 300 steps on shapes reconstruct held-out shapes better than their mean image")
    void recurrentLearnsShapes() {
        double[] mse = train(RECURRENT, ShapesDataset.generate(8, 2_000), 300, 3e-3);
        // Measured 0.157 against a mean image's 0.210: the 28-step GRU learns more slowly than the conv net (its
        // gradient to the first rows is ~1e-4 of the last rows' at init).
        assertLearned(mse, 0.85);
    }

    @Test
    @DisplayName("ConvNets: 200 steps on MNIST reconstruct held-out digits far better than their mean image")
    void convLearnsMnist() {
        assertLearned(train(CONV, mnist(), 200, 1e-3), 0.5); // measured 0.081 against a mean image's 0.262
    }

    @Test
    @DisplayName("RecurrentNets: 450 steps on MNIST reconstruct held-out digits better than their mean image")
    void recurrentLearnsMnist() {
        assertLearned(train(RECURRENT, mnist(), 450, 3e-3), 0.92); // measured 0.222 against 0.262
    }

    /** MNIST from GAN_MNIST_DIR; skips the test when it is not set. */
    private static ImageDataset mnist() {
        String dir = System.getenv(ImageDatasets.MNIST_ENV);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "GAN_MNIST_DIR not set");
        return ImageDatasets.fromEnvironment().load(ImageDatasets.MNIST, null);
    }

    /** The error fell below a quarter of the untrained net's and below {@code share} of the mean image's. */
    private static void assertLearned(double[] mse, double share) {
        assertThat(mse[1]).isLessThan(0.25 * mse[0]);
        assertThat(mse[1]).isLessThan(share * mse[2]);
    }

    /**
     * The error of the held-out inputs' own mean image: the best an output that ignores its input can do (the blank
     * background alone already halves the error of an untrained net's grey output).
     */
    private static double meanImageError(float[] x, int n, int width) {
        double sum = 0;
        for (int k = 0; k < width; k++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * width + k];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                double d = x[i * width + k] - mean;
                sum += d * d;
            }
        }
        return sum / ((double) n * width);
    }

    /**
     * Held-out error before and after {@code steps} steps of batch 32 (Adam at {@code lr}, seed fixed), and the
     * {@link #meanImageError} of the held-out inputs.
     */
    private static double[] train(AutoencoderConfig c, ImageDataset data, int steps, double lr) {
        boolean conv = c.kind() == AutoencoderKind.CONV;
        int batch = 32;
        int held = 64;
        SampleShape shape = new SampleShape(1, data.height(), data.width());
        SplittableRandom rng = new SplittableRandom(42);
        Sequential enc = conv ? ConvNets.encoder(shape, c, held, rng) : RecurrentNets.encoder(shape, c, held, rng);
        Sequential dec = conv ? ConvNets.decoder(shape, c, held, rng) : RecurrentNets.decoder(shape, c, held, rng);
        float[] test = new float[held * shape.size()];
        for (int i = 0; i < held; i++) {
            data.copyImage(data.trainCount() + i, test, i * shape.size());
        }
        float[] x = new float[batch * shape.size()];
        try (ReconstructionLoop loop = new ReconstructionLoop(enc, dec, held, lr)) {
            double before = loop.mse(test, held);
            for (int s = 0; s < steps; s++) {
                data.sample(rng, x, 0, batch);
                loop.step(x, batch);
            }
            double after = loop.mse(test, held);
            double floor = meanImageError(test, held, shape.size());
            System.out.printf("%s %s: held-out MSE %.4f -> %.4f (mean image %.4f)%n", c.kind(), data.id(), before,
                    after, floor);
            return new double[]{before, after, floor};
        }
    }
}
