package io.jiasu.media;

import io.jiasu.platform.NotFound;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Serves avatars to anyone (the CDN pulls them like static files): a name is its content's hash, so an answer never
 * changes and is cached for a year; a strong ETag answers revalidation with 304.
 */
@Path("/media/avatars")
class MediaResource {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.(?:jpg|png)");

    private final MediaService media;

    MediaResource(MediaService media) {
        this.media = media;
    }

    @GET
    @Path("/{name}")
    @APIResponse(
            responseCode = "200",
            description = "The avatar, JPEG or PNG as its name says",
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is this avatar's")
    public Uni<Response> avatar(
            @PathParam("name") String name, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (!NAME.matcher(name).matches()) {
            return Uni.createFrom().failure(new NotFound("No such avatar."));
        }
        return media.file(name).map(file -> {
            if (file == null) {
                throw new NotFound("No such avatar.");
            }
            EntityTag tag = new EntityTag(file.sha256());
            Response.ResponseBuilder answer = matches(ifNoneMatch, file.sha256())
                    ? Response.notModified()
                    : Response.ok(file.bytes(), file.contentType());
            return answer.tag(tag)
                    .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        });
    }

    /** If-None-Match holds this tag (weakly compared, as RFC 9110 says for this header) or "*". */
    private static boolean matches(String ifNoneMatch, String sha256) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals("\"" + sha256 + "\"")) {
                return true;
            }
        }
        return false;
    }
}
