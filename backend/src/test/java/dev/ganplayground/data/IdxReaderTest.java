package dev.ganplayground.data;

import static dev.ganplayground.data.IdxReader.IMAGES_MAGIC;
import static dev.ganplayground.data.IdxReader.LABELS_MAGIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    /** The first labels of the shared MNIST 10k set, read once and pinned. */
    private static final byte[] FIRST_LABELS = {5, 5, 6, 3, 4, 5, 8, 9, 0, 8, 0, 0, 9, 7, 6, 6, 0, 1, 9, 4};
    private static final int[] CLASS_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    @DisplayName("raw and gzip files read back the same sizes, pixels and labels; progress counts every file byte")
    void roundTrip(boolean gzip) throws IOException {
        IdxTestFiles.writeSet(tmp, "", 5, 3, gzip);
        String ext = gzip ? ".gz" : "";
        Path imagesFile = tmp.resolve("images-idx3-ubyte" + ext);
        AtomicLong read = new AtomicLong();
        IdxReader.Images images = IdxReader.readImages(imagesFile, read::addAndGet);
        byte[] labels = IdxReader.readLabels(tmp.resolve("labels-idx1-ubyte" + ext), null);
        assertThat(images.count()).isEqualTo(5);
        assertThat(images.rows()).isEqualTo(28);
        assertThat(images.cols()).isEqualTo(28);
        assertThat(images.pixels()[784 + 3]).isEqualTo((byte) (1 + 784 + 3));
        assertThat(labels).containsExactly(0, 1, 2, 0, 1);
        assertThat(read.get()).isEqualTo(Files.size(imagesFile));
        assertThat(IdxReader.count(imagesFile)).isEqualTo(5);
    }

    @Test
    @DisplayName("gzip is detected by content: a gzip file without .gz and a raw file named .gz both read")
    void detectsGzipByMagic() throws IOException {
        IdxTestFiles.write(tmp.resolve("a"), LABELS_MAGIC, new int[] {2}, new byte[] {7, 8}, true);
        IdxTestFiles.write(tmp.resolve("b.gz"), LABELS_MAGIC, new int[] {2}, new byte[] {7, 8}, false);
        assertThat(IdxReader.readLabels(tmp.resolve("a"), null)).containsExactly(7, 8);
        assertThat(IdxReader.readLabels(tmp.resolve("b.gz"), null)).containsExactly(7, 8);
    }

    @Test
    @DisplayName("wrong magic: a clear error naming the file")
    void wrongMagic() throws IOException {
        Path f = IdxTestFiles.write(tmp.resolve("x"), 0x12345678, new int[] {1, 28, 28}, new byte[784], true);
        assertThatThrownBy(() -> IdxReader.readImages(f, null)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("not an IDX file");
        // A labels file where images are expected: right format, wrong kind.
        Path labels = IdxTestFiles.write(tmp.resolve("l"), LABELS_MAGIC, new int[] {1}, new byte[1], false);
        assertThatThrownBy(() -> IdxReader.readImages(labels, null)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("1 dimensions, expected 3");
    }

    @Test
    @DisplayName("wrong data type and wrong dimension count are named")
    void wrongTypeOrDimensions() throws IOException {
        Path floats = IdxTestFiles.write(tmp.resolve("f"), 0x00000d03, new int[] {1, 1, 1}, new byte[4], false);
        assertThatThrownBy(() -> IdxReader.readImages(floats, null)).hasMessageContaining("data type 0x0d");
        Path twoDims = IdxTestFiles.write(tmp.resolve("d"), 0x00000802, new int[] {1, 784}, new byte[784], false);
        assertThatThrownBy(() -> IdxReader.readImages(twoDims, null)).hasMessageContaining("2 dimensions");
    }

    @Test
    @DisplayName("raw file shorter or longer than its header says: truncated / trailing bytes")
    void rawLengthMismatch() throws IOException {
        Path shortFile = IdxTestFiles.write(tmp.resolve("s"), IMAGES_MAGIC, new int[] {2, 28, 28}, new byte[784],
                false);
        assertThatThrownBy(() -> IdxReader.readImages(shortFile, null)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("truncated").hasMessageContaining("s:");
        Path longFile = IdxTestFiles.write(tmp.resolve("t"), LABELS_MAGIC, new int[] {2}, new byte[3], false);
        assertThatThrownBy(() -> IdxReader.readLabels(longFile, null)).hasMessageContaining("1 bytes after");
    }

    @Test
    @DisplayName("gzip with too little or too much data: truncated / data after")
    void gzipLengthMismatch() throws IOException {
        Path shortFile = IdxTestFiles.write(tmp.resolve("s.gz"), LABELS_MAGIC, new int[] {10}, new byte[4], true);
        assertThatThrownBy(() -> IdxReader.readLabels(shortFile, null)).hasMessageContaining("truncated");
        Path longFile = IdxTestFiles.write(tmp.resolve("l.gz"), LABELS_MAGIC, new int[] {2}, new byte[5], true);
        assertThatThrownBy(() -> IdxReader.readLabels(longFile, null)).hasMessageContaining("data after");
    }

    @Test
    @DisplayName("hostile headers are refused before any allocation")
    void hostileHeaders() throws IOException {
        Path many = IdxTestFiles.write(tmp.resolve("m"), IMAGES_MAGIC, new int[] {2_000_000, 28, 28}, new byte[0],
                false);
        assertThatThrownBy(() -> IdxReader.readImages(many, null)).hasMessageContaining("2000000 items");
        Path negative = IdxTestFiles.write(tmp.resolve("n"), LABELS_MAGIC, new int[] {-1}, new byte[0], false);
        assertThatThrownBy(() -> IdxReader.readLabels(negative, null)).hasMessageContaining("4294967295 items");
        Path huge = IdxTestFiles.write(tmp.resolve("h"), IMAGES_MAGIC, new int[] {1_000_000, 1024, 1024}, new byte[0],
                false);
        assertThatThrownBy(() -> IdxReader.readImages(huge, null)).hasMessageContaining("more than the");
        // 100k images promised by a gzip file of a few dozen bytes: deflate cannot expand that far.
        Path bomb = IdxTestFiles.write(tmp.resolve("b.gz"), IMAGES_MAGIC, new int[] {100_000, 28, 28}, new byte[0],
                true);
        assertThatThrownBy(() -> IdxReader.readImages(bomb, null)).hasMessageContaining("gzip file can hold");
        Path empty = Files.write(tmp.resolve("e"), new byte[0]);
        assertThatThrownBy(() -> IdxReader.readImages(empty, null)).hasMessageContaining("shorter than an IDX header");
    }

    @Test
    @DisplayName("shared MNIST 10k: 10000 x 28 x 28, golden class counts, pinned first labels and first image")
    void sharedMnistGolden() {
        Path dir = IdxTestFiles.mnistDir();
        IdxReader.Images images = IdxReader.readImages(dir.resolve("images-idx3-ubyte.gz"), null);
        byte[] labels = IdxReader.readLabels(dir.resolve("labels-idx1-ubyte.gz"), null);
        assertThat(images.count()).isEqualTo(10_000);
        assertThat(images.rows()).isEqualTo(28);
        assertThat(labels).hasSize(10_000);
        assertThat(Arrays.copyOf(labels, FIRST_LABELS.length)).containsExactly(FIRST_LABELS);
        int[] counts = new int[10];
        for (byte l : labels) {
            counts[l]++;
        }
        assertThat(counts).containsExactly(CLASS_COUNTS);
        long firstImageSum = 0;
        for (int k = 0; k < 784; k++) {
            firstImageSum += images.pixels()[k] & 0xff;
        }
        assertThat(firstImageSum).isEqualTo(34_832);
    }

    @Test
    @DisplayName("shared MNIST: a truncated copy fails clearly, a decompressed (raw) copy reads the same")
    void sharedMnistTruncatedAndRaw() throws IOException {
        Path src = IdxTestFiles.mnistDir().resolve("images-idx3-ubyte.gz");
        byte[] gz = Files.readAllBytes(src);
        Path cut = Files.write(tmp.resolve("images-idx3-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(cut, null)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("truncated");
        Path raw = tmp.resolve("images-raw");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(src))) {
            Files.write(raw, in.readAllBytes());
        }
        assertThat(IdxReader.readImages(raw, null).pixels()).isEqualTo(IdxReader.readImages(src, null).pixels());
        byte[] rawBytes = Files.readAllBytes(raw);
        Path rawCut = Files.write(tmp.resolve("raw-cut"), Arrays.copyOf(rawBytes, rawBytes.length - 1));
        assertThatThrownBy(() -> IdxReader.readImages(rawCut, null)).hasMessageContaining("truncated");
    }
}
