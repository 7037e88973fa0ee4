package io.jiasu.boost;

import io.jiasu.platform.ApiException;

/** The helper already helped as many players today as the campaign allows. */
final class DailyLimitReached extends ApiException {
    private final long secondsToNextDay;

    /** {@code secondsToNextDay}: until the campaign-local midnight, when the limit starts afresh (Retry-After). */
    DailyLimitReached(int limit, long secondsToNextDay) {
        super(
                429,
                "DAILY_LIMIT",
                "Daily limit reached",
                "You can help " + limit + " friends a day; come back tomorrow.");
        this.secondsToNextDay = secondsToNextDay;
    }

    @Override
    public Integer retryAfterSeconds() {
        return (int) secondsToNextDay;
    }
}
