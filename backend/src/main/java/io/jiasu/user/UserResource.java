package io.jiasu.user;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The signed-in user's own profile. */
@Path("/api/v1/me")
@RolesAllowed("user")
class UserResource {
    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    @GET
    public Uni<UserView> me(@Context SecurityContext caller) {
        return users.profile(caller.getUserPrincipal().getName());
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<UserView> update(@Valid ProfileUpdate update, @Context SecurityContext caller) {
        return users.update(
                caller.getUserPrincipal().getName(), update == null ? new ProfileUpdate(null, null) : update);
    }

    /**
     * The same partial update as PATCH, for the mini-program: {@code wx.request} has no PATCH method (it offers GET,
     * HEAD, POST, PUT, DELETE, OPTIONS, TRACE, CONNECT), so a phone can only send this one.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<UserView> replace(@Valid ProfileUpdate update, @Context SecurityContext caller) {
        return update(update, caller);
    }
}
