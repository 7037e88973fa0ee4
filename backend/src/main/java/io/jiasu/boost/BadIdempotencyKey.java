package io.jiasu.boost;

import io.jiasu.platform.ApiException;

/** An Idempotency-Key header that is not 1 to 64 visible ASCII characters. */
final class BadIdempotencyKey extends ApiException {
    BadIdempotencyKey() {
        super(400, "BAD_REQUEST", "Bad request", "Idempotency-Key must be 1 to 64 visible ASCII characters.");
    }
}
