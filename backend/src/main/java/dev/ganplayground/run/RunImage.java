package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.CollapseAlarm;
import dev.ganplayground.training.TrainerState;

import java.util.List;
import java.util.Map;

/**
 * What a checkpoint keeps of a run: enough to train on and to show a viewer after a restart what they saw before.
 *
 * @param runId    the run's id
 * @param presetId the preset it was made from
 * @param owner    the owner's user id (a hash, never a token), or null
 * @param state    its state when saved (running runs come back running, queued ones paused)
 * @param reason   why it was in that state, or null
 * @param config   the config in force
 * @param trainer  networks, optimizers and step; null when the run never got an engine (a failed setup)
 * @param train    the train metric history, columnar
 * @param eval     the eval metric history, columnar
 * @param alarms   every alarm event since the last reset
 * @param modes    the newest per-mode histogram, or null
 * @param classes  the newest class histogram, or null
 */
record RunImage(String runId, String presetId, String owner, RunState state, String reason, RunConfig config,
                TrainerState trainer, Map<String, List<Double>> train, Map<String, List<Double>> eval, List<CollapseAlarm.Event> alarms,
                ModesSnapshot modes, ClassesSnapshot classes) {
    /** The step saved (0 without a trainer). */
    long step() {
        return trainer == null ? 0 : trainer.step();
    }
}
