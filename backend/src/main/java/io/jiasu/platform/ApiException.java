package io.jiasu.platform;

import java.util.List;
import java.util.Locale;

/** A failure a client is meant to see: an HTTP status, a stable code and a human sentence. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    public ApiException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds a client should wait before trying again (the Retry-After header of a 429), or null for the default. */
    public Integer retryAfterSeconds() {
        return null;
    }

    /**
     * How a piece of work ended, as a metric tag or an audit outcome: {@code success} when it did not fail, the
     * problem code in lower case ({@code already_boosted}) when the client was told why, {@code error} otherwise.
     */
    public static String outcome(Throwable failure, String success) {
        if (failure == null) {
            return success;
        }
        return failure instanceof ApiException api ? api.code().toLowerCase(Locale.ROOT) : "error";
    }

    /** The answer a client gets for this failure. */
    public Problem problem() {
        return Problem.of(status, code, title, getMessage(), errors);
    }
}
