package io.jiasu.session;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Sign out everywhere: every session of the caller, on every device, ends at once. */
@Path("/api/v1/sessions")
class SessionsResource {
    private final SessionService sessions;

    SessionsResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @DELETE
    @RolesAllowed("user")
    @APIResponse(responseCode = "204", description = "Signed out everywhere: every token of the caller stops working")
    public Uni<Void> logoutEverywhere(@Context SecurityContext caller) {
        return sessions.logoutEverywhere(caller.getUserPrincipal().getName());
    }
}
