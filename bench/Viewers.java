import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does watching slow training down? Starts the README's server (`./run.sh`, already built), creates a run of the
 * default preset (or the one named) over REST and starts it, then alternates blocks with no viewer and blocks with
 * N WebSocket viewers subscribed (each receiving every text event and up to view.maxFramesPerSecond frames a
 * second), reading the run's step over REST at the start and end of each block. Prints each block (with what the
 * viewers received: frame and text MiB/s, bytes per frame, frames per viewer per second), the medians and their
 * ratio. The viewers live in this process and only count bytes, so their CPU is the least a real viewer costs the
 * server's machine (on a 2-core machine it competes with the trainer; real viewers sit on other machines).
 *
 * A watched block starts once every viewer has its snapshot (the first frame arrives after it): joining sends each
 * viewer the whole metric history, a burst that grows with the run and is not what watching costs. Before the
 * first block, viewers watch for {@code warmup} seconds unmeasured, so the server's streaming code is compiled as
 * in a server that has been up for a while; {@code warmup=0} measures with that compilation inside the first
 * watched blocks (C2 used 10-25% of a core there).
 *
 * Usage (from the repository root, after one `./run.sh` build):
 *   java bench/Viewers.java [viewers=50] [blocks=5] [seconds=10] [preset=ring8] [warmup=seconds]
 * Uses only the JDK (java.net.http), so it needs no build.
 */
public final class Viewers {
    private static final Pattern STEP = Pattern.compile("\"step\":(\\d+)");
    private static final Pattern RUN_ID = Pattern.compile("\"runId\":\"(r[0-9a-f]{12})\"");

