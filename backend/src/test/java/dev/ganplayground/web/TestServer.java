package dev.ganplayground.web;

import dev.ganplayground.Main;
import dev.ganplayground.config.AccessConfig;
import dev.ganplayground.config.AppConfig;
import dev.ganplayground.config.PersistConfig;
import dev.ganplayground.config.ServerLimits;
import dev.ganplayground.config.ServerSettings;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** A real server on a free port, for the tests of one class. */
final class TestServer implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The token REST calls of tests present unless a test is about tokens. */
    static final String TOKEN = newToken();
    static final String AUTH = "Bearer " + TOKEN;
    final Vertx vertx = Vertx.vertx();
    private WebClient http;
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
        // A fresh runs folder per server, so no test class restores another's runs; the classifier cache is shared.
        Path runs = freshRunsDir();
        AppConfig app = new AppConfig("127.0.0.1", 0, maxActiveRuns, runs, env.mnistDir(), env.fashionDir(),
                Path.of("target", "test-runs", "cache"));
        this.port = Main.start(vertx, app, settings(app).withLimits(limits)).await();
    }

    /** A server with these settings (port 0 and a free choice of dataset folders). */
    TestServer(AppConfig app) {
        this(app, settings(app));
    }

    /** A server with these settings and these access settings. */
    TestServer(AppConfig app, AccessConfig access) {
        this(app, settings(app).withAccess(access));
    }

    /** A server with these settings and this persistence. */
    TestServer(AppConfig app, PersistConfig persist) {
        this(app, settings(app).withPersist(persist));
    }

    private TestServer(AppConfig app, ServerSettings settings) {
        this.port = Main.start(vertx, app, settings).await();
    }

    /**
     * The environment's persistence, default stream limits, and access limits that tests about something else
     * never reach: every active run may train, one user may own all.
     */
    static ServerSettings settings(AppConfig app) {
        return ServerSettings.fromEnv(System.getenv()).withAccess(generous(app)).withLimits(ServerLimits.DEFAULTS);
    }

    static AccessConfig generous(AppConfig app) {
        return AccessConfig.defaults().withLimits(app.maxActiveRuns(), 256, 64);
    }

    /** A fresh browser token (same format as the server's). */
    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
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

    /** An HTTP client of this server's Vert.x, closed with it. */
    synchronized WebClient http() {
        if (http == null) {
            http = WebClient.create(vertx);
        }
        return http;
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
        vertx.close().await();
    }
}
