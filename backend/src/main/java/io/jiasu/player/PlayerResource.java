package io.jiasu.player;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiasu.platform.PreparedJson;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** Joining a campaign, the player's own run, and the public view a share card opens. */
@Path("/api/v1/campaigns/{cid}/players")
class PlayerResource {
    private final PlayerService players;
    private final CurrentIdentityAssociation identity;
    private final ObjectMapper json;

    PlayerResource(PlayerService players, CurrentIdentityAssociation identity, ObjectMapper json) {
        this.players = players;
        this.identity = identity;
        this.json = json;
    }

    @POST
    @RolesAllowed("user")
    @APIResponse(
            responseCode = "201",
            description = "Joined: the new player",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlayerView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Joined before: the same player",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlayerView.class)))
    @Consumes(MediaType.WILDCARD)
    public Uni<RestResponse<PlayerView>> join(
            @PathParam("cid") String cid,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = Origin.class)))
                    String body,
            @Context SecurityContext caller)
            throws JsonProcessingException {
        return players.join(cid, caller.getUserPrincipal().getName(), Origin.read(json, body))
                .map(joined -> RestResponse.status(
                        joined.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK, joined.player()));
    }

    @GET
    @Path("/me")
    @RolesAllowed("user")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The caller's player",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PlayerView.class)))
    public Uni<byte[]> me(@PathParam("cid") String cid, @Context SecurityContext caller) {
        // the JSON of a snapshot, written once and sent to every request that shows the same
        return players.meRecent(cid, caller.getUserPrincipal().getName()).map(PreparedJson::bytes);
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
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The player as their share landing page shows them",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PublicPlayerView.class)))
    public Uni<byte[]> player(@PathParam("cid") String cid, @PathParam("shareCode") String shareCode) {
        return identity.getDeferredIdentity()
                .flatMap(viewer -> players.landing(
                        cid,
                        shareCode,
                        viewer.isAnonymous() || !viewer.hasRole("user")
                                ? null
                                : viewer.getPrincipal().getName()))
                .map(PreparedJson::bytes);
    }
}
