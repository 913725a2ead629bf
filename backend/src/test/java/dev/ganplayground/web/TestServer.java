package dev.ganplayground.web;

import dev.ganplayground.Main;
import dev.ganplayground.config.AppConfig;
import dev.ganplayground.config.PersistConfig;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real server on a free port, for the tests of one class. */
final class TestServer implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final int port;

    TestServer() {
        this(4);
    }

    TestServer(int maxActiveRuns) {
        // Datasets as the environment gives them (.ci/run points GAN_MNIST_DIR at the shared digits).
        AppConfig env = AppConfig.fromEnv(System.getenv());
        // A fresh runs folder per server, so no test class restores another's runs; the classifier cache is shared.
        Path runs = freshRunsDir();
        AppConfig app = new AppConfig("127.0.0.1", 0, maxActiveRuns, runs, env.mnistDir(), env.fashionDir(),
                Path.of("target", "test-runs", "cache"));
        this.port = Main.start(vertx, app).await();
    }

    /** A server with these settings (port 0 and a free choice of dataset folders). */
    TestServer(AppConfig app) {
        this.port = Main.start(vertx, app).await();
    }

    /** A server with these settings and this persistence. */
    TestServer(AppConfig app, PersistConfig persist) {
        this.port = Main.start(vertx, app, persist).await();
    }

    /** Defaults with a fresh runs folder and this persistence. */
    TestServer(PersistConfig persist) {
        this(new AppConfig("127.0.0.1", 0, 4, freshRunsDir(), null, AppConfig.DEBIAN_FASHION_DIR,
                Path.of("target", "test-runs", "cache")), persist);
    }

    /** A new, empty folder under target/test-runs. */
    static Path freshRunsDir() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-runs"));
            return Files.createTempDirectory(parent, "runs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
