package io.jiasu.wechat;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The mini-program's message-push URL: WeChat's URL check (GET) and its events (POST), both signed. */
@Path("/wechat/push")
@Produces(MediaType.TEXT_PLAIN)
class PushResource {
    private final PushService push;

    PushResource(PushService push) {
        this.push = push;
    }

    @GET
    public String verify(
            @QueryParam("signature") String signature,
            @QueryParam("timestamp") String timestamp,
            @QueryParam("nonce") String nonce,
            @QueryParam("echostr") String echostr) {
        push.requireSigned(timestamp, nonce, signature);
        return echostr == null ? "" : echostr;
    }

    @POST
    public Uni<String> receive(
            @QueryParam("signature") String signature,
            @QueryParam("timestamp") String timestamp,
            @QueryParam("nonce") String nonce,
            String body) {
        push.requireSigned(timestamp, nonce, signature);
        return push.receive(body).replaceWith("success");
    }
}
