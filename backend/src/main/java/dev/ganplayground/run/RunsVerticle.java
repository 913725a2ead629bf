package dev.ganplayground.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ganplayground.config.AccessConfig;
import dev.ganplayground.config.ConfigException;
import dev.ganplayground.config.ConfigResolver;
import dev.ganplayground.config.FieldError;
import dev.ganplayground.config.Json;
import dev.ganplayground.config.MemoryEstimate;
import dev.ganplayground.config.RunConfig;
import dev.ganplayground.config.ServerLimits;
import dev.ganplayground.training.StepMode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs' side of the event bus: creates, lists and deletes runs, and turns control requests on
 * {@code run.<id>.ctl} into commands for the run's thread. Runs on the event loop, so it only validates and
 * enqueues; nothing here trains or touches ND4J.
 *
 * <p>Control ops ({@code op} field): start, pause, step {phase, count}, reset, stop, update_config {patch,
 * rebuild}, snapshot {fromStep} (state, config and metric history), frame (the latest binary frame, or no body).
 * Failures carry the HTTP status as code and a JSON problem ({code, message, field?, errors?}) as message.
 *
 * <p>Access: a create request names its {@code owner} (a user id); every control op except the read-only ones
 * (snapshot, frame and the exports) and every delete must carry {@code caller: {user?, admin?}} that may control
 * the run ({@link RunOwners}), else it fails {@code forbidden} (403) and the run is untouched. Internal callers
 * pass {@code admin: true}. An owner holds at most {@code maxRunsPerUser} runs that have not stopped
 * ({@code too_many_runs}, 429).
 */
