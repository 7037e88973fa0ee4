package io.jiasu.platform;

/** The caller is known but may not do this (a user on an admin path, a banned user). */
public final class Forbidden extends ApiException {
    public Forbidden(String detail) {
        super(403, "FORBIDDEN", "Forbidden", detail);
    }
}
