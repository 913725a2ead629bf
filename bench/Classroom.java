import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shared server under load (docs/benchmarks.md, "Shared server under load"). Starts the README's server
 * (`./run.sh`, already built), creates one run (ring8 by default) and starts it, then:
 * <ol>
 * <li>classroom: {@code seconds} with no viewer, {@code seconds} with {@code viewers} WebSocket viewers subscribed
 * (each reading everything), {@code seconds} with none again. Reports the share of live metric batches (train
 * rows) each viewer received out of all published in the window, the latency from publication (the payload's
 * serverTime) to the client, p50/p95/p99, training steps/s with viewers against the mean of the two blocks without,
 * and the server's RSS (sampled every 2 s; VmHWM for the peak);</li>
 * <li>slow consumer: one viewer that reads its first message and then nothing, next to one normal viewer, for
 * {@code slowSeconds}: the server's RSS over time, how the normal viewer fared, and how the stalled one ended.</li>
 * </ol>
 * The viewers live in this process (JDK java.net.http), on the same cores as the server.
 * Usage (repository root, after one `./run.sh` build):
 *   java bench/Classroom.java [viewers=200] [seconds=60] [slowSeconds=60] [preset=ring8]
 */
public final class Classroom {
    private static final Pattern STEP = Pattern.compile("\"step\":(\\d+)");
    private static final Pattern RUN_ID = Pattern.compile("\"runId\":\"(r[0-9a-f]{12})\"");
    private static final Pattern LIVE_ROW = Pattern.compile(
            "\"group\":\"train\",\"columns\":\\{\"step\":\\[(?:[0-9]+,)*([0-9]+)\\].*\"serverTime\":([0-9]+)");
    private static final int MAX_LATENCY_MS = 60_000;

