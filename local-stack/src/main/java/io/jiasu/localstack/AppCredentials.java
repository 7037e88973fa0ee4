package io.jiasu.localstack;

/** The one mini-program the stub knows, and WeChat's order of checks on its credentials. */
record AppCredentials(String appid, String secret) {

    /** Null when both match; WeChat rejects the appid (40013) before the secret (40125). */
    WechatError check(String givenAppid, String givenSecret) {
        if (!appid.equals(givenAppid)) {
            return WechatError.INVALID_APPID;
        }
        return secret.equals(givenSecret) ? null : WechatError.INVALID_APPSECRET;
    }
}
