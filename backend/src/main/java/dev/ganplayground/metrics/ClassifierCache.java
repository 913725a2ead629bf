package dev.ganplayground.metrics;

import dev.ganplayground.data.ImageDataset;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk cache of trained {@link ImageClassifier}s: one file per dataset id and content fingerprint, named
 * {@code classifier-<id>-<fingerprint>.bin}. Big-endian: a magic, {@link #FORMAT_VERSION}, the training recipe
 * (so changing any training constant retrains), the dataset id and fingerprint, the sizes, the parameters, the
 * test accuracy, the real feature statistics, and a CRC-32 of everything before it. Any mismatch or damage makes
 * {@link #read} return null (and the caller retrain); files are written to a temporary name and renamed, so a
 * reader never sees half a file.
 */
final class ClassifierCache {
    static final int FORMAT_VERSION = 1;
    private static final long MAGIC = 0x47414e50434c5346L; // "GANPCLSF"
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierCache.class);

    private ClassifierCache() {
    }

    /** Everything that decides the trained weights, besides the data. */
    static String recipe() {
        return "mlp-" + ClassifierNet.HIDDEN + "-" + ClassifierNet.FEATURES + " seed=" + ClassifierTraining.SEED
                + " batch=" + ClassifierTraining.BATCH + " epochs=" + ClassifierTraining.EPOCHS + " maxSteps="
                + ClassifierTraining.MAX_STEPS + " lr=" + ClassifierTraining.LEARNING_RATE + " shift="
                + ClassifierTraining.MAX_SHIFT + " adam-cosine";
    }

    static Path file(Path dir, String datasetId, long fingerprint) {
        return dir.resolve("classifier-" + datasetId.replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                + Long.toHexString(fingerprint) + ".bin");
    }

    /** The cached classifier of {@code ds}, or null when there is none or it does not fit this data and recipe. */
    static ImageClassifier read(Path dir, ImageDataset ds) {
        if (dir == null) {
            return null;
        }
        Path file = file(dir, ds.id(), ds.fingerprint());
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readLong() != MAGIC || in.readInt() != FORMAT_VERSION || !in.readUTF().equals(recipe())
                    || !in.readUTF().equals(ds.id()) || in.readLong() != ds.fingerprint()
                    || in.readInt() != ds.imageSize() || in.readInt() != ds.classCount()) {
                LOG.info("Classifier cache {} is for other data or another recipe; retraining", file);
                return null;
            }
            int count = in.readInt();
            if (count != ClassifierNet.parameterCount(ds.imageSize(), ds.classCount())) {
                return null;
            }
            float[] params = new float[count];
            for (int i = 0; i < count; i++) {
                params[i] = in.readFloat();
            }
            double accuracy = in.readDouble();
            int dim = in.readInt();
            int n = in.readInt();
            if (dim != ClassifierNet.FEATURES) {
                return null;
            }
            double[] mean = readDoubles(in, dim);
            double[] cov = readDoubles(in, dim * dim);
            long expected = crc.getValue();
            if (in.readLong() != expected || raw.read() >= 0) {
                LOG.warn("Classifier cache {} is damaged (checksum); retraining", file);
                return null;
            }
            return new ImageClassifier(ds.id(), ds.fingerprint(), ds.imageSize(), ds.classCount(), params, accuracy,
                    new GaussianStats(dim, mean, cov, n));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Classifier cache {} cannot be read ({}); retraining", file, e.toString());
            return null;
        }
    }

    /** Writes {@code c} atomically; failures are logged, not thrown (the cache is an optimisation). */
    static void write(Path dir, ImageClassifier c) {
        if (dir == null) {
            return;
        }
        Path file = file(dir, c.datasetId(), c.fingerprint());
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                CRC32 crc = new CRC32();
                DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
                out.writeLong(MAGIC);
                out.writeInt(FORMAT_VERSION);
                out.writeUTF(recipe());
                out.writeUTF(c.datasetId());
                out.writeLong(c.fingerprint());
                out.writeInt(c.inputSize());
                out.writeInt(c.classCount());
                float[] params = c.parameters();
                out.writeInt(params.length);
                for (float p : params) {
                    out.writeFloat(p);
                }
                out.writeDouble(c.testAccuracy());
                GaussianStats s = c.realFeatureStats();
                out.writeInt(s.dim());
                out.writeInt(s.n());
                writeDoubles(out, s.mean());
                writeDoubles(out, s.cov());
                out.flush();
                out.writeLong(crc.getValue());
                out.flush();
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot write the classifier cache {} ({}); it will be retrained next time", file, e.toString());
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Nothing more to do: a stray .tmp file is harmless.
                }
            }
        }
    }

    private static double[] readDoubles(DataInputStream in, int n) throws IOException {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
        return a;
    }

    private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
        for (double v : a) {
            out.writeDouble(v);
        }
    }
}
