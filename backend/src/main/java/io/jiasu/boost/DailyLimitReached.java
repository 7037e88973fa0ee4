package io.jiasu.boost;

import io.jiasu.platform.ApiException;

/** The helper already helped as many players today as the campaign allows. */
final class DailyLimitReached extends ApiException {
    DailyLimitReached(int limit) {
        super(
                429,
                "DAILY_LIMIT",
                "Daily limit reached",
                "You can help " + limit + " friends a day; come back tomorrow.");
    }
}
