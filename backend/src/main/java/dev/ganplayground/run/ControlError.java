package dev.ganplayground.run;

/**
 * Error codes a control request can fail with, and the HTTP status each maps to. The event-bus failure carries
 * the status as its code and a JSON problem body as its message.
 */
public enum ControlError {
    INVALID_CONFIG(422),
    UNKNOWN_RUN(404),
    UNKNOWN_PRESET(404),
    /** A run exists but the thing asked of it does not (a thinned-out frame, a 2D run's timeline). */
    NOT_FOUND(404),
    ILLEGAL_STATE(409),
    REBUILD_REQUIRED(409),
    TOO_MANY_RUNS(429),
    /** The caller may watch the run but not control it (not its owner, not the admin). */
    FORBIDDEN(403),
    /** A control request without a valid token. */
    UNAUTHORIZED(401),
    INVALID_MESSAGE(400),
    INTERNAL(500);

    private final int status;

    ControlError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String wire() {
        return name().toLowerCase();
    }
}