    public static void main(String[] args) throws Exception {
        int viewers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String preset = args.length > 3 ? args[3] : "ring8";
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : seconds;
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder("./run.sh").redirectErrorStream(true)
                .redirectOutput(Path.of("target-bench-viewers.log").toFile());
        pb.environment().put("PORT", String.valueOf(port));
        // A fresh runs folder: runs restored from an earlier invocation (or another benchmark sharing a folder)
        // would take the training slots and leave this run queued at step 0; trained classifiers are kept.
        Path runsDir = java.nio.file.Files.createTempDirectory("gan-bench-viewers");
        pb.environment().put("GAN_RUNS_DIR", runsDir.toString());
        pb.environment().put("GAN_CACHE_DIR", System.getProperty("java.io.tmpdir") + "/gan-bench-cache");
        Process server = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        try {
            waitForHealth(http, base, server);
            // The run's owner: a browser token from the server (docs/protocol.md 3.8); viewers need none.
            String token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/identity"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            String created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"preset\":\"" + preset + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = RUN_ID.matcher(created);
            if (!m.find()) {
                throw new IllegalStateException("no run created: " + created);
            }
            String runId = m.group(1);
            // A control socket that never subscribes: it starts the run and receives nothing of it.
            WebSocket control = http.newWebSocketBuilder().subprotocols("gan.v1", "gan.token." + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Audience().listener())
                    .get(30, TimeUnit.SECONDS);
            control.sendText("{\"type\":\"start\",\"runId\":\"" + runId + "\"}", true);
            TimeUnit.SECONDS.sleep(5); // JIT warm-up of the training code
            if (warmup > 0) {
                // ... and of the streaming code: a long-running server has compiled its fan-out and socket paths.
                Audience a = Audience.join(http, port, runId, viewers);
                TimeUnit.SECONDS.sleep(warmup);
                a.leave();
            }
            List<Double> alone = new ArrayList<>();
            List<Double> watched = new ArrayList<>();
            System.out.printf("%s run, %d viewers, %d blocks of %d s (streaming warm-up %d s), load %s%n", preset,
                    viewers, blocks, seconds, warmup, java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
            for (int b = 1; b <= blocks; b++) {
                double a = rate(http, base, runId, seconds);
                Audience audience = Audience.join(http, port, runId, viewers);
                long text0 = audience.textBytes.get();
                long bin0 = audience.frameBytes.get();
                long frames0 = audience.frames.get();
                double w = rate(http, base, runId, seconds);
                double textMib = (audience.textBytes.get() - text0) / 1048576.0 / seconds;
                double frameMib = (audience.frameBytes.get() - bin0) / 1048576.0 / seconds;
                long frames = audience.frames.get() - frames0;
                audience.leave();
                if (audience.failed.get() > 0) {
                    System.out.printf("block %d: %d viewers failed on the client side (%s)%n", b, audience.failed.get(),
                            audience.lastError);
                }
                alone.add(a);
                watched.add(w);
                System.out.printf("block %d: alone %.1f steps/s | %d viewers %.1f steps/s (received %.1f MiB/s of"
                                + " frames, %.0f B each, %.1f/s per viewer; %.2f MiB/s of text)%n", b, a, viewers, w,
                        frameMib, frames == 0 ? 0.0 : (audience.frameBytes.get() - bin0) / (double) frames,
                        frames / (double) viewers / seconds, textMib);
            }
            double ma = median(alone);
            double mw = median(watched);
            System.out.printf("median steps/s: alone %.1f, with %d viewers %.1f, ratio %.3f%n", ma, viewers, mw,
                    mw / ma);
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(15, TimeUnit.SECONDS);
            try (var files = java.nio.file.Files.walk(runsDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double rate(HttpClient http, String base, String runId, int seconds) throws Exception {
        long s0 = step(http, base, runId);
        long t0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        long s1 = step(http, base, runId);
        return (s1 - s0) / ((System.nanoTime() - t0) / 1e9);
    }

    private static long step(HttpClient http, String base, String runId) throws Exception {
        String run = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + runId)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = STEP.matcher(run);
        if (!m.find()) {
            throw new IllegalStateException("no step in " + run);
        }
        return Long.parseLong(m.group(1));
    }

    private static void waitForHealth(HttpClient http, String base, Process server) throws Exception {
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("server exited; see target-bench-viewers.log");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** N viewers of one run: counts what arrives and asks for more; decodes nothing. */
    private static final class Audience {
        final AtomicLong textBytes = new AtomicLong();
        final AtomicLong frameBytes = new AtomicLong();
        final AtomicLong frames = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        volatile String lastError;
        final List<WebSocket> sockets = new ArrayList<>();
        final List<java.util.concurrent.CountDownLatch> firstFrames = new ArrayList<>();

        /**
         * Subscribes N sockets and returns once each has its snapshot: the snapshot (the whole metric history, some
         * 100 KB of JSON per viewer late in a run) ends with the latest frame, so the first binary message marks
         * it delivered. Joining is a burst of its own; the blocks measure watching, not joining.
         */
        static Audience join(HttpClient http, int port, String runId, int n) throws Exception {
            Audience a = new Audience();
            for (int i = 0; i < n; i++) {
                WebSocket ws = http.newWebSocketBuilder().subprotocols("gan.v1")
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), a.listener())
                        .get(30, TimeUnit.SECONDS);
                ws.sendText("{\"type\":\"subscribe\",\"runId\":\"" + runId + "\"}", true);
                a.sockets.add(ws);
            }
            for (java.util.concurrent.CountDownLatch l : a.firstFrames) {
                if (!l.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a viewer got no frame within 60 s");
                }
            }
            TimeUnit.SECONDS.sleep(1); // the last snapshots' bytes drain
            return a;
        }

        WebSocket.Listener listener() {
            java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
            firstFrames.add(first);
            return new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    textBytes.addAndGet(data.length());
                    w.request(1);
                    return null;
                }

                @Override
                public void onError(WebSocket w, Throwable error) {
                    // The JDK client now and then fails a text frame ("Invalid UTF-8 in frame TEXT", see Classroom):
                    // the viewer is gone; it is counted, not waited for.
                    failed.incrementAndGet();
                    lastError = String.valueOf(error);
                    first.countDown();
                }

                @Override
                public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                    frameBytes.addAndGet(data.remaining());
                    if (last) {
                        frames.incrementAndGet();
                        first.countDown();
                    }
                    w.request(1);
                    return null;
                }
            };
        }

        void leave() throws InterruptedException {
            for (WebSocket ws : sockets) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "block done");
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }
}
