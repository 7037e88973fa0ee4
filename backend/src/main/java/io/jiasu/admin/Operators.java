package io.jiasu.admin;

import io.jiasu.platform.ClientAddress;
import io.jiasu.platform.Text;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Names the operator behind an admin request for the audit log. There is one admin token, so the name is the one the
 * operator typed when signing in to the console ({@code X-Operator}, percent-encoded UTF-8); the address is what tells
 * requests apart.
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
        String declared = decoded(request.getHeader(HEADER));
        String name = declared == null || Text.problemWith(declared, 1, 40) != null ? UNNAMED : declared.strip();
        return new Operator(name, addresses.of(request));
    }

    private static String decoded(String header) {
        if (header == null) {
            return null;
        }
        try {
            return URLDecoder.decode(header, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
