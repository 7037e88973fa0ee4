package io.jiasu.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the app. Quarkus answers a request whose URI does not parse ({@code /api/v1/campaigns/%ZZ}) with a bare 400
 * and no body before any route runs; with that check off, {@link HttpEdge} answers it as a problem like every
 * other bad request.
 */
@QuarkusMain
public final class Main {
    private Main() {}

    public static void main(String... args) {
        if (System.getProperty("vertx.disableURIValidation") == null) {
            System.setProperty("vertx.disableURIValidation", "true");
        }
        Quarkus.run(args);
    }
}
