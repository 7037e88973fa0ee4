package io.jiasu.wechat;

import io.jiasu.platform.ApiException;

/** WeChat's minute quota is used up (errcode 45011): 429 RATE_LIMITED, try again in the next minute. */
final class WxRateLimited extends ApiException {
    private static final int NEXT_MINUTE_SECONDS = 60;

    WxRateLimited() {
        super(429, "RATE_LIMITED", "Too many requests", "WeChat asks us to slow down; please try again in a minute.");
    }

    @Override
    public Integer retryAfterSeconds() {
        return NEXT_MINUTE_SECONDS;
    }
}
