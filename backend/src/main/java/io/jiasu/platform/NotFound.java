package io.jiasu.platform;

/** The thing asked for does not exist, or is not shown to this caller. */
public final class NotFound extends ApiException {
    public NotFound(String detail) {
        super(404, "NOT_FOUND", "Not found", detail);
    }
}
