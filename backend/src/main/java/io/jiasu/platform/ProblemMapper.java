package io.jiasu.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.mongodb.MongoInternalException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into application/problem+json: domain problems, bad input, outages and the unexpected. */
class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    Response apiProblem(ApiException e, HttpServerRequest request) {
        return answer(e.problem(), request, e.retryAfterSeconds());
    }

    /** A request record or parameter broke its constraints; a broken return value is our bug. */
    @ServerExceptionMapper
    Response violations(ConstraintViolationException e, HttpServerRequest request) {
        boolean ours = e.getConstraintViolations().stream()
                .anyMatch(v -> StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                        .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE));
        return ours ? unexpected(e, request) : apiProblem(ValidationFailed.of(e.getConstraintViolations()), request);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(HttpServerRequest request) {
        return answer(Problem.of(401, "UNAUTHENTICATED", "Unauthenticated", "Sign in again."), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return answer(Problem.of(403, "FORBIDDEN", "Forbidden", "You may not do this."), request);
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(HttpServerRequest request) {
        return answer(
                Problem.of(400, "BAD_REQUEST", "Bad request", "The body is not the JSON this endpoint takes."),
                request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        if (outage(e)) {
            return unavailable(e, request);
        }
        int status = e.getResponse().getStatus();
        Problem problem = switch (status) {
            case 404 -> Problem.of(404, "NOT_FOUND", "Not found", "No such resource.");
            case 405 ->
                Problem.of(405, "METHOD_NOT_ALLOWED", "Method not allowed", "This path does not take that method.");
            case 413 -> Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload too large", "The body is over 16 KiB.");
            case 415 -> Problem.of(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", "Send application/json.");
            case 401 -> Problem.of(401, "UNAUTHENTICATED", "Unauthenticated", "Sign in again.");
            case 403 -> Problem.of(403, "FORBIDDEN", "Forbidden", "You may not do this.");
            default ->
                status < 500 ? Problem.of(400, "BAD_REQUEST", "Bad request", "The request is not well-formed.") : null;
        };
        if (problem == null) {
            return unexpected(e, request);
        }
        return answer(problem, request);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response anything(Throwable e, HttpServerRequest request) {
        return outage(e) ? unavailable(e, request) : unexpected(e, request);
    }

    private Response unavailable(Throwable e, HttpServerRequest request) {
        LOG.warnf("dependency unavailable on %s %s: %s", request.method(), request.path(), rootMessage(e));
        Problem problem = Problem.of(503, "UNAVAILABLE", "Service unavailable", "Please try again in a moment.");
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem)
                .build();
    }

    private Response unexpected(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return answer(Problem.of(500, "INTERNAL", "Internal error", "Something went wrong on our side."), request);
    }

    private static Response answer(Problem problem, HttpServerRequest request) {
        return answer(problem, request, null);
    }

    private static Response answer(Problem problem, HttpServerRequest request, Integer retryAfterSeconds) {
        if (problem.status() >= 500) {
            LOG.warnf("%d %s on %s %s", problem.status(), problem.code(), request.method(), request.path());
        } else {
            LOG.debugf("%d %s on %s %s", problem.status(), problem.code(), request.method(), request.path());
        }
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 429) {
            response.header("Retry-After", retryAfterSeconds == null ? "1" : String.valueOf(retryAfterSeconds));
        }
        return response.build();
    }

    /** MongoDB or Redis could not be reached in time: a 503 the client may retry, not a bug. */
    static boolean outage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException
                    || t instanceof MongoSocketException
                    || t instanceof ConnectException
                    // a Redis or MongoDB connection cut under a request (Netty's stackless closed-channel error)
                    || t instanceof ClosedChannelException
                    || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof io.vertx.core.http.ConnectionPoolTooBusyException
                    || t instanceof DependencyUnavailable
                    || mongoConnectionCut(t)
                    || redisTransient(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * A MongoDB connection cut while the driver wrote to it under an operation timeout: its Netty stream finds its
     * timeout handler already gone from the closed channel and reports that, not the cut.
     */
    private static boolean mongoConnectionCut(Throwable t) {
        return t instanceof MongoInternalException && t.getCause() instanceof NoSuchElementException;
    }

    /**
     * Redis answering "not now": its connection closed under the command (a failover, a restart), the client's
     * queue full, or the node refusing for the moment (a demoted primary's READONLY, LOADING, MASTERDOWN, TRYAGAIN,
     * CLUSTERDOWN). The Vert.x client reports these as bare messages, not as exception types.
     */
    private static boolean redisTransient(Throwable t) {
        String message = t.getMessage();
        if (message == null) {
            return false;
        }
        if (t instanceof io.vertx.redis.client.Response) {
            return REDIS_NOT_NOW.stream().anyMatch(message::startsWith);
        }
        return message.equals("Connection is closed") || message.equals("Redis waiting queue is full");
    }

    private static final List<String> REDIS_NOT_NOW =
            List.of("CONNECTION_CLOSED", "READONLY", "LOADING", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN");

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
