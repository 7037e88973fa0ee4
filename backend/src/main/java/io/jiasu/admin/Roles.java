package io.jiasu.admin;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operators' roles, each including the ones before it: {@code viewer} (live views and analytics, never personal
 * data), {@code operator} (also claim review, bans and unbans), {@code admin} (also campaigns, the winners CSV, any
 * personal data, the audit log and re-keying). The identity provider grants one of them (Keycloak: a realm role in
 * {@code realm_access.roles}); the admin token holds all three.
 */
final class Roles {
    static final String VIEWER = "viewer";
    static final String OPERATOR = "operator";
    static final String ADMIN = "admin";
    /** Lowest first: a role includes every role before it. */
    static final List<String> ALL = List.of(VIEWER, OPERATOR, ADMIN);

    private Roles() {}

    /** Every operator role the identity holds or that one of its roles includes, lowest first; empty for a user. */
    static Set<String> implied(SecurityIdentity identity) {
        int highest = -1;
        for (int i = 0; i < ALL.size(); i++) {
            if (identity.hasRole(ALL.get(i))) {
                highest = i;
            }
        }
        return ALL.subList(0, highest + 1).stream().collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The operator roles an identity holds, lowest first (what whoami answers). */
    static List<String> of(SecurityIdentity identity) {
        return ALL.stream().filter(identity::hasRole).toList();
    }
}
