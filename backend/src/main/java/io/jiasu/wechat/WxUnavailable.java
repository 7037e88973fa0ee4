package io.jiasu.wechat;

import io.jiasu.platform.ApiException;

/** WeChat failed, was busy past our one retry, or did not answer in time. */
final class WxUnavailable extends ApiException {
    WxUnavailable() {
        super(502, "WX_UNAVAILABLE", "WeChat unavailable", "WeChat did not answer; please try again.");
    }
}
