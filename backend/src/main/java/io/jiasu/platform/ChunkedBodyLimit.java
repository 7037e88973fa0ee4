package io.jiasu.platform;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts a body sent without a Content-Length (chunked) against its path's limit while it arrives, before anything
 * parses it: over the limit is a 413 problem and the connection closes; within it, the bytes read become the body.
 * Without this, only Content-Length was checked and a long chunked body reached Quarkus' own limit, which answers
 * without problem+json and logs stack traces (a log-flooding vector).
 */
class ChunkedBodyLimit {
    private static final Logger LOG = Logger.getLogger(ChunkedBodyLimit.class);

    private final BodyLimits limits;

    ChunkedBodyLimit(BodyLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    Uni<Response> count(ContainerRequestContext request, HttpServerRequest http) {
        if (http.getHeader("Content-Length") != null || http.getHeader("Transfer-Encoding") == null || http.isEnded()) {
            return Uni.createFrom().nullItem();
        }
        long limit = limits.forPath(http.path());
        return Uni.createFrom().emitter(emitter -> {
            Buffer body = Buffer.buffer();
            boolean[] refused = {false};
            http.handler(chunk -> {
                if (refused[0]) {
                    return;
                }
                if (body.length() + chunk.length() > limit) {
                    refused[0] = true;
                    LOG.debugf("413 PAYLOAD_TOO_LARGE on %s %s (chunked)", http.method(), http.path());
                    emitter.complete(Response.status(413)
                            .type(Problem.MEDIA_TYPE)
                            .header("Connection", "close")
                            .entity(BodyLimits.tooLarge(limit))
                            .build());
                    return;
                }
                body.appendBuffer(chunk);
            });
            http.endHandler(end -> {
                if (!refused[0]) {
                    request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
                    emitter.complete(null);
                }
            });
            http.exceptionHandler(failure -> {
                if (!refused[0]) {
                    emitter.fail(failure);
                }
            });
            http.resume();
        });
    }
}
