package io.jiasu.poster;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The PNG mini-program code a player puts on their poster. */
@Path("/api/v1/campaigns/{cid}/players/me/wxacode")
class WxaCodeResource {
    private static final String PNG = "image/png";

    private final WxaCodeService codes;

    WxaCodeResource(WxaCodeService codes) {
        this.codes = codes;
    }

    @GET
    @RolesAllowed("user")
    @APIResponse(
            responseCode = "200",
            description = "The mini-program code PNG",
            content = @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> wxacode(@PathParam("cid") String cid, @Context SecurityContext caller) {
        return codes.codeOf(cid, caller.getUserPrincipal().getName())
                .map(png -> Response.ok(png, PNG)
                        .header("Cache-Control", "private, max-age=86400")
                        .build());
    }
}
