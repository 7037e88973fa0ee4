package io.jiasu.admin;

import io.jiasu.platform.Csv;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * The participants export (viewer and up; the prize holders' contact only for admin), streamed as the client reads.
 */
@Path("/api/v1/admin/campaigns/{cid}")
@RolesAllowed(Roles.VIEWER)
class ParticipantsResource {
    private final ExportService exports;

    ParticipantsResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    @Path("/players.csv")
    @Produces(Csv.MEDIA_TYPE)
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"participants.csv\"")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @APIResponse(
            responseCode = "200",
            description = "Every player with progress, inviter, helps, finish and risk signals, UTF-8 with a BOM",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Multi<String> participants(@PathParam("cid") String cid, @Context SecurityContext caller) {
        return exports.participants(cid, Operator.of(caller), caller.isUserInRole(Roles.ADMIN));
    }
}
