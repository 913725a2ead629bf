package dev.ganplayground.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.metrics.CollapseAlarm;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;

import java.util.List;
import java.util.Map;

/**
 * Publishes a run's outputs on the event bus as ready-to-send wire messages: each text event is encoded to JSON
 * once here, on the run's thread, however many viewers receive it. The socket side only adds its {@code seq}.
 */
final class EventBusPublisher implements RunListener {
    private final EventBus bus;

    EventBusPublisher(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void onState(Run run, RunState state, long step, String reason) {
        ObjectNode payload = Json.MAPPER.createObjectNode().put("state", state.wire()).put("step", step);
        if (reason != null) {
            payload.put("reason", reason);
        }
        if (state == RunState.QUEUED) {
            payload.put("position", run.queuePosition());
        }
        publish(run, "state", payload);
    }

    @Override
    public void onConfig(Run run, RunConfig config, boolean rebuilt) {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.set("config", Json.MAPPER.valueToTree(config));
        payload.put("rebuilt", rebuilt);
        publish(run, "config", payload);
    }

    @Override
    public void onReset(Run run) {
        publish(run, "reset", Json.MAPPER.createObjectNode().put("step", run.step()));
    }

    @Override
    public void onMetrics(Run run, String group, Map<String, List<Double>> columns) {
        // serverTime (epoch ms) lets a client measure how long a live row took to reach it; history has none.
        publish(run, "metrics", metricsPayload(group, columns).put("serverTime", System.currentTimeMillis()));
    }

    @Override
    public void onModes(Run run, ModesSnapshot modes) {
        publish(run, "modes", modesPayload(modes));
    }

    @Override
    public void onAlarm(Run run, CollapseAlarm.Event event) {
        publish(run, "alarm", alarmPayload(event));
    }

    @Override
    public void onClasses(Run run, ClassesSnapshot classes) {
        publish(run, "classes", classesPayload(classes));
    }

    @Override
    public void onProgress(Run run, Progress progress) {
        publish(run, "progress", progressPayload(progress));
    }

    static ObjectNode classesPayload(ClassesSnapshot c) {
        ObjectNode p = Json.MAPPER.createObjectNode().put("step", c.step()).put("samples", c.samples())
                .put("classifierAccuracy", c.classifierAccuracy());
        ArrayNode counts = p.putArray("counts");
        for (int n : c.counts()) {
            counts.add(n);
        }
        ArrayNode labels = p.putArray("labels");
        c.labels().forEach(labels::add);
        return p;
    }

    static ObjectNode progressPayload(Progress p) {
        return Json.MAPPER.createObjectNode().put("task", p.task()).put("message", p.message())
                .put("fraction", p.fraction()).put("done", p.done());
    }

    static ObjectNode modesPayload(ModesSnapshot m) {
        ObjectNode p = Json.MAPPER.createObjectNode().put("step", m.step()).put("samples", m.samples());
        ArrayNode counts = p.putArray("counts");
        for (int c : m.counts()) {
            counts.add(c);
        }
        ArrayNode centres = p.putArray("centres");
        for (float c : m.centres()) {
            centres.add(c);
        }
        return p;
    }

    static ObjectNode alarmPayload(CollapseAlarm.Event e) {
        return Json.MAPPER.createObjectNode().put("kind", e.kind().name().toLowerCase()).put("step", e.step())
                .put("captured", e.captured()).put("modes", e.modes()).put("hqFraction", e.hqFraction())
                .put("message", e.message());
    }

    @Override
    public void onFrame(Run run, byte[] frame) {
        bus.publish(RunAddresses.frames(run.id()), Buffer.buffer(frame));
    }

    /** The payload of a {@code metrics} message; NaN (not measured) goes out as null. */
    static ObjectNode metricsPayload(String group, Map<String, List<Double>> columns) {
        ObjectNode payload = Json.MAPPER.createObjectNode().put("group", group);
        ObjectNode cols = payload.putObject("columns");
        columns.forEach((name, values) -> {
            ArrayNode a = cols.putArray(name);
            for (Double v : values) {
                if (v == null || !Double.isFinite(v)) {
                    a.addNull();
                } else if (name.equals("step")) {
                    a.add(v.longValue());
                } else {
                    a.add(v);
                }
            }
        });
        return payload;
    }

    static String envelope(String type, String runId, ObjectNode payload) {
        ObjectNode env = Json.MAPPER.createObjectNode().put("type", type).put("runId", runId);
        env.set("payload", payload);
        return env.toString();
    }

    /** Bodies are "eventNo|envelope": the number lets a new viewer skip what its snapshot already holds. */
    private void publish(Run run, String type, ObjectNode payload) {
        bus.publish(RunAddresses.events(run.id()), run.eventNo() + "|" + envelope(type, run.id(), payload));
    }
}
