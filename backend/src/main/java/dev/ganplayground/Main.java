package dev.ganplayground;

import dev.ganplayground.config.AppConfig;
import dev.ganplayground.config.ServerLimits;
import dev.ganplayground.data.ImageDatasets;
import dev.ganplayground.run.RunEngines;
import dev.ganplayground.config.Presets;
import dev.ganplayground.nn.NativeRuntime;
import dev.ganplayground.run.RunsVerticle;
import dev.ganplayground.web.HttpServerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server: runs side first, then HTTP. Settings come from the environment ({@link AppConfig}).
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        NativeRuntime.chooseNativeBuild(); // before anything loads ND4J's natives
        AppConfig app = AppConfig.fromEnv(System.getenv());
        Vertx vertx = Vertx.vertx();
        start(vertx, app).onSuccess(port -> LOG.info("GAN Playground ready on http://localhost:{}", port))
                .onFailure(e -> {
                    LOG.error("start failed", e);
                    vertx.close();
                    System.exit(1);
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await(), "shutdown"));
    }

    /** Deploys both verticles; completes with the bound port. ND4J is loaded off the event loop first. */
    public static Future<Integer> start(Vertx vertx, AppConfig app) {
        return start(vertx, app, ServerLimits.fromEnv(System.getenv()));
    }

    /** Like {@link #start(Vertx, AppConfig)} with these limits (tests, benchmarks). */
    public static Future<Integer> start(Vertx vertx, AppConfig app, ServerLimits limits) {
        Presets presets = Presets.load();
        HttpServerVerticle http = new HttpServerVerticle(app, presets, limits);
        return vertx.executeBlocking(() -> {
                    NativeRuntime.init();
                    return null;
                })
                .compose(v -> vertx.deployVerticle(new RunsVerticle(app.maxActiveRuns(), app.runsDir(),
                        new RunEngines(new ImageDatasets(app.mnistDir(), app.fashionDir()), app.cacheDir(),
                                app.convThreads()), limits.runMemoryBytes())))
                .compose(id -> vertx.deployVerticle(http))
                .map(id -> http.actualPort());
    }
}
