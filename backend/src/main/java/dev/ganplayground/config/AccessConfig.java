package dev.ganplayground.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of a shared server: who may connect and control, and the fair limits (README, "Shared lab server").
 * Each comes from an environment variable with a default; kept apart from {@link AppConfig} so the single-user
 * settings stay as they are.
 *
 * @param adminToken        a token that may control and stop every run ({@code GAN_ADMIN_TOKEN}, 22..128 characters
 *                          of {@code A-Z a-z 0-9 - _}); null: no admin
 * @param allowedOrigins    WebSocket Origins accepted, each {@code scheme://host[:port]} compared by exact string
 *                          equality ({@code GAN_ALLOWED_ORIGINS}, comma-separated); null: derived from the bound
 *                          address and port, see {@link #effectiveOrigins}
 * @param requireOrigin     refuse handshakes without an Origin header ({@code GAN_REQUIRE_ORIGIN}, default false:
 *                          browsers always send one, and a non-browser client carries no ambient credential)
 * @param maxTrainingRuns   runs training at once; further started runs wait in a FIFO queue ({@code GAN_MAX_TRAINING},
 *                          default the number of cores), in [1, 256]
 * @param maxRunsPerUser    runs one token may own that have not stopped ({@code GAN_MAX_RUNS_PER_USER}, default 4),
 *                          in [1, 256]
 * @param maxSocketsPerUser open WebSockets one token may hold ({@code GAN_MAX_SOCKETS_PER_USER}, default 8), in
 *                          [1, 1024]
 */
public record AccessConfig(String adminToken, List<String> allowedOrigins, boolean requireOrigin, int maxTrainingRuns,
                           int maxRunsPerUser, int maxSocketsPerUser) {
    /** Origins look like this: a scheme, a host and an optional port, nothing after. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/\\s?#@]+");
    private static final Pattern ADMIN_TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,128}");
    private static final Set<String> WILDCARD_HOSTS = Set.of("0.0.0.0", "::", "[::]", "");

    public AccessConfig {
        Validator v = new Validator();
        v.require(adminToken == null || ADMIN_TOKEN.matcher(adminToken).matches(), "GAN_ADMIN_TOKEN",
                "must be 22 to 128 characters of A-Z a-z 0-9 - _");
        if (allowedOrigins != null) {
            for (String o : allowedOrigins) {
                v.require(ORIGIN.matcher(o).matches() && !o.endsWith(":"), "GAN_ALLOWED_ORIGINS",
                        "'" + o + "' is not scheme://host[:port] (no path, no trailing slash)");
            }
            allowedOrigins = List.copyOf(allowedOrigins);
        }
        v.intRange("GAN_MAX_TRAINING", maxTrainingRuns, 1, 256);
        v.intRange("GAN_MAX_RUNS_PER_USER", maxRunsPerUser, 1, 256);
        v.intRange("GAN_MAX_SOCKETS_PER_USER", maxSocketsPerUser, 1, 1024);
        v.throwIfInvalid();
    }

    /** Every default: no admin, derived origins, one training run per core, 4 runs and 8 sockets per user. */
    public static AccessConfig defaults() {
        return fromEnv(Map.of());
    }

    public static AccessConfig fromEnv(Map<String, String> env) {
        String admin = env.get("GAN_ADMIN_TOKEN");
        String origins = env.get("GAN_ALLOWED_ORIGINS");
        List<String> list = origins == null || origins.isBlank() ? null
                : Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new AccessConfig(admin == null || admin.isBlank() ? null : admin.trim(), list,
                Boolean.parseBoolean(env.getOrDefault("GAN_REQUIRE_ORIGIN", "false").trim()),
                AppConfig.integer(env, "GAN_MAX_TRAINING", Runtime.getRuntime().availableProcessors()),
                AppConfig.integer(env, "GAN_MAX_RUNS_PER_USER", 4),
                AppConfig.integer(env, "GAN_MAX_SOCKETS_PER_USER", 8));
    }

    public AccessConfig withMaxTrainingRuns(int n) {
        return new AccessConfig(adminToken, allowedOrigins, requireOrigin, n, maxRunsPerUser, maxSocketsPerUser);
    }

    public AccessConfig withLimits(int training, int runsPerUser, int socketsPerUser) {
        return new AccessConfig(adminToken, allowedOrigins, requireOrigin, training, runsPerUser, socketsPerUser);
    }

    public AccessConfig withAdminToken(String token) {
        return new AccessConfig(token, allowedOrigins, requireOrigin, maxTrainingRuns, maxRunsPerUser,
                maxSocketsPerUser);
    }

    public AccessConfig withOrigins(List<String> origins, boolean require) {
        return new AccessConfig(adminToken, origins, require, maxTrainingRuns, maxRunsPerUser, maxSocketsPerUser);
    }

    /**
     * The Origins a handshake may carry. Configured ones as given; otherwise {@code http://} with the bound port
     * (omitted for 80, as browsers omit it) for localhost, 127.0.0.1 and [::1], the bound host when it is a
     * specific one, and every IPv4 address of this machine's interfaces when bound to all (0.0.0.0), so a lab server
     * is reachable by IP without configuration. A host name other than localhost, or https behind a proxy, needs
     * GAN_ALLOWED_ORIGINS.
     */
    public List<String> effectiveOrigins(String boundHost, int port) {
        if (allowedOrigins != null) {
            return allowedOrigins;
        }
        String p = port == 80 ? "" : ":" + port;
        Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
        String host = boundHost == null ? "" : boundHost.trim();
        if (WILDCARD_HOSTS.contains(host)) {
            hosts.addAll(interfaceAddresses());
        } else {
            hosts.add(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        }
        List<String> out = new ArrayList<>();
        hosts.forEach(h -> out.add("http://" + h + p));
        return List.copyOf(out);
    }

    private static List<String> interfaceAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    // IPv4 only: Java writes IPv6 addresses uncompressed, browsers compressed.
                    if (a instanceof Inet4Address) {
                        out.add(a.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // No interface list: the loopback origins remain.
        }
        return out;
    }
}
