package io.jiasu.boost;

import io.jiasu.ratelimit.RateLimit;
import io.jiasu.ratelimit.Route;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** A friend's tap on "帮TA加速". */
@Path("/api/v1/campaigns/{cid}/players/{shareCode}/boosts")
class BoostResource {
    private final BoostService boosts;

    BoostResource(BoostService boosts) {
        this.boosts = boosts;
    }

    @POST
    @RolesAllowed("user")
    @RateLimit(Route.HELP)
    public Uni<Response> help(
            @PathParam("cid") String cid,
            @PathParam("shareCode") String shareCode,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context SecurityContext caller) {
        return boosts.help(cid, shareCode, caller.getUserPrincipal().getName(), idempotencyKey)
                .map(result -> Response.status(201).entity(result).build());
    }
}
