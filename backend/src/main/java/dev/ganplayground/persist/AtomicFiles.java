package dev.ganplayground.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Crash-safe file replacement: write a temp file in the same folder, fsync it, rename it over the target
 * atomically, fsync the folder (shared/RELIABILITY.md 5.2; the sequence of Kafka's
 * {@code Utils.atomicMoveWithFallback} plus {@code flushDir}, but without its non-atomic fallback: a filesystem
 * that cannot rename atomically fails the write instead). After a crash the target is either the old file or the
 * new one, never a mix.
 */
public final class AtomicFiles {
    /** Prefix of temp files; anything with it is debris of an interrupted write and may be deleted. */
    public static final String TEMP_PREFIX = ".tmp-";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes} atomically and durably. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the runs folder's filesystem cannot rename atomically: " + dir, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /**
     * Makes a rename in {@code dir} durable. Some platforms (Windows) cannot open a folder for fsync; there the
     * rename is as durable as the OS makes it, which is all one can have.
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not supported here: see above.
        }
    }
}
