package dev.ganplayground.samples;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Encode costs of the image samples: a command, not a test (it asserts nothing). Prints, for an 8x8 grid of 28x28
 * grey images (MNIST digits when env GAN_MNIST_DIR is set, synthetic rings, and uniform noise), render + PNG time
 * and size at several deflate levels, and the time and size of a 300-frame timeline GIF.
 * <pre>
 * mvn -B -o -q test -pl backend -am -Dtest=ImageCodecBench -Dbench=images -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "bench", matches = "images")
class ImageCodecBench {
    private static final ImageGrid GRID = ImageGrid.grid(64, 8, 1, 28, 28);

    @Test
    void run() throws IOException {
        List<String> names = new ArrayList<>();
        List<float[]> sets = new ArrayList<>();
        String dir = System.getenv("GAN_MNIST_DIR");
        if (dir != null && Files.exists(Path.of(dir, "images-idx3-ubyte.gz"))) {
            names.add("mnist");
            sets.add(mnist(Path.of(dir, "images-idx3-ubyte.gz"), 64));
        }
        names.add("rings");
        sets.add(SyntheticImages.rings(64, 1, 28, 1));
        names.add("noise");
        sets.add(SyntheticImages.noise(64, 1, 28, 1));

        System.out.println("| images | deflate level | quality | ms per grid (render + PNG) | bytes |");
        System.out.println("|---|---|---|---|---|");
        for (int s = 0; s < sets.size(); s++) {
            for (float q : new float[]{0f, 0.5f, 0.75f, 1f}) {
                float[] images = sets.get(s);
                int bytes = 0;
                for (int i = 0; i < 200; i++) { // warm-up
                    bytes = PngCodec.encode(GRID.render(images), q).length;
                }
                int reps = 500;
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    PngCodec.encode(GRID.render(images), q);
                }
                double ms = (System.nanoTime() - t0) / 1e6 / reps;
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.3f | %d |%n", names.get(s),
                        9 - Math.round(9 * q), q, ms, bytes);
            }
        }

        for (int s = 0; s < sets.size(); s++) {
            List<Timeline.Frame> frames = new ArrayList<>();
            float[] base = sets.get(s);
            for (int i = 0; i < 300; i++) {
                float[] drift = base.clone(); // frames differ a little, like successive training frames
                for (int k = i; k < drift.length; k += 97) {
                    drift[k] = -drift[k];
                }
                frames.add(new Timeline.Frame(i + 1, 50L * i, GRID.png(drift), new byte[0]));
            }
            TimelineGif.write(frames.subList(0, 20)); // warm-up
            long t0 = System.nanoTime();
            byte[] gif = TimelineGif.write(frames);
            System.out.printf(Locale.ROOT, "GIF %s: 300 frames, %.0f ms, %d bytes (%.1f KB per frame)%n",
                    names.get(s), (System.nanoTime() - t0) / 1e6, gif.length, gif.length / 300.0 / 1024);
        }
    }

    /** The first n images of an IDX3 file (big-endian header: magic, count, rows, cols; then bytes), in [-1, 1]. */
    private static float[] mnist(Path gz, int n) throws IOException {
        try (InputStream raw = new GZIPInputStream(Files.newInputStream(gz));
             DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readInt();
            int pixels = in.readInt() * in.readInt();
            byte[] b = new byte[n * pixels];
            in.readFully(b);
            float[] out = new float[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = (b[i] & 0xff) / 127.5f - 1f;
            }
            return out;
        }
    }
}
