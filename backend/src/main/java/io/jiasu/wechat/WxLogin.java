package io.jiasu.wechat;

/** What code2session tells us about a user; it stays on the server. */
public record WxLogin(String openid, String sessionKey, String unionid) {
    @Override
    public String toString() {
        return "WxLogin[redacted]";
    }
}
