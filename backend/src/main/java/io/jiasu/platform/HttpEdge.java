package io.jiasu.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What happens before and after the REST layer: oversized bodies are refused up front, and paths nobody serves get
 * a problem answer instead of Vert.x's plain 404.
 */
@ApplicationScoped
class HttpEdge {
    static final long MAX_BODY_BYTES = 16 * 1024;

    private final ObjectMapper json;

    HttpEdge(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBody);
        router.route()
                .order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 1000)
                .handler(ctx -> send(ctx, Problem.of(404, "NOT_FOUND", "Not found", "No such resource.")));
    }

    private void refuseOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && parse(length) > MAX_BODY_BYTES) {
            ctx.response().putHeader("Connection", "close");
            send(ctx, Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload too large", "The body is over 16 KiB."));
            return;
        }
        ctx.next();
    }

    private void send(RoutingContext ctx, Problem problem) {
        try {
            ctx.response()
                    .setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
