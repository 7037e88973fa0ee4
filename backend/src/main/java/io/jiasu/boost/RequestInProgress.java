package io.jiasu.boost;

import io.jiasu.platform.ApiException;

/** A request with the same Idempotency-Key is still being answered. */
final class RequestInProgress extends ApiException {
    RequestInProgress() {
        super(
                409,
                "REQUEST_IN_PROGRESS",
                "Request in progress",
                "The same request is still being processed; retry shortly.");
    }
}
