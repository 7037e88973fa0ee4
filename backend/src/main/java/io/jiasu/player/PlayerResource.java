package io.jiasu.player;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Joining a campaign, the player's own run, and the public view a share card opens. */
@Path("/api/v1/campaigns/{cid}/players")
class PlayerResource {
    private final PlayerService players;
    private final CurrentIdentityAssociation identity;

    PlayerResource(PlayerService players, CurrentIdentityAssociation identity) {
        this.players = players;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("user")
    public Uni<Response> join(@PathParam("cid") String cid, @Context SecurityContext caller) {
        return players.join(cid, caller.getUserPrincipal().getName())
                .map(joined -> Response.status(joined.created() ? 201 : 200)
                        .entity(joined.player())
                        .build());
    }

    @GET
    @Path("/me")
    @RolesAllowed("user")
    public Uni<PlayerView> me(@PathParam("cid") String cid, @Context SecurityContext caller) {
        return players.me(cid, caller.getUserPrincipal().getName());
    }

    @GET
    @Path("/me/boosts")
    @RolesAllowed("user")
    public Uni<BoostList> boosts(@PathParam("cid") String cid, @Context SecurityContext caller) {
        return players.boosts(cid, caller.getUserPrincipal().getName());
    }

    @GET
    @Path("/{shareCode}")
    @PermitAll
    public Uni<PublicPlayerView> player(@PathParam("cid") String cid, @PathParam("shareCode") String shareCode) {
        return identity.getDeferredIdentity()
                .flatMap(viewer -> players.publicView(
                        cid,
                        shareCode,
                        viewer.isAnonymous() || !viewer.hasRole("user")
                                ? null
                                : viewer.getPrincipal().getName()));
    }
}
