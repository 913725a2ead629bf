package dev.ganplayground.run;

/**
 * A run's state changes and its training slot: a run trains only while it holds one of the {@link TrainingSlots},
 * waits in their queue otherwise, and gives its slot or place back whenever it stops training. States are
 * published through the {@link RunRecord}; changed on the run's thread only.
 */
final class RunStates {
    private final Run run;
    private final RunRecord record;
    private final TrainingSlots slots;
    /** 1-based place in the training queue while QUEUED (written on the run's thread). */
    private volatile int queuePosition;

    RunStates(Run run, RunRecord record, TrainingSlots slots) {
        this.run = run;
        this.record = record;
        this.slots = slots;
    }

    /** The run's 1-based place in the training queue; meaningful while {@link RunState#QUEUED}. */
    int queuePosition() {
        return queuePosition;
    }

    void set(RunState next, String reason) {
        record.state(next, reason);
        if (next != RunState.RUNNING && next != RunState.QUEUED) {
            slots.leave(run); // a slot it held, or its place in the queue, goes to the next run
        }
    }

    /** Asks for a training slot: trains at once with a free one ({@code why}: the reason, or null), or queues. */
    void requestSlot(String why) {
        int position = slots.request(run);
        if (position == 0) {
            set(RunState.RUNNING, why);
        } else {
            queued(position);
        }
    }

    /** The slots admitted the run: a queued run that holds its slot now trains. */
    void admitted() {
        if (record.state() == RunState.QUEUED && slots.holds(run)) {
            set(RunState.RUNNING, null);
        }
    }

    /** The queue moved: a queued run announces its new place. */
    void movedTo(int position) {
        if (record.state() == RunState.QUEUED && position != queuePosition) {
            queued(position);
        }
    }

    private void queued(int position) {
        queuePosition = position;
        set(RunState.QUEUED, "waiting for a training slot: position " + position + " in the queue");
    }
}