public final class RunsVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(RunsVerticle.class);
    private static final Set<String> READ_ONLY_OPS = Set.of("snapshot", "frame");
    private final int maxActiveRuns;
    private final int maxTrainingRuns;
    private final int maxRunsPerUser;
    private final Path runsDir;
    private final RunEngines engines;
    private final long runMemoryBytes;
    private RunRegistry registry;
    private RunExports exports;
    private RunDownloads downloads;
    private final RunPersistence persistence;
    /** The config each run will have once its queued changes apply: patches stack on it, not on stale state. */
    private final Map<String, RunConfig> targetConfigs = new ConcurrentHashMap<>();
    private final Map<String, MessageConsumer<JsonObject>> controls = new ConcurrentHashMap<>();
    private static final long DATASETS_FRESH_MS = 5_000;
    private Future<JsonObject> datasetsLook;
    private long datasetsLookedAt;

    /**
     * @param persistence    may be null: nothing saved; otherwise runs are checkpointed and restored at start
     * @param access         the fair limits: runs training at once (the rest queue), runs one owner may hold
     * @param runMemoryBytes a config whose {@link MemoryEstimate} exceeds this is refused (422)
     */
    public RunsVerticle(int maxActiveRuns, Path runsDir, RunEngines engines, RunPersistence persistence,
                        AccessConfig access, long runMemoryBytes) {
        this.maxActiveRuns = maxActiveRuns;
        this.maxTrainingRuns = access.maxTrainingRuns();
        this.maxRunsPerUser = access.maxRunsPerUser();
        this.runsDir = runsDir;
        this.engines = engines;
        this.persistence = persistence;
        this.runMemoryBytes = runMemoryBytes;
    }

    @Override
    public Future<?> start() {
        registry = new RunRegistry(maxActiveRuns, maxTrainingRuns, new EventBusPublisher(vertx.eventBus()), engines,
                persistence);
        exports = new RunExports(vertx);
        downloads = new RunDownloads(vertx, persistence);
        vertx.eventBus().<JsonObject>consumer(RunAddresses.CREATE, this::create);
        vertx.eventBus().<JsonObject>consumer(RunAddresses.DATASETS, m -> datasets().onSuccess(m::reply)
                .onFailure(e -> fail(m, ControlError.INTERNAL, e.getMessage(), List.of())));
        vertx.eventBus().<JsonObject>consumer(RunAddresses.LIST, m -> m.reply(new JsonObject().put("runs", list())));
        vertx.eventBus().<JsonObject>consumer(RunAddresses.DELETE, this::delete);
        if (persistence == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> RunRestorer.readAll(persistence.store()), false)
                .onSuccess(images -> images.forEach(this::restore));
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            registry.shutdown();
            return null;
        });
    }

    /**
     * Every dataset with its availability. Looking reads IDX headers, so it happens on a worker, and every socket's
     * hello asks: one look serves all askers for {@value #DATASETS_FRESH_MS} ms (a folder installed meanwhile shows
     * up after that). Called on the event loop only.
     */
    private Future<JsonObject> datasets() {
        long now = System.currentTimeMillis();
        if (datasetsLook == null || now - datasetsLookedAt > DATASETS_FRESH_MS || datasetsLook.failed()) {
            datasetsLookedAt = now;
            datasetsLook = vertx.executeBlocking(() -> new JsonObject().put("datasets",
                    new JsonArray(Json.MAPPER.writeValueAsString(DatasetCatalog.all(engines.datasets())))), false);
        }
        return datasetsLook.map(JsonObject::copy);
    }

    /**
     * Succeeds when {@code config}'s data is there: always for 2D runs and the 3D cloud; an image dataset is looked up on a worker
     * (a missing one fails with the hint saying where it would come from).
     */
    private Future<RunConfig> checkData(RunConfig config) {
        if (!config.data().kind().isImage()) {
            return Future.succeededFuture(config);
        }
        String id = config.data().kind().wireName();
        return vertx.executeBlocking(() -> engines.datasets().info(id), false).compose(info -> info.available()
                ? Future.succeededFuture(config)
                : Future.failedFuture(new ConfigException("/data/kind", info.name() + " is not available: "
                        + info.hint())));
    }

    private void create(Message<JsonObject> m) {
        RunConfig config;
        try {
            config = ConfigResolver.bind(tree(m.body().getString("config")));
            MemoryEstimate.of(config).check(runMemoryBytes); // before anything is allocated
        } catch (ConfigException e) {
            fail(m, ControlError.INVALID_CONFIG, e.getMessage(), e.errors());
            return;
        }
        checkData(config).onSuccess(c -> register(m, c)).onFailure(e -> failConfig(m, e));
    }

    private void register(Message<JsonObject> m, RunConfig config) {
        String owner = m.body().getString("owner");
        if (owner != null && RunOwners.active(owner, registry) >= maxRunsPerUser) {
            fail(m, ControlError.TOO_MANY_RUNS, "you already have " + maxRunsPerUser + " runs that have not"
                    + " stopped; stop or delete one first", List.of());
            return;
        }
        try {
            String preset = m.body().getString("preset");
            Run run = registry.create(preset, config, owner);
            listen(run);
            m.reply(summary(run, true));
            writeConfig(run.id(), config);
        } catch (RunRegistry.TooManyRunsException e) {
            fail(m, ControlError.TOO_MANY_RUNS, e.getMessage(), List.of());
        }
    }

    /** Brings back one run read from disk; one that cannot be rebuilt is logged and skipped, not fatal. */
    private void restore(RunImage image) {
        try {
            listen(registry.restore(image));
        } catch (RuntimeException e) {
            LOG.warn("run {}: cannot be restored: {}", image.runId(), e.toString());
        }
    }

    /** Registers the run's control address. */
    private void listen(Run run) {
        targetConfigs.put(run.id(), run.config());
        controls.put(run.id(), vertx.eventBus().consumer(RunAddresses.control(run.id()), msg -> control(run, msg)));
    }

    private static void failConfig(Message<?> m, Throwable e) {
        if (e instanceof ConfigException c) {
            fail(m, ControlError.INVALID_CONFIG, c.getMessage(), c.errors());
        } else {
            fail(m, ControlError.INTERNAL, String.valueOf(e.getMessage()), List.of());
        }
    }

    /** Records the resolved config in the run directory, asynchronously; a failure is logged, not fatal. */
    private void writeConfig(String runId, RunConfig config) {
        String dir = runsDir.resolve(runId).toString();
        vertx.fileSystem().mkdirs(dir)
                .compose(v -> vertx.fileSystem().writeFile(Path.of(dir, "config.json").toString(),
                        Buffer.buffer(Json.MAPPER.valueToTree(config).toPrettyString())))
                .onFailure(e -> {
                    if (registry.find(runId).isPresent()) { // else the run was deleted (its folder too) meanwhile
                        LOG.warn("run {}: cannot write config.json under {}: {}", runId, dir, e.toString());
                    }
                });
    }

    private void delete(Message<JsonObject> m) {
        String runId = m.body().getString("runId");
        if (registry.find(runId).filter(r -> !RunOwners.mayControl(r, m.body().getJsonObject("caller"))).isPresent()) {
            fail(m, ControlError.FORBIDDEN, forbidden(runId), List.of());
            return;
        }
        if (!registry.remove(runId)) {
            fail(m, ControlError.UNKNOWN_RUN, "no run '" + runId + "'", List.of());
            return;
        }
        targetConfigs.remove(runId);
        MessageConsumer<JsonObject> c = controls.remove(runId);
        if (c != null) {
            c.unregister();
        }
        m.reply(new JsonObject());
    }

    private void control(Run run, Message<JsonObject> m) {
        JsonObject body = m.body();
        String op = body.getString("op", "");
        if (op.equals("watch") || op.equals("unwatch")) {
            run.watched(op.equals("watch") ? 1 : -1);
            m.reply(new JsonObject());
            return;
        }
        if (exports.handle(run, op, m) || downloads.handle(run, op, m)) {
            return;
        }
        if (!READ_ONLY_OPS.contains(op) && !RunOwners.mayControl(run, body.getJsonObject("caller"))) {
            fail(m, ControlError.FORBIDDEN, forbidden(run.id()), List.of());
            return;
        }
        run.wake(); // anything else is someone looking or controlling: an unloaded run comes back
        if (run.state().terminal() && !op.equals("snapshot") && !op.equals("frame")) {
            fail(m, ControlError.ILLEGAL_STATE, "run " + run.id() + " is " + run.state().wire(), List.of());
            return;
        }
        switch (op) {
            case "start" -> enqueue(m, run, new RunCommand.Start());
            case "pause" -> enqueue(m, run, new RunCommand.Pause());
            case "reset" -> enqueue(m, run, new RunCommand.Reset());
            case "stop" -> enqueue(m, run, new RunCommand.Stop());
            case "step" -> step(run, m);
            case "update_config" -> updateConfig(run, m);
            case "snapshot" -> m.reply(snapshot(run, body.getLong("fromStep", 0L)));
            case "frame" -> {
                byte[] frame = run.latestFrame();
                m.reply(frame == null ? null : Buffer.buffer(frame));
            }
            default -> fail(m, ControlError.INVALID_MESSAGE, "unknown op '" + op + "'", List.of());
        }
    }

    private void step(Run run, Message<JsonObject> m) {
        if (run.state() == RunState.RUNNING) {
            fail(m, ControlError.ILLEGAL_STATE, "step needs a paused run: pause first", List.of());
            return;
        }
        StepMode mode = switch (m.body().getString("phase", "both")) {
            case "d" -> StepMode.D_ONLY;
            case "g" -> StepMode.G_ONLY;
            default -> StepMode.BOTH;
        };
        enqueue(m, run, new RunCommand.Step(mode, m.body().getInteger("count", 1)));
    }

    private void updateConfig(Run run, Message<JsonObject> m) {
        RunConfig current = targetConfigs.get(run.id());
        RunConfig next;
        try {
            next = ConfigResolver.patch(current, tree(m.body().getString("patch")));
            MemoryEstimate.of(next).check(runMemoryBytes);
        } catch (ConfigException e) {
            fail(m, ControlError.INVALID_CONFIG, e.getMessage(), e.errors());
            return;
        }
        boolean rebuild = m.body().getBoolean("rebuild", false);
        if (current.structurallyDiffers(next) && !rebuild) {
            fail(m, ControlError.REBUILD_REQUIRED, "changing the seed, the model or an image run's dataset rebuilds"
                    + " both networks: send rebuild: true to confirm", List.of());
            return;
        }
        Future<RunConfig> checked = next.data().equals(current.data()) ? Future.succeededFuture(next)
                : checkData(next);
        checked.onFailure(e -> failConfig(m, e)).onSuccess(c -> {
            // Another change may have landed while the dataset was looked up: only apply on the state it patched.
            if (targetConfigs.get(run.id()) != current) {
                fail(m, ControlError.ILLEGAL_STATE, "the run's config changed meanwhile; send the change again",
                        List.of());
                return;
            }
            targetConfigs.put(run.id(), c);
            run.submit(new RunCommand.Reconfigure(c, rebuild));
            m.reply(new JsonObject().put("config", new JsonObject(Json.MAPPER.valueToTree(c).toString())));
        });
    }

    private void enqueue(Message<JsonObject> m, Run run, RunCommand command) {
        run.submit(command);
        m.reply(new JsonObject());
    }

    private JsonObject snapshot(Run run, long fromStep) {
        RunSnapshot snap = run.snapshot(fromStep);
        JsonObject s = new JsonObject().put("runId", run.id()).put("preset", run.presetId())
                .put("state", snap.state().wire()).put("step", snap.step()).put("eventNo", snap.eventNo())
                .put("config", new JsonObject(Json.MAPPER.valueToTree(snap.config()).toString()));
        if (snap.reason() != null) {
            s.put("reason", snap.reason());
        }
        if (snap.state() == RunState.QUEUED) {
            s.put("position", run.queuePosition());
        }
        if (run.owner() != null) {
            s.put("owner", run.owner());
        }
        s.put("train", new JsonObject(EventBusPublisher.metricsPayload(Run.TRAIN, snap.train()).toString()));
        s.put("eval", new JsonObject(EventBusPublisher.metricsPayload(Run.EVAL, snap.eval()).toString()));
        JsonArray alarms = new JsonArray();
        snap.alarms().forEach(e -> alarms.add(new JsonObject(EventBusPublisher.alarmPayload(e).toString())));
        s.put("alarms", alarms);
        if (snap.modes() != null) {
            s.put("modes", new JsonObject(EventBusPublisher.modesPayload(snap.modes()).toString()));
        }
        if (snap.classes() != null) {
            s.put("classes", new JsonObject(EventBusPublisher.classesPayload(snap.classes()).toString()));
        }
        if (snap.progress() != null) {
            s.put("progress", new JsonObject(EventBusPublisher.progressPayload(snap.progress()).toString()));
        }
        return s;
    }

    private JsonArray list() {
        JsonArray a = new JsonArray();
        registry.all().forEach(r -> a.add(summary(r, false)));
        return a;
    }

    private JsonObject summary(Run run, boolean withConfig) {
        JsonObject s = new JsonObject().put("runId", run.id()).put("preset", run.presetId())
                .put("state", run.state().wire()).put("step", run.step()).put("loaded", !run.dormant());
        if (run.owner() != null) {
            s.put("owner", run.owner()); // the web side turns it into "mine" per caller
        }
        if (withConfig) {
            s.put("config", new JsonObject(Json.MAPPER.valueToTree(run.config()).toString()));
        }
        return s;
    }

    /** Config and patch bodies travel as JSON text, parsed by the strict mapper (not Vert.x's lenient one). */
    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", "not valid JSON");
        }
    }

    private static String forbidden(String runId) {
        return "you are watching run " + runId + " read-only: only its owner can control it";
    }

    static void fail(Message<?> m, ControlError code, String message, List<FieldError> errors) {
        JsonObject problem = new JsonObject().put("code", code.wire()).put("message", message);
        if (!errors.isEmpty()) {
            problem.put("field", errors.get(0).pointer());
            JsonArray a = new JsonArray();
            errors.forEach(e -> a.add(new JsonObject().put("pointer", e.pointer()).put("message", e.message())));
            problem.put("errors", a);
        }
        m.fail(code.status(), problem.encode());
    }
}
