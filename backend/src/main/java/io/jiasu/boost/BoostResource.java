package io.jiasu.boost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiasu.platform.ClientAddress;
import io.jiasu.player.Origin;
import io.jiasu.ratelimit.RateLimit;
import io.jiasu.ratelimit.Route;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** A friend's tap on "帮TA加速". */
@Path("/api/v1/campaigns/{cid}/players/{shareCode}/boosts")
class BoostResource {
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final BoostService boosts;
    private final ObjectMapper json;
    private final ClientAddress addresses;

    BoostResource(BoostService boosts, ObjectMapper json, ClientAddress addresses) {
        this.boosts = boosts;
        this.json = json;
        this.addresses = addresses;
    }

    @POST
    @RolesAllowed("user")
    @RateLimit(Route.HELP)
    @ResponseStatus(201)
    @Consumes(MediaType.WILDCARD)
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
            @Parameter(description = "1 to 64 visible ASCII characters; a retry with the same key answers as the first")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = Origin.class)))
                    String body,
            @Context HttpHeaders headers,
            @Context SecurityContext caller,
            @Context RoutingContext http)
            throws JsonProcessingException {
        return boosts.help(
                cid,
                shareCode,
                caller.getUserPrincipal().getName(),
                keyOf(headers),
                Origin.read(json, body),
                addresses.of(http));
    }

    /**
     * The Idempotency-Key as sent: absent is no key, but an empty one (which the header parameter would turn into no
     * key) or two of them are a key we can't honour, refused as {@code BAD_REQUEST} rather than helped unkeyed.
     */
    private static String keyOf(HttpHeaders headers) {
        List<String> keys = headers.getRequestHeader(IDEMPOTENCY_KEY);
        if (keys == null || keys.isEmpty()) {
            return null;
        }
        return keys.size() == 1 ? keys.get(0) : "";
    }
}
