package dev.ganplayground.web;

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

import java.util.Arrays;
import java.util.List;

/**
 * The HTTP side: /health, REST under /api, the page and its WebJars, and the WebSocket at /ws. Limits are set
 * explicitly ({@link ServerLimits}: frame and message size; body size) and WebSocket compression (permessage-deflate
 * and per-frame) is off entirely: frames are float arrays and PNGs that deflate poorly, the text is small, and
 * deflate costs the event loop CPU and a compression window of memory per viewer.
 */
public final class HttpServerVerticle extends VerticleBase {
    public static final String SUBPROTOCOL = "gan.v1";

    private final AppConfig app;
    private final Presets presets;
    private final ServerLimits limits;
    private HttpServer server;

    public HttpServerVerticle(AppConfig app, Presets presets) {
        this(app, presets, ServerLimits.DEFAULTS);
    }

    public HttpServerVerticle(AppConfig app, Presets presets, ServerLimits limits) {
        this.app = app;
        this.presets = presets;
        this.limits = limits;
    }

    @Override
    public Future<?> start() {
        RunsClient runs = new RunsClient(vertx);
        ApiHandler api = new ApiHandler(presets, runs);
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

        HttpServerOptions options = new HttpServerOptions().setHost(app.host()).setPort(app.port())
                .setMaxWebSocketFrameSize(limits.maxFrameBytes()).setMaxWebSocketMessageSize(limits.maxMessageBytes())
                .setWebSocketSubProtocols(List.of(SUBPROTOCOL))
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        server = vertx.createHttpServer(options)
                .webSocketHandshakeHandler(this::handshake)
                .webSocketHandler(ws -> new WsSession(vertx, ws, presets, runs, catalogue, limits))
                .requestHandler(router);
        return server.listen();
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
        h.accept();
    }

    /** The port actually bound (useful with port 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
