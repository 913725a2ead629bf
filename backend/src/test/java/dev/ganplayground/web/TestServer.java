package dev.ganplayground.web;

import dev.ganplayground.Main;
import dev.ganplayground.config.AppConfig;
import dev.ganplayground.config.ServerLimits;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/** A real server on a free port, for the tests of one class. */
final class TestServer implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final int port;

    TestServer() {
        this(4);
    }

    TestServer(int maxActiveRuns) {
        this(maxActiveRuns, ServerLimits.DEFAULTS);
    }

    /** A server with these stream limits (small queues, fast pings) and the environment's datasets. */
    TestServer(int maxActiveRuns, ServerLimits limits) {
        // Datasets as the environment gives them (.ci/run points GAN_MNIST_DIR at the shared digits).
        AppConfig env = AppConfig.fromEnv(System.getenv());
        Path runs = Path.of("target", "test-runs");
        AppConfig app = new AppConfig("127.0.0.1", 0, maxActiveRuns, runs, env.mnistDir(), env.fashionDir(),
                runs.resolve("cache"));
        this.port = Main.start(vertx, app, limits).await();
    }

    /** A server with these settings (port 0 and a free choice of dataset folders). */
    TestServer(AppConfig app) {
        this.port = Main.start(vertx, app, ServerLimits.DEFAULTS).await();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
