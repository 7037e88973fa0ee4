package io.jiasu.admin;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Who the console is signed in as, and so what it shows. */
@Path("/api/v1/admin/whoami")
@RolesAllowed(Roles.VIEWER)
class WhoamiResource {
    private final SecurityIdentity caller;

    WhoamiResource(SecurityIdentity caller) {
        this.caller = caller;
    }

    @GET
    public Uni<Whoami> whoami() {
        return Uni.createFrom().item(new Whoami(caller.getPrincipal().getName(), Roles.of(caller)));
    }
}
