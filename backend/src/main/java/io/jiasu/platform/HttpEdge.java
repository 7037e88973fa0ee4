package io.jiasu.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * What happens before and after the REST layer: a body whose Content-Length is over its path's limit is refused up
 * front (bodies without one are counted by {@link ChunkedBodyLimit}), and paths nobody serves get a problem answer
 * instead of Vert.x's plain 404. A URI that does not parse is a 400 problem here rather than Quarkus' bare 400 with
 * no body ({@link Main} turns that check off so this one answers).
 */
@ApplicationScoped
class HttpEdge {
    private final ObjectMapper json;
    private final BodyLimits limits;

    HttpEdge(ObjectMapper json, BodyLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBody);
        router.route()
                .order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 1000)
                .handler(ctx -> send(ctx, Problem.of(404, "NOT_FOUND", "Not found", "No such resource.")));
    }

    private void refuseOversizedBody(RoutingContext ctx) {
        if (!wellFormed(ctx.request().uri())) {
            send(ctx, Problem.of(400, "BAD_REQUEST", "Bad request", "The request is not well-formed."));
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        long limit = limits.forPath(ctx.request().path());
        if (length != null && parse(length) > limit) {
            ctx.response().putHeader("Connection", "close");
            send(ctx, BodyLimits.tooLarge(limit));
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

    /** A URI with a broken escape ({@code %ZZ}, a cut {@code %E4%B8}) or a bare space is refused before routing. */
    private static boolean wellFormed(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
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
