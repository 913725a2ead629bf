package dev.ganplayground.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;

/** Test helpers: write small IDX files, and find the shared MNIST and the Fashion-MNIST folders. */
final class IdxTestFiles {
    private IdxTestFiles() {
    }

    /** Writes an IDX file: magic, the sizes, then {@code data}; gzip-compressed when {@code gzip}. */
    static Path write(Path file, int magic, int[] sizes, byte[] data, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream sink = gzip ? new GZIPOutputStream(bytes) : bytes;
             DataOutputStream out = new DataOutputStream(sink)) {
            out.writeInt(magic);
            for (int s : sizes) {
                out.writeInt(s);
            }
            out.write(data);
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }

    /** {@code n} images of 28 x 28 whose pixels are (i + k) mod 256, and labels i mod classes, in {@code dir}. */
    static void writeSet(Path dir, String prefix, int n, int classes, boolean gzip) throws IOException {
        byte[] pixels = new byte[n * 784];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (k / 784 + k);
        }
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % classes);
        }
        String ext = gzip ? ".gz" : "";
        write(dir.resolve(prefix + "images-idx3-ubyte" + ext), IdxReader.IMAGES_MAGIC, new int[] {n, 28, 28}, pixels,
                gzip);
        write(dir.resolve(prefix + "labels-idx1-ubyte" + ext), IdxReader.LABELS_MAGIC, new int[] {n}, labels, gzip);
    }

    /** The shared 10k MNIST folder from GAN_MNIST_DIR; skips the test when it is not set or not there. */
    static Path mnistDir() {
        String dir = System.getenv(ImageDatasets.MNIST_ENV);
        Assumptions.assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "images-idx3-ubyte.gz")),
                "GAN_MNIST_DIR is not set to the shared MNIST 10k folder");
        return Path.of(dir);
    }

    /** The Fashion-MNIST folder (GAN_FASHION_DIR or the Debian default); skips the test when absent. */
    static Path fashionDir() {
        String env = System.getenv(ImageDatasets.FASHION_ENV);
        Path dir = env == null || env.isBlank() ? ImageDatasets.DEFAULT_FASHION_DIR : Path.of(env);
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz")),
                "no Fashion-MNIST files in " + dir);
        return dir;
    }
}
