package io.jiasu.wechat;

import io.jiasu.platform.ApiException;

/** WeChat says the login code is invalid or already used (40029, 40163). */
final class WxCodeInvalid extends ApiException {
    WxCodeInvalid() {
        super(401, "WX_CODE_INVALID", "Login code invalid", "The WeChat login code is invalid or was used already.");
    }
}
