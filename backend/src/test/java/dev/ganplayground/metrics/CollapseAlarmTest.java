package dev.ganplayground.metrics;

import dev.ganplayground.config.AlarmConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CollapseAlarmTest {
    private static final AlarmConfig DEFAULTS = new AlarmConfig(0.5, 0.5, 1.0, 3);

    /** Feeds (captured, hq) pairs at steps 100, 200, ... and returns the events as "KIND@step". */
    private static List<String> run(CollapseAlarm alarm, int modes, double[][] series) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < series.length; i++) {
            alarm.update(100L * (i + 1), (int) series[i][0], modes, series[i][1])
                    .ifPresent(e -> events.add(e.kind() + "@" + e.step()));
        }
        return events;
    }

    @Test
    @DisplayName("A scripted collapse raises the alarm after 3 checks, and full recovery clears it after 3 more")
    void raisesAndClears() {
        CollapseAlarm alarm = new CollapseAlarm(DEFAULTS);
        List<String> events = run(alarm, 8, new double[][]{
                {8, .9}, {6, .9}, {4, .95}, {3, .97}, {2, .98}, // collapse streak completes at step 500
                {2, .98}, {8, .9}, {8, .9}, {7, .9}, {8, .9}, {8, .9}, {8, .9}, // recovers at step 1200
                {8, .9}});
        assertThat(events).containsExactly("COLLAPSE@500", "RECOVERED@1200");
        assertThat(alarm.raised()).isFalse();
    }

    @Test
    @DisplayName("Few modes with poor samples is not collapse (an untrained generator), and a broken streak restarts")
    void needsHighQualityAndConsecutiveChecks() {
        CollapseAlarm alarm = new CollapseAlarm(DEFAULTS);
        assertThat(run(alarm, 8, new double[][]{{0, 0}, {1, .1}, {2, .2}, {2, .9}, {2, .9}, {5, .9}, {2, .9},
                {2, .9}})).isEmpty();
        assertThat(alarm.update(900, 2, 8, .9)).get().extracting(CollapseAlarm.Event::kind)
                .isEqualTo(CollapseAlarm.Kind.COLLAPSE);
    }

    @Test
    @DisplayName("Thresholds are config: a stricter rule fires where the default does not; live changes apply")
    void thresholdsAreConfig() {
        double[][] fiveOfEight = {{5, .9}, {5, .9}, {5, .9}};
        assertThat(run(new CollapseAlarm(DEFAULTS), 8, fiveOfEight)).isEmpty();
        CollapseAlarm strict = new CollapseAlarm(new AlarmConfig(0.75, 0.5, 1.0, 1));
        assertThat(run(strict, 8, fiveOfEight)).containsExactly("COLLAPSE@100");
        CollapseAlarm live = new CollapseAlarm(DEFAULTS);
        run(live, 8, fiveOfEight);
        live.reconfigure(new AlarmConfig(0.75, 0.5, 1.0, 1));
        assertThat(live.update(400, 5, 8, .9)).isPresent();
    }

    @Test
    @DisplayName("The banner message names the step, the modes and the quality")
    void message() {
        CollapseAlarm.Event e = new CollapseAlarm.Event(CollapseAlarm.Kind.COLLAPSE, 4200, 2, 8, 0.97);
        assertThat(e.message()).isEqualTo("Mode collapse at step 4,200: 2 of 8 modes captured (97% high quality)");
        assertThat(new CollapseAlarm(DEFAULTS).update(100, 0, 0, 1.0)).isEmpty();
    }
}
