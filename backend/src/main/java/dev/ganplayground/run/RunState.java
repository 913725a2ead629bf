package dev.ganplayground.run;

/**
 * Life cycle of a run. {@code QUEUED}: started, waiting for a training slot (GAN_MAX_TRAINING; see
 * {@link TrainingSlots}). {@code STOPPED} and {@code FAILED} (an internal error; the reason says which) are terminal:
 * the run thread has ended and the run can only be deleted. A non-finite loss is not a failure: the run pauses.
 */
public enum RunState {
    CREATED, RUNNING, PAUSED, STOPPED, FAILED, QUEUED;

    /** True once the run's thread has ended. */
    public boolean terminal() {
        return this == STOPPED || this == FAILED;
    }

    /** The wire name (lower case). */
    public String wire() {
        return name().toLowerCase();
    }
}
