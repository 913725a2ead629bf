package dev.ganplayground.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Fair admission to training: at most {@code max} runs train at once; a run started beyond that waits in a FIFO
 * queue and is told its position, and the head of the queue is admitted as soon as a training run pauses, stops
 * or fails. Runs call in from their own threads ({@link RunStates} asks on Start and leaves on any state other than
 * running or queued); the answers go back to runs as commands, so a run's state still only changes on its thread.
 */
final class TrainingSlots {
    private final int max;
    private final Set<Run> holders = new HashSet<>();
    private final Deque<Run> queue = new ArrayDeque<>();

    TrainingSlots(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max training runs must be >= 1, found " + max);
        }
        this.max = max;
    }

    /** Unlimited (for callers that do not configure a limit). */
    static TrainingSlots unlimited() {
        return new TrainingSlots(Integer.MAX_VALUE);
    }

    /** 0 when {@code run} holds a slot (now or already), else its 1-based position in the queue. */
    synchronized int request(Run run) {
        if (holders.contains(run)) {
            return 0;
        }
        int position = 1;
        for (Run r : queue) {
            if (r == run) {
                return position;
            }
            position++;
        }
        if (holders.size() < max) {
            holders.add(run);
            return 0;
        }
        queue.addLast(run);
        return queue.size();
    }

    /** True when {@code run} was admitted (its {@link RunCommand.Admit} may be on its way). */
    synchronized boolean holds(Run run) {
        return holders.contains(run);
    }

    /** {@code run} neither trains nor waits any more: its slot goes to the head of the queue. Idempotent. */
    synchronized void leave(Run run) {
        boolean held = holders.remove(run);
        boolean waited = queue.remove(run);
        while (holders.size() < max && !queue.isEmpty()) {
            Run next = queue.pollFirst();
            holders.add(next);
            next.submit(new RunCommand.Admit());
        }
        if (held || waited) {
            int position = 1;
            for (Run r : queue) {
                r.submit(new RunCommand.QueuePosition(position++));
            }
        }
    }

    /** Runs holding a slot. */
    synchronized int training() {
        return holders.size();
    }

    /** Runs waiting, in order. */
    synchronized int waiting() {
        return queue.size();
    }
}
