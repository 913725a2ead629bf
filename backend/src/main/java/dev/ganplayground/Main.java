package dev.ganplayground;

import dev.ganplayground.config.AppConfig;
import dev.ganplayground.config.PersistConfig;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.ServerSettings;
import dev.ganplayground.data.ImageDatasets;
import dev.ganplayground.nn.NativeRuntime;
import dev.ganplayground.persist.CheckpointStore;
import dev.ganplayground.run.RunEngines;
import dev.ganplayground.run.RunPersistence;
import dev.ganplayground.run.RunsVerticle;
import dev.ganplayground.web.HttpServerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Starts the server: runs side first, then HTTP. Settings come from the environment ({@link AppConfig},
 * {@link ServerSettings}).
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        NativeRuntime.chooseNativeBuild(); // before anything loads ND4J's natives
        AppConfig app = AppConfig.fromEnv(System.getenv());
        ServerSettings settings = ServerSettings.fromEnv(System.getenv());
        Vertx vertx = Vertx.vertx();
        LOG.info("OpenBLAS kernels: {}", NativeRuntime.blasKernelsNote(System.getenv("OPENBLAS_CORETYPE")));
        start(vertx, app, settings).onSuccess(port -> LOG.info("GAN Playground ready on http://localhost:{}", port))
                .onFailure(e -> {
                    LOG.error("start failed", e);
                    vertx.close();
                    System.exit(1);
                });
        // SIGTERM: closing Vert.x undeploys the runs side, which checkpoints every loaded run before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await(), "shutdown"));
    }

    /** {@link #start(Vertx, AppConfig, ServerSettings)} with the environment's settings. */
    public static Future<Integer> start(Vertx vertx, AppConfig app) {
        return start(vertx, app, ServerSettings.fromEnv(System.getenv()));
    }

    /**
     * Deploys both verticles; completes with the bound port once the runs found in the runs folder are back. ND4J
     * is loaded off the event loop first.
     */
    public static Future<Integer> start(Vertx vertx, AppConfig app, ServerSettings settings) {
        Presets presets = Presets.load();
        HttpServerVerticle http = new HttpServerVerticle(app, settings.access(), settings.limits(), presets);
        return vertx.executeBlocking(() -> {
                    NativeRuntime.init();
                    return null;
                })
                .compose(v -> vertx.deployVerticle(new RunsVerticle(app.maxActiveRuns(), app.runsDir(),
                        new RunEngines(new ImageDatasets(app.mnistDir(), app.fashionDir()), app.cacheDir(),
                                app.convThreads()),
                        persistence(app, settings.persist()), settings.access(), settings.limits().runMemoryBytes())))
                .compose(id -> vertx.deployVerticle(http))
                .map(id -> http.actualPort());
    }

    private static RunPersistence persistence(AppConfig app, PersistConfig p) {
        return p.enabled() ? new RunPersistence(new CheckpointStore(app.runsDir(), p.keep()),
                Duration.ofSeconds(p.checkpointSeconds()), Duration.ofSeconds(p.idleUnloadSeconds())) : null;
    }
}
