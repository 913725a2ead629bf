import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up and streaming benchmark of the real server, as a user meets it: launches the README's run command
 * (`./run.sh`, already built), then measures the time to /health, to the first frame of a new ring8 run, and to
 * the first frame after Play, then the training speed over a window, as seen by a WebSocket client, and the
 * server's peak resident memory.
 *
 * Usage (from the repository root, after one `./run.sh` build): java bench/FirstFrame.java [seconds] [preset]
 * (preset default ring8; mnist-dcgan needs GAN_MNIST_DIR in the environment, which the server inherits)
 * Uses only the JDK (java.net.http), so it needs no build.
 */
public final class FirstFrame {
    private static final Pattern STEP = Pattern.compile("\"step\":\\[(\\d+)");
    private static final Pattern RUN_ID = Pattern.compile("\"runId\":\"(r[0-9a-f]{12})\"");

    public static void main(String[] args) throws Exception {
        int window = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String preset = args.length > 1 ? args[1] : "ring8";
        int port = 18_080;
        ProcessBuilder pb = new ProcessBuilder("./run.sh").redirectErrorStream(true)
                .redirectOutput(Path.of("target-bench-server.log").toFile());
        pb.environment().put("PORT", String.valueOf(port));
        // A fresh runs folder: runs left training in an old one are resumed at start and would share the CPU (or
        // hold the training slots); trained classifiers are kept between invocations.
        pb.environment().put("GAN_RUNS_DIR", java.nio.file.Files.createTempDirectory("gan-bench-runs").toString());
        pb.environment().put("GAN_CACHE_DIR", System.getProperty("java.io.tmpdir") + "/gan-bench-cache");
        long t0 = System.nanoTime();
        Process server = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + port + "/health");
            while (true) {
                try {
                    if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    // server not listening yet
                }
                if (!server.isAlive()) {
                    throw new IllegalStateException("server exited; see target-bench-server.log");
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
            long tHealth = System.nanoTime();
            // As the page does: a browser token first (docs/protocol.md 3.8), offered on the socket.
            String token = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/identity"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            Listener l = new Listener();
            WebSocket ws = http.newWebSocketBuilder().subprotocols("gan.v1", "gan.token." + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), l).get(30, TimeUnit.SECONDS);
            l.ws = ws;
            ws.sendText("{\"type\":\"create_run\",\"payload\":{\"preset\":\"" + preset + "\"}}", true);
            long tFrame = l.firstFrame.get(60, TimeUnit.SECONDS);
            String runId = l.runId.get(60, TimeUnit.SECONDS);
            long tStart = System.nanoTime();
            ws.sendText("{\"type\":\"start\",\"runId\":\"" + runId + "\"}", true);
            long tLive = l.firstLiveFrame.get(60, TimeUnit.SECONDS);
            long s0 = l.lastStep;
            long w0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(window);
            long s1 = l.lastStep;
            double seconds = (System.nanoTime() - w0) / 1e9;
            System.out.printf("README run command -> /health 200:            %6.2f s%n", (tHealth - t0) / 1e9);
            System.out.printf("README run command -> first frame of new run: %6.2f s%n", (tFrame - t0) / 1e9);
            System.out.printf("Play -> first frame with step > 0:            %6.3f s%n", (tLive - tStart) / 1e9);
            System.out.printf("README run command -> first live frame:       %6.2f s%n", (tLive - t0) / 1e9);
            System.out.printf("%s while streaming: %.2f steps/s over %.0f s (%d frames received)%n", preset,
                    (s1 - s0) / seconds, seconds, l.frames);
            System.out.printf("server peak RSS: %s%n", peakRss(server));
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** VmHWM of the server's JVM (run.sh execs java, so it is the launched process or its child). */
    private static String peakRss(Process server) throws java.io.IOException {
        for (ProcessHandle h : java.util.stream.Stream.concat(java.util.stream.Stream.of(server.toHandle()),
                server.descendants()).toList()) {
            if (h.info().command().orElse("").endsWith("java")) {
                for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/" + h.pid() + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return line.substring(6).trim();
                    }
                }
            }
        }
        return "unknown";
    }

    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<Long> firstFrame = new CompletableFuture<>();
        final CompletableFuture<Long> firstLiveFrame = new CompletableFuture<>();
        final CompletableFuture<String> runId = new CompletableFuture<>();
        volatile long lastStep;
        volatile int frames;
        WebSocket ws;
        private final StringBuilder text = new StringBuilder();
        private ByteBuffer binary = ByteBuffer.allocate(1 << 20);

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String m = text.toString();
                text.setLength(0);
                if (m.contains("\"type\":\"run_created\"")) {
                    Matcher r = RUN_ID.matcher(m);
                    if (r.find()) {
                        runId.complete(r.group(1));
                    }
                } else if (m.contains("\"group\":\"train\"")) {
                    Matcher s = STEP.matcher(m);
                    if (s.find()) {
                        lastStep = Long.parseLong(s.group(1));
                    }
                }
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
            if (binary.remaining() < data.remaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(binary.capacity() * 2 + data.remaining());
                binary.flip();
                bigger.put(binary);
                binary = bigger;
            }
            binary.put(data);
            if (last) {
                binary.flip();
                binary.order(ByteOrder.LITTLE_ENDIAN);
                int h = binary.getInt();
                byte[] header = new byte[h];
                binary.get(header);
                String json = new String(header, StandardCharsets.UTF_8);
                Matcher s = Pattern.compile("\"step\":(\\d+)").matcher(json);
                long step = s.find() ? Long.parseLong(s.group(1)) : 0;
                long now = System.nanoTime();
                frames++;
                firstFrame.complete(now);
                if (step > 0) {
                    firstLiveFrame.complete(now);
                }
                binary.clear();
            }
            w.request(1);
            return null;
        }
    }
}
