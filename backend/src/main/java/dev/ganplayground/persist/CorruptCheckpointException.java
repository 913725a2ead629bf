package dev.ganplayground.persist;

/** A checkpoint file that cannot be trusted: truncated, wrong checksum, unknown version or missing content. */
public final class CorruptCheckpointException extends RuntimeException {
    public CorruptCheckpointException(String message) {
        super(message);
    }

    public CorruptCheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
