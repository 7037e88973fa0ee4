package io.jiasu.session;

import io.jiasu.ratelimit.RateLimit;
import io.jiasu.ratelimit.Route;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Login with a wx.login code, and logout. */
@Path("/api/v1/session")
class SessionResource {
    private final SessionService sessions;

    SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @POST
    @PermitAll
    @RateLimit(Route.LOGIN)
    public Uni<Response> login(@NotNull(message = "is required") @Valid LoginRequest body) {
        return sessions.login(body)
                .map(created -> Response.status(201).entity(created).build());
    }

    @DELETE
    @RolesAllowed("user")
    public Uni<Response> logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return sessions.logout(BearerToken.of(authorization))
                .map(ignored -> Response.noContent().build());
    }
}
