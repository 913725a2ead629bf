package dev.ganplayground.run;

import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.CollapseAlarm;

import java.util.List;
import java.util.Map;

/**
 * What a viewer joining a run needs, taken atomically with the run's event publication.
 *
 * @param eventNo the run's published events included here: a live event with a higher number is new
 * @param state   state
 * @param reason  why the run is in that state (a failure, a divergence), or null
 * @param step    step counter
 * @param config  config in force
 * @param train   train metric history from the requested step, columnar
 * @param eval    eval metric history from the requested step, columnar
 * @param alarms  every alarm event since the last reset, in order
 * @param modes   the newest per-mode histogram, or null
 * @param classes the newest class histogram of an image run, or null
 * @param progress the first-use task under way (dataset, classifier), or null
 */
record RunSnapshot(long eventNo, RunState state, String reason, long step, RunConfig config, Map<String, List<Double>> train,
                   Map<String, List<Double>> eval, List<CollapseAlarm.Event> alarms, ModesSnapshot modes,
                   ClassesSnapshot classes, Progress progress) {
}
