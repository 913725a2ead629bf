package dev.ganplayground.web;

import dev.ganplayground.config.AccessConfig;
import dev.ganplayground.config.AppConfig;
import dev.ganplayground.config.Presets;
import dev.ganplayground.config.ServerLimits;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;

/**
 * The HTTP side: /health, REST under /api, the page and its WebJars, and the WebSocket at /ws. Limits are set
 * explicitly ({@link ServerLimits}: frame and message size; body size) and WebSocket compression (permessage-deflate
 * and per-frame) is off entirely: frames are float arrays and PNGs that deflate poorly, the text is small, and
 * deflate costs the event loop CPU and a compression window of memory per viewer. The handshake checks, in order:
 * path, subprotocol, Origin (exact, 403), token (401 when malformed) and the per-user socket cap (429).
 */
public final class HttpServerVerticle extends VerticleBase {
    public static final String SUBPROTOCOL = "gan.v1";

    private static final Logger LOG = LoggerFactory.getLogger(HttpServerVerticle.class);
    private final AppConfig app;
    private final AccessConfig access;
    private final Presets presets;
    private final ServerLimits limits;
    private final AccessTokens tokens;
    private final SocketCounter sockets;
    private volatile OriginCheck origins;
    private HttpServer server;

    public HttpServerVerticle(AppConfig app, AccessConfig access, ServerLimits limits, Presets presets) {
        this.app = app;
        this.access = access;
        this.presets = presets;
        this.limits = limits;
        this.tokens = new AccessTokens(access.adminToken());
        this.sockets = new SocketCounter(access.maxSocketsPerUser());
    }

    @Override
    public Future<?> start() {
        RunsClient runs = new RunsClient(vertx);
        RunFeeds feeds = new RunFeeds(vertx); // one per verticle instance: confined to its event loop
        ApiHandler api = new ApiHandler(presets, runs, tokens);
        JsonArray presetList = new JsonArray();
        presets.all().forEach(p -> presetList.add(api.presetJson(p)));
        JsonArray pairList = new JsonArray();
        presets.pairs().forEach(p -> pairList.add(Pairs.toJson(p)));
        JsonObject catalogue = new JsonObject().put("presets", presetList).put("pairs", pairList);

        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> Problems.json(ctx, 200, "{\"status\":\"UP\"}"));
        api.mount(router);
        router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        router.route().failureHandler(Problems::failure);
        // A path that matches nothing (also one whose ../ normalised it out of /api) is a problem too, not HTML.
        router.errorHandler(404, Problems::failure);

        HttpServerOptions options = new HttpServerOptions().setHost(app.host()).setPort(app.port())
                .setMaxWebSocketFrameSize(limits.maxFrameBytes()).setMaxWebSocketMessageSize(limits.maxMessageBytes())
                .setWebSocketSubProtocols(List.of(SUBPROTOCOL))
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        server = vertx.createHttpServer(options)
                .webSocketHandshakeHandler(this::handshake)
                .webSocketHandler(ws -> {
                    Caller caller = callerOf(ws.headers());
                    Runnable released = caller.hasToken() ? () -> sockets.closed(caller.user()) : () -> { };
                    new WsSession(vertx, ws, presets, runs, feeds, catalogue, limits, caller, released);
                })
                .requestHandler(router);
        return server.listen().onSuccess(s -> {
            origins = new OriginCheck(access.effectiveOrigins(app.host(), s.actualPort()), access.requireOrigin());
            LOG.info("WebSocket origins allowed: {}", origins.allowed());
        });
    }

    /** The identity checked at the handshake (a malformed token never gets this far). */
    private Caller callerOf(io.vertx.core.MultiMap headers) {
        try {
            return tokens.identify(headers);
        } catch (AccessTokens.InvalidTokenException e) {
            return Caller.ANONYMOUS;
        }
    }

    /** Only /ws upgrades; a client that offers subprotocols must offer ours. */
    private void handshake(ServerWebSocketHandshake h) {
        if (!"/ws".equals(h.path())) {
            h.reject(404);
            return;
        }
        String offered = h.headers().get("Sec-WebSocket-Protocol");
        if (offered != null && Arrays.stream(offered.split(",")).map(String::trim).noneMatch(SUBPROTOCOL::equals)) {
            h.reject(400);
            return;
        }
        OriginCheck check = origins;
        List<String> origin = h.headers().getAll("Origin");
        if (check == null || origin.size() > 1 || !check.allows(origin.isEmpty() ? null : origin.get(0))) {
            LOG.info("WebSocket from {} refused: Origin not allowed", h.remoteAddress());
            h.reject(403);
            return;
        }
        Caller caller;
        try {
            caller = tokens.identify(h.headers());
        } catch (AccessTokens.InvalidTokenException e) {
            h.reject(401);
            return;
        }
        if (caller.hasToken() && !sockets.tryOpen(caller.user())) {
            h.reject(429);
            return;
        }
        h.accept().onFailure(e -> {
            if (caller.hasToken()) {
                sockets.closed(caller.user());
            }
        });
    }

    /** The port actually bound (useful with port 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
