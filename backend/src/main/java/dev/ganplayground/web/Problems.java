package dev.ganplayground.web;

import io.vertx.ext.web.RoutingContext;

/** Writes JSON and RFC 9457 problem responses; never a stack trace. */
final class Problems {
    private Problems() {
    }

    static void send(RoutingContext ctx, ApiError error) {
        if (ctx.response().ended()) {
            return;
        }
        if (error.status() == 429) {
            ctx.response().putHeader("Retry-After", String.valueOf(ApiError.RETRY_AFTER_S));
        } else if (error.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"gan-playground\"");
        }
        ctx.response().setStatusCode(error.status())
                .putHeader("Content-Type", "application/problem+json")
                .end(error.toProblem().encode());
    }

    static void json(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    /** The router's failure handler: maps Vert.x failures (e.g. 413 from the body limit) to problems. */
    static void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        ApiError error = switch (status) {
            case 413 -> ApiError.of("too_large", 413, "request body over " + ApiHandler.MAX_BODY + " bytes");
            case 400 -> ApiError.invalidMessage("malformed request");
            case 404 -> ApiError.of("not_found", 404, "no such resource");
            case 405 -> ApiError.of("method_not_allowed", 405, "method not allowed");
            default -> ApiError.of("internal", 500, "internal error; the server log has the details");
        };
        send(ctx, error);
    }
}