    public static void main(String[] args) throws Exception {
        int viewers = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int slowSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String preset = args.length > 3 ? args[3] : "ring8";
        int port = 18_095;
        ProcessBuilder pb = new ProcessBuilder("./run.sh").redirectErrorStream(true)
                .redirectOutput(Path.of("target-bench-classroom.log").toFile());
        pb.environment().put("PORT", String.valueOf(port));
        // A fresh runs folder: runs left training in an old one are resumed at start and would share the CPU (or
        // hold the training slots); trained classifiers are kept between invocations.
        pb.environment().put("GAN_RUNS_DIR", java.nio.file.Files.createTempDirectory("gan-bench-runs").toString());
        pb.environment().put("GAN_CACHE_DIR", System.getProperty("java.io.tmpdir") + "/gan-bench-cache");
        Process server = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        URI ws = URI.create("ws://127.0.0.1:" + port + "/ws");
        try {
            waitForHealth(http, base, server);
            long pid = server.pid(); // run.sh execs java: same process
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
            WebSocket control = http.newWebSocketBuilder().subprotocols("gan.v1", "gan.token." + token)
                    .buildAsync(ws, new Viewer(null))
                    .get(30, TimeUnit.SECONDS);
            control.sendText("{\"type\":\"start\",\"runId\":\"" + runId + "\"}", true);
            TimeUnit.SECONDS.sleep(5); // JIT warm-up
            System.out.printf("%s run %s, %d viewers, blocks of %d s; load before: %s%n", preset, runId, viewers,
                    seconds, loadavg());

            double alone1 = rate(http, base, runId, seconds);
            AtomicLongArray latency = new AtomicLongArray(MAX_LATENCY_MS + 1);
            List<Viewer> crowd = new ArrayList<>();
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                Viewer v = new Viewer(latency);
                sockets.add(http.newWebSocketBuilder().subprotocols("gan.v1").buildAsync(ws, v).get(30, TimeUnit.SECONDS));
                sockets.get(i).sendText("{\"type\":\"subscribe\",\"runId\":\"" + runId
                        + "\",\"payload\":{\"fromStep\":1000000000}}", true); // live rows only: no history
                crowd.add(v);
            }
            TimeUnit.SECONDS.sleep(3); // every snapshot delivered
            // The JDK's WebSocket client now and then rejects a text frame whose UTF-8 arrived split across reads
            // ("Invalid UTF-8 in frame TEXT": only the hello has non-ASCII text, and the same bytes pass for the
            // other viewers and for Vert.x's client): such a viewer is replaced before the window and counted.
            java.util.Map<Object, Integer> replaced = new java.util.TreeMap<>();
            for (int i = 0; i < viewers; i++) {
                if (crowd.get(i).closeCode.isDone()) {
                    replaced.merge(String.valueOf(crowd.get(i).closeCode.getNow(null)), 1, Integer::sum);
                    Viewer v = new Viewer(latency);
                    sockets.set(i, http.newWebSocketBuilder().subprotocols("gan.v1").buildAsync(ws, v)
                            .get(30, TimeUnit.SECONDS));
                    sockets.get(i).sendText("{\"type\":\"subscribe\",\"runId\":\"" + runId
                            + "\",\"payload\":{\"fromStep\":1000000000}}", true);
                    crowd.set(i, v);
                }
            }
            if (!replaced.isEmpty()) {
                System.out.printf("viewers replaced before the window (client-side failures): %s%n", replaced);
                TimeUnit.SECONDS.sleep(2);
            }
            long rss0 = rssKiB(pid, "VmRSS");
            long from = System.currentTimeMillis();
            crowd.forEach(v -> v.windowFrom = from);
            long s0 = step(http, base, runId);
            long t0 = System.nanoTime();
            long rssMax = rss0;
            while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(seconds)) {
                TimeUnit.SECONDS.sleep(2);
                rssMax = Math.max(rssMax, rssKiB(pid, "VmRSS"));
            }
            double watched = (step(http, base, runId) - s0) / ((System.nanoTime() - t0) / 1e9);
            long to = System.currentTimeMillis();
            crowd.forEach(v -> v.windowTo = to);
            TimeUnit.SECONDS.sleep(2); // rows of the window still in flight arrive
            Set<Long> published = new HashSet<>();
            long delivered = 0;
            int closed = 0;
            java.util.Map<Object, Integer> endings = new java.util.TreeMap<>();
            for (Viewer v : crowd) {
                synchronized (v.rows) {
                    published.addAll(v.rows);
                    delivered += v.rows.size();
                }
                if (v.closeCode.isDone()) {
                    closed++;
                    endings.merge(String.valueOf(v.closeCode.getNow(null)), 1, Integer::sum);
                }
            }
            for (WebSocket s : sockets) {
                s.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
            TimeUnit.SECONDS.sleep(2);
            double alone2 = rate(http, base, runId, seconds);
            double alone = (alone1 + alone2) / 2;
            System.out.printf("steps/s: alone %.1f (before) %.1f (after); with %d viewers %.1f; ratio %.3f%n",
                    alone1, alone2, viewers, watched, watched / alone);
            System.out.printf("metric batches: %d published in the window, delivered %d of %d (%.4f); viewers"
                            + " closed early: %d %s%n", published.size(), delivered,
                    (long) published.size() * viewers, delivered / (double) published.size() / viewers, closed,
                    endings);
            System.out.printf("latency publication -> client, ms: p50 %d, p95 %d, p99 %d, max %d (%d samples)%n",
                    percentile(latency, 0.50), percentile(latency, 0.95), percentile(latency, 0.99),
                    percentile(latency, 1.0), count(latency));
            System.out.printf("server RSS: %d MiB before the viewers, max %d MiB with them; peak (VmHWM) %d MiB;"
                    + " load after: %s%n", rss0 >> 10, rssMax >> 10, rssKiB(pid, "VmHWM") >> 10, loadavg());

            slowConsumer(http, ws, runId, pid, slowSeconds);
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(15, TimeUnit.SECONDS);
        }
    }

    private static void slowConsumer(HttpClient http, URI ws, String runId, long pid, int seconds) throws Exception {
        Viewer normal = new Viewer(null);
        Viewer stalled = new Viewer(null);
        stalled.stall = true;
        WebSocket n = http.newWebSocketBuilder().subprotocols("gan.v1").buildAsync(ws, normal).get(30, TimeUnit.SECONDS);
        WebSocket s = http.newWebSocketBuilder().subprotocols("gan.v1").buildAsync(ws, stalled).get(30, TimeUnit.SECONDS);
        String sub = "{\"type\":\"subscribe\",\"runId\":\"" + runId + "\"}";
        n.sendText(sub, true);
        s.sendText(sub, true);
        long t0 = System.nanoTime();
        StringBuilder series = new StringBuilder();
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(seconds)) {
            TimeUnit.SECONDS.sleep(5);
            series.append(String.format(" %ds:%dMiB", (System.nanoTime() - t0) / 1_000_000_000L,
                    rssKiB(pid, "VmRSS") >> 10));
        }
        long normalBytes = normal.bytes.get();
        s.request(Long.MAX_VALUE); // read what is left, to learn how the server ended it
        Object how;
        try {
            how = stalled.closeCode.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            how = "still open";
        }
        System.out.printf("slow consumer, %d s: server RSS%s; the normal viewer received %d MiB; the stalled one"
                        + " received %d KiB before stalling, then: %s; load: %s%n", seconds, series,
                normalBytes >> 20, stalled.bytesAtStall >> 10, how, loadavg());
        n.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private static double rate(HttpClient http, String base, String runId, int seconds) throws Exception {
        long s0 = step(http, base, runId);
        long t0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        return (step(http, base, runId) - s0) / ((System.nanoTime() - t0) / 1e9);
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

    private static long rssKiB(long pid, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String loadavg() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static long count(AtomicLongArray h) {
        long n = 0;
        for (int i = 0; i < h.length(); i++) {
            n += h.get(i);
        }
        return n;
    }

    private static long percentile(AtomicLongArray h, double q) {
        long n = count(h);
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int i = 0; i < h.length(); i++) {
            seen += h.get(i);
            if (seen >= rank) {
                return i;
            }
        }
        return -1;
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
                throw new IllegalStateException("server exited; see target-bench-classroom.log");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Reads everything (unless stalled), records live train rows in the window and their latency. */
    private static final class Viewer implements WebSocket.Listener {
        final AtomicLongArray latency;
        final Set<Long> rows = Collections.synchronizedSet(new HashSet<>());
        final AtomicLong bytes = new AtomicLong();
        final CompletableFuture<Object> closeCode = new CompletableFuture<>();
        final StringBuilder text = new StringBuilder();
        volatile long windowFrom = Long.MAX_VALUE;
        volatile long windowTo = Long.MAX_VALUE;
        volatile boolean stall;
        volatile long bytesAtStall;
        private boolean stalled;

        Viewer(AtomicLongArray latency) {
            this.latency = latency;
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            long now = System.currentTimeMillis();
            bytes.addAndGet(data.length());
            text.append(data);
            if (last) {
                Matcher m = LIVE_ROW.matcher(text);
                if (latency != null && m.find()) {
                    long sent = Long.parseLong(m.group(2));
                    if (sent >= windowFrom && sent <= windowTo) {
                        rows.add(Long.parseLong(m.group(1)));
                        latency.incrementAndGet((int) Math.min(MAX_LATENCY_MS, Math.max(0, now - sent)));
                    }
                }
                text.setLength(0);
            }
            next(w);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
            bytes.addAndGet(data.remaining());
            next(w);
            return null;
        }

        private void next(WebSocket w) {
            if (stall && !stalled) {
                stalled = true;
                bytesAtStall = bytes.get();
                return; // no more request(1): the client stops reading from its socket
            }
            if (!stalled) {
                w.request(1);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
            closeCode.complete("closed " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) {
            closeCode.complete("connection ended: " + error + (error.getCause() != null ? " caused by " + error.getCause() : ""));
        }
    }
}
