package io.jiasu.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The operators' console is static files under /admin/ (built from src/main/webui); a bare /admin lands there too.
 * {@code /admin/sign-in.json} tells it how operators sign in: the identity provider (issuer and the console's public
 * client) when one is configured, whether the admin token is on, and how long an idle session lasts.
 */
@ApplicationScoped
class ConsoleRoutes {
    private final String signIn;

    ConsoleRoutes(OperatorsConfig config) {
        JsonObject answer = new JsonObject()
                .put(
                        "oidc",
                        config.oidc()
                                .authServerUrl()
                                .map(issuer -> new JsonObject()
                                        .put("authority", issuer)
                                        .put("clientId", config.oidc().clientId()))
                                .orElse(null))
                .put("token", config.adminToken().isPresent())
                .put("idleSeconds", config.consoleIdle().toSeconds());
        this.signIn = answer.encode();
    }

    void install(@Observes Router router) {
        // Vert.x matches /admin/ on this route too; only the bare path is redirected.
        router.get("/admin").handler(ctx -> {
            if (ctx.request().path().equals("/admin")) {
                ctx.response()
                        .setStatusCode(302)
                        .putHeader("Location", "/admin/")
                        .end();
            } else {
                ctx.next();
            }
        });
        router.get("/admin/sign-in.json")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store")
                        .end(signIn));
    }
}
