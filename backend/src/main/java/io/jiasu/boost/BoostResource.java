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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

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
    @ResponseStatus(201)
    @APIResponse(
            responseCode = "201",
            description = "Helped: what the tap did",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BoostResult.class)))
    public Uni<BoostResult> help(
            @PathParam("cid") String cid,
            @PathParam("shareCode") String shareCode,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context SecurityContext caller) {
        return boosts.help(cid, shareCode, caller.getUserPrincipal().getName(), idempotencyKey);
    }
}
