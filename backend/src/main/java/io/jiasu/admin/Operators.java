package io.jiasu.admin;

import io.jiasu.platform.ClientAddress;
import io.jiasu.platform.Text;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Names the operator behind an admin request for the audit log. There is one admin token, so the name is the one the
 * operator typed when signing in to the console ({@code X-Operator}); the address is what tells requests apart.
 */
@ApplicationScoped
class Operators {
    static final String HEADER = "X-Operator";
    private static final String UNNAMED = "admin";

    private final ClientAddress addresses;

    Operators(ClientAddress addresses) {
        this.addresses = addresses;
    }

    Operator of(HttpServerRequest request) {
        String declared = request.getHeader(HEADER);
        String name = declared == null || Text.problemWith(declared, 1, 40) != null ? UNNAMED : declared.strip();
        return new Operator(name, addresses.of(request));
    }
}
