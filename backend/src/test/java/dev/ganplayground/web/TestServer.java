package dev.ganplayground.web;

import dev.ganplayground.Main;
import dev.ganplayground.config.AppConfig;
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
        AppConfig app = new AppConfig("127.0.0.1", 0, maxActiveRuns, Path.of("target", "test-runs"));
        this.port = Main.start(vertx, app).await();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
