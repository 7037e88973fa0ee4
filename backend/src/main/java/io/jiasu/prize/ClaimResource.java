package io.jiasu.prize;

import io.jiasu.ratelimit.RateLimit;
import io.jiasu.ratelimit.Route;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** A prize holder says where their prize goes, and reads back what is stored (masked). */
@Path("/api/v1/campaigns/{cid}/players/me/claim")
@RolesAllowed("user")
class ClaimResource {
    private final ClaimService claims;

    ClaimResource(ClaimService claims) {
        this.claims = claims;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimit(Route.CLAIM)
    public Uni<ClaimView> claim(@PathParam("cid") String cid, ClaimRequest request, @Context SecurityContext caller) {
        return claims.submit(cid, caller.getUserPrincipal().getName(), request);
    }

    @GET
    public Uni<ClaimView> mine(@PathParam("cid") String cid, @Context SecurityContext caller) {
        return claims.mine(cid, caller.getUserPrincipal().getName());
    }
}
