package io.jiasu.session;

import io.jiasu.ratelimit.RateLimit;
import io.jiasu.ratelimit.Route;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Login with a wx.login code, and logout. */
@Path("/api/v1/session")
class SessionResource {
    private final SessionService sessions;

    SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimit(Route.LOGIN)
    @ResponseStatus(201)
    @APIResponse(
            responseCode = "201",
            description = "Signed in: our own token, never WeChat's session key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionCreated.class)))
    public Uni<SessionCreated> login(@NotNull(message = "is required") @Valid LoginRequest body) {
        return sessions.login(body);
    }

    @DELETE
    @RolesAllowed("user")
    @APIResponse(responseCode = "204", description = "Signed out: the token stops working at once")
    public Uni<Void> logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return sessions.logout(BearerToken.of(authorization));
    }
}
