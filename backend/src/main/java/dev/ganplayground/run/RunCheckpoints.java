package dev.ganplayground.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.OptimizerKind;
import dev.ganplayground.config.Presets;
import dev.ganplayground.metrics.CollapseAlarm;
import dev.ganplayground.persist.Checkpoint;
import dev.ganplayground.persist.CorruptCheckpointException;
import dev.ganplayground.training.OptimizerState;
import dev.ganplayground.training.TrainerState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a {@link RunImage} to a {@link Checkpoint} and back. Header fields: runId, preset, owner, state, reason,
 * images (real images shown: ProGAN's growth stage), savedAt, config (as the REST API shows it), optimizerG/optimizerD {kind, updates}, alarms, modes, classes. Float arrays:
 * {@code g/params}, {@code d/params}, {@code g/opt/<i>}, {@code d/opt/<i>} (Adam: 0 = m, 1 = v), {@code g/extra}
 * (StyleGAN's W average). Double arrays:
 * {@code train/<metric>} and {@code eval/<metric>}, one per history column.
 */
final class RunCheckpoints {
    /** A lenient reader for our own records (the strict {@link Json#MAPPER} is for requests). */
    private static final ObjectMapper RECORDS = new ObjectMapper();

    private RunCheckpoints() {
    }

    static Checkpoint toCheckpoint(RunImage r) {
        ObjectNode h = RECORDS.createObjectNode();
        h.put("runId", r.runId()).put("preset", r.presetId()).put("state", r.state().name())
                .put("savedAt", Instant.now().toString());
        if (r.reason() != null) {
            h.put("reason", r.reason());
        }
        if (r.owner() != null) {
            h.put("owner", r.owner()); // a user id (a hash), never a token
        }
        h.set("config", Json.MAPPER.valueToTree(r.config()));
        h.set("alarms", RECORDS.valueToTree(r.alarms()));
        if (r.modes() != null) {
            h.set("modes", RECORDS.valueToTree(r.modes()));
        }
        if (r.classes() != null) {
            h.set("classes", RECORDS.valueToTree(r.classes()));
        }
        Map<String, float[]> floats = new LinkedHashMap<>();
        TrainerState t = r.trainer();
        if (t != null) {
            h.put("images", t.images());
            floats.put("g/params", t.generator());
            floats.put("d/params", t.discriminator());
            if (t.generatorExtra() != null) {
                floats.put("g/extra", t.generatorExtra());
            }
            optimizer(h, floats, "g", "optimizerG", t.optimizerG());
            optimizer(h, floats, "d", "optimizerD", t.optimizerD());
        }
        Map<String, double[]> doubles = new LinkedHashMap<>();
        history(doubles, Run.TRAIN, r.train());
        history(doubles, Run.EVAL, r.eval());
        return new Checkpoint(r.step(), h, floats, doubles);
    }

    /**
     * @throws CorruptCheckpointException when the header lacks a field or the config no longer validates
     */
    static RunImage fromCheckpoint(Checkpoint c) {
        ObjectNode h = c.header();
        try {
            RunState state = RunState.valueOf(text(h, "state"));
            JsonNode config = h.get("config");
            if (config == null) {
                throw new CorruptCheckpointException("checkpoint has no config");
            }
            TrainerState trainer = null;
            if (c.floats().containsKey("g/params")) {
                trainer = new TrainerState(c.step(), c.floats("g/params"), c.floats("d/params"),
                        optimizer(h, c, "g", "optimizerG"), optimizer(h, c, "d", "optimizerD"),
                        h.path("images").asLong(0),
                        c.floats().containsKey("g/extra") ? c.floats("g/extra") : null);
            }
            List<CollapseAlarm.Event> alarms = new ArrayList<>();
            for (JsonNode a : h.withArray("alarms")) {
                alarms.add(RECORDS.treeToValue(a, CollapseAlarm.Event.class));
            }
            ModesSnapshot modes = h.has("modes") ? RECORDS.treeToValue(h.get("modes"), ModesSnapshot.class) : null;
            ClassesSnapshot classes = h.has("classes") ? RECORDS.treeToValue(h.get("classes"), ClassesSnapshot.class)
                    : null;
            return new RunImage(text(h, "runId"), text(h, "preset"),
                    h.hasNonNull("owner") ? h.get("owner").asText() : null, state,
                    h.hasNonNull("reason") ? h.get("reason").asText() : null, Presets.resolveSaved(config), trainer,
                    history(c, Run.TRAIN), history(c, Run.EVAL), alarms, modes, classes);
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof CorruptCheckpointException cce) {
                throw cce;
            }
            throw new CorruptCheckpointException("checkpoint content is invalid: " + e.getMessage(), e);
        }
    }

    private static void optimizer(ObjectNode h, Map<String, float[]> floats, String net, String field,
                                  OptimizerState s) {
        h.putObject(field).put("kind", s.kind().name()).put("updates", s.updates());
        for (int i = 0; i < s.vectors().size(); i++) {
            floats.put(net + "/opt/" + i, s.vectors().get(i));
        }
    }

    private static OptimizerState optimizer(ObjectNode h, Checkpoint c, String net, String field) {
        JsonNode o = h.get(field);
        if (o == null) {
            throw new CorruptCheckpointException("checkpoint has no " + field);
        }
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; c.floats().containsKey(net + "/opt/" + i); i++) {
            vectors.add(c.floats(net + "/opt/" + i));
        }
        return new OptimizerState(OptimizerKind.valueOf(text(o, "kind")), o.path("updates").asLong(), vectors);
    }

    private static void history(Map<String, double[]> out, String group, Map<String, List<Double>> columns) {
        columns.forEach((name, values) -> {
            double[] a = new double[values.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = values.get(i);
            }
            out.put(group + "/" + name, a);
        });
    }

    private static Map<String, List<Double>> history(Checkpoint c, String group) {
        Map<String, List<Double>> columns = new LinkedHashMap<>();
        String prefix = group + "/";
        c.doubles().forEach((name, values) -> {
            if (name.startsWith(prefix)) {
                List<Double> l = new ArrayList<>(values.length);
                for (double v : values) {
                    l.add(v);
                }
                columns.put(name.substring(prefix.length()), l);
            }
        });
        return columns;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new CorruptCheckpointException("checkpoint header has no text field '" + field + "'");
        }
        return v.asText();
    }
}
