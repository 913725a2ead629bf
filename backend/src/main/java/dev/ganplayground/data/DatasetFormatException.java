package dev.ganplayground.data;

import java.nio.file.Path;

/** A dataset file exists but cannot be used: wrong magic, impossible header, truncated or unreadable data. */
public final class DatasetFormatException extends RuntimeException {
    private final transient Path file;

    public DatasetFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public DatasetFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The offending file. */
    public Path file() {
        return file;
    }
}
