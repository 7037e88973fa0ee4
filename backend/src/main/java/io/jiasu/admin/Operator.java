package io.jiasu.admin;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Who did an admin action: the signed-in identity's name ({@code token} for the admin token) and the client address.
 * It is the principal of an admin request's security identity ({@link Operators}).
 */
record Operator(String name, String address) implements Principal {
    @Override
    public String getName() {
        return name;
    }

    /** The operator behind a request, from its security context. */
    static Operator of(SecurityContext caller) {
        return caller.getUserPrincipal() instanceof Operator operator
                ? operator
                : new Operator(caller.getUserPrincipal().getName(), null);
    }
}
