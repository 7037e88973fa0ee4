package io.jiasu.wechat;

import io.jiasu.platform.ApiException;

/** WeChat refused the login as high risk (40226). */
final class WxRiskUser extends ApiException {
    WxRiskUser() {
        super(403, "WX_RISK_USER", "Login refused", "WeChat refused this login as high risk.");
    }
}
