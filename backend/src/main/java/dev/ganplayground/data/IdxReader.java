package dev.ganplayground.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (LeCun's MNIST format, big-endian): images are magic 2051 (0x00000803: unsigned bytes, 3
 * dimensions) then N, H, W and N*H*W bytes; labels are magic 2049 (0x00000801) then N and N bytes. Gzip is
 * detected by its magic bytes 1f 8b, not by the file name.
 *
 * <p>Every size is checked before anything is allocated, so a hostile or corrupt header gives a
 * {@link DatasetFormatException} naming the file and the problem, never an OutOfMemoryError: at most
 * {@link #MAX_ITEMS} items, sides up to {@link #MAX_SIDE}, {@link #MAX_PIXEL_BYTES} of pixels, and no more than a
 * file of that length can hold (raw: exactly; gzip: deflate's maximum ratio of 1032:1).
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    public static final int MAX_ITEMS = 1_000_000;
    public static final int MAX_SIDE = 1024;
    public static final long MAX_PIXEL_BYTES = 256L << 20;
    /** Deflate cannot expand more than about 1032:1 (zlib technical details), so a gzip file of L bytes holds less. */
    private static final long GZIP_MAX_RATIO = 1032;
    private static final int CHUNK = 1 << 16;

    /** Images of one IDX file: {@code pixels} holds {@code count} images of {@code rows * cols} bytes, row-major. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
    }

    private IdxReader() {
    }

    /**
     * Reads an images file.
     *
     * @param bytesRead told how many bytes of the file were consumed since its last call (for progress); may be null
     */
    public static Images readImages(Path file, LongConsumer bytesRead) {
        try (Source in = open(file, bytesRead)) {
            int[] dims = readHeader(in, file, IMAGES_MAGIC, 3, "images");
            int count = dims[0];
            int rows = dims[1];
            int cols = dims[2];
            if (rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw new DatasetFormatException(file, "image size " + rows + " x " + cols + " is outside 1.."
                        + MAX_SIDE);
            }
            long payload = (long) count * rows * cols;
            if (payload > MAX_PIXEL_BYTES) {
                throw new DatasetFormatException(file, "header promises " + payload + " bytes of pixels, more than the "
                        + MAX_PIXEL_BYTES + " this reader accepts");
            }
            in.checkHolds(16 + payload);
            byte[] pixels = new byte[(int) payload];
            in.readPayload(pixels, "pixel");
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a labels file: one unsigned byte per item (callers check the range they need). */
    public static byte[] readLabels(Path file, LongConsumer bytesRead) {
        try (Source in = open(file, bytesRead)) {
            int count = readHeader(in, file, LABELS_MAGIC, 1, "labels")[0];
            in.checkHolds(8L + count);
            byte[] labels = new byte[count];
            in.readPayload(labels, "label");
            return labels;
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The item count of an images or labels file, from its header only (cheap: no pixel is read). */
    public static int count(Path file) {
        try (Source in = open(file, null)) {
            int magic = in.data.readInt();
            if (magic != IMAGES_MAGIC && magic != LABELS_MAGIC) {
                throw new DatasetFormatException(file, describeMagic(magic, IMAGES_MAGIC, "images or labels"));
            }
            return checkCount(file, in.data.readInt());
        } catch (EOFException e) {
            throw new DatasetFormatException(file, "is shorter than an IDX header", e);
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static int[] readHeader(Source in, Path file, int magic, int dims, String what) throws IOException {
        int found;
        try {
            found = in.data.readInt();
        } catch (EOFException e) {
            throw new DatasetFormatException(file, "is empty or shorter than an IDX header", e);
        }
        if (found != magic) {
            throw new DatasetFormatException(file, describeMagic(found, magic, what));
        }
        int[] sizes = new int[dims];
        try {
            for (int i = 0; i < dims; i++) {
                sizes[i] = in.data.readInt();
            }
        } catch (EOFException e) {
            throw new DatasetFormatException(file, "is truncated inside its header", e);
        }
        checkCount(file, sizes[0]);
        return sizes;
    }

    private static int checkCount(Path file, int count) {
        if (count < 0 || count > MAX_ITEMS) {
            throw new DatasetFormatException(file, "header says " + (count & 0xffffffffL) + " items, outside 0.."
                    + MAX_ITEMS);
        }
        return count;
    }

    private static String describeMagic(int found, int expected, String what) {
        String hex = String.format("0x%08x", found);
        if ((found >>> 16) != 0) {
            return "is not an IDX file (magic " + hex + ", expected " + String.format("0x%08x", expected) + " for "
                    + what + ")";
        }
        int type = (found >>> 8) & 0xff;
        int dims = found & 0xff;
        if (type != 0x08) {
            return "has IDX data type " + String.format("0x%02x", type) + ", expected 0x08 (unsigned byte)";
        }
        return "has " + dims + " dimensions, expected " + (expected & 0xff) + " for " + what + " (magic " + hex + ")";
    }

    private static Source open(Path file, LongConsumer bytesRead) throws IOException {
        long length = Files.size(file);
        Counting counting = new Counting(Files.newInputStream(file), bytesRead);
        BufferedInputStream buffered = new BufferedInputStream(counting, CHUNK);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream in = gzip ? new GZIPInputStream(buffered, CHUNK) : buffered;
        return new Source(file, length, gzip, new DataInputStream(in));
    }

    /** The decoded stream plus what is known about the file, for the size checks. */
    private record Source(Path file, long length, boolean gzip, DataInputStream data) implements AutoCloseable {
        void checkHolds(long total) {
            if (gzip && total > GZIP_MAX_RATIO * length + 1024) {
                throw new DatasetFormatException(file, "header promises " + total + " bytes, more than a " + length
                        + "-byte gzip file can hold");
            }
            if (!gzip && total != length) {
                throw new DatasetFormatException(file, total > length
                        ? "is truncated: header promises " + total + " bytes but the file has " + length
                        : "has " + (length - total) + " bytes after the " + total + " its header promises");
            }
        }

        void readPayload(byte[] into, String what) throws IOException {
            int done = 0;
            try {
                while (done < into.length) {
                    int n = data.read(into, done, Math.min(CHUNK, into.length - done));
                    if (n < 0) {
                        break;
                    }
                    done += n;
                }
            } catch (EOFException | ZipException e) {
                // A cut gzip stream ends in an EOFException from the inflater, a damaged one in a ZipException.
                throw new DatasetFormatException(file, "is truncated or corrupt after " + done + " of " + into.length
                        + " bytes of " + what + " data (" + e.getMessage() + ")", e);
            }
            if (done < into.length) {
                throw new DatasetFormatException(file, "is truncated: " + done + " of " + into.length + " bytes of "
                        + what + " data");
            }
            if (gzip && data.read() >= 0) {
                throw new DatasetFormatException(file, "has data after the " + into.length + " bytes of " + what
                        + " data its header promises");
            }
        }

        @Override
        public void close() throws IOException {
            data.close();
        }
    }

    /** Reports how many bytes of the underlying file were consumed, for progress over compressed files. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer sink;

        Counting(InputStream in, LongConsumer sink) {
            super(in);
            this.sink = sink;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && sink != null) {
                sink.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && sink != null) {
                sink.accept(n);
            }
            return n;
        }
    }
}
