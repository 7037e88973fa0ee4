package io.jiasu.platform;

/** A store could not reach MongoDB or Redis in time; answered as 503 UNAVAILABLE with Retry-After. */
public final class DependencyUnavailable extends RuntimeException {
    public DependencyUnavailable(String what, Throwable cause) {
        super(what + " unavailable", cause);
    }
}
