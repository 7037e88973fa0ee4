package io.jiasu.platform;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Puts the id nginx gives every request ({@code X-Request-Id}, its {@code $request_id}) into the logging context, so
 * each log line of a request carries it as {@code requestId} and a failed request can be followed from the edge's
 * access log to the app's. Only an id of the shape nginx makes is believed; anything else is left out of the logs.
 */
@ApplicationScoped
class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::tag);
    }

    private void tag(RoutingContext context) {
        String id = context.request().getHeader(HEADER);
        // the MDC lives on the request's own Vert.x context, so it follows the request and ends with it
        if (id != null && SHAPE.matcher(id).matches()) {
            MDC.put(MDC_KEY, id);
        } else {
            MDC.remove(MDC_KEY);
        }
        context.next();
    }
}
