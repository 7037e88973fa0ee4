package io.jiasu.user;

import io.jiasu.media.MediaService;
import io.jiasu.platform.BodyLimit;
import io.jiasu.platform.FieldError;
import io.jiasu.platform.ValidationFailed;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The signed-in user's avatar upload: {@code multipart/form-data} with one part {@code file}, as wx.uploadFile sends. */
@Path(AvatarResource.PATH)
@RolesAllowed("user")
class AvatarResource {
    static final String PATH = "/api/v1/me/avatar";
    /** Room for the multipart framing around the image (boundaries, part headers, a file name). */
    private static final long MULTIPART_OVERHEAD_BYTES = 16 * 1024;

    private final UserService users;

    AvatarResource(UserService users) {
        this.users = users;
    }

    /**
     * Blocking: the multipart body is then parsed from the request's input stream, which is what a chunked body
     * counted by the platform's limit becomes (the non-blocking parser would wait for bytes already read).
     */
    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<UserView> upload(
            @RestForm("file") FileUpload file, @Context SecurityContext caller, @Context UriInfo request) {
        if (file == null) {
            return Uni.createFrom()
                    .failure(new ValidationFailed(List.of(new FieldError("file", "must be an image file part"))));
        }
        return users.changeAvatar(
                caller.getUserPrincipal().getName(),
                file.uploadedFile(),
                file.size(),
                request.getBaseUri().toString());
    }

    /** This path takes a whole image; every other API path keeps 16 KiB. */
    @Produces
    @Singleton
    static BodyLimit avatarBodyLimit(MediaService media) {
        return new BodyLimit(PATH, media.maxUploadBytes() + MULTIPART_OVERHEAD_BYTES);
    }
}
