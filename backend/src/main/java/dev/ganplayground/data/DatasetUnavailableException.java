package dev.ganplayground.data;

/** A dataset's files are not on this machine; {@link #hint()} says exactly how to get them. */
public final class DatasetUnavailableException extends RuntimeException {
    private final String datasetId;
    private final String hint;

    public DatasetUnavailableException(String datasetId, String reason, String hint) {
        super(reason + "; " + hint);
        this.datasetId = datasetId;
        this.hint = hint;
    }

    public String datasetId() {
        return datasetId;
    }

    /** What the user can do about it, in one sentence. */
    public String hint() {
        return hint;
    }
}
