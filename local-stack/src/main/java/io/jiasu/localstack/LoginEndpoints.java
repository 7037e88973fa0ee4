package io.jiasu.localstack;

import java.time.Clock;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * {@code GET /sns/jscode2session} and {@code POST /wxa/business/getuserphonenumber}: what WeChat tells the
 * server about a user from a code the mini-program obtained. A valid code is its own openid, so tests can
 * log in as a named user; a few reserved codes produce WeChat's failures. Each login gets a new random
 * session_key, as at WeChat.
 */
final class LoginEndpoints {
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final AppCredentials app;
    private final SessionKeys sessionKeys;
    private final Clock clock;

    LoginEndpoints(AppCredentials app, SessionKeys sessionKeys, Clock clock) {
        this.app = app;
        this.sessionKeys = sessionKeys;
        this.clock = clock;
    }

    StubResponse jscode2session(StubRequest request) {
        if (!"authorization_code".equals(request.param("grant_type"))) {
            return WechatError.INVALID_GRANT_TYPE.response();
        }
        WechatError rejected = app.check(request.param("appid"), request.param("secret"));
        if (rejected != null) {
            return rejected.response();
        }
        String code = request.param("js_code");
        WechatError reserved = reservedCodeError(code);
        if (reserved != null) {
            return reserved.response();
        }
        return StubResponse.ok(
                Json.object().put("session_key", sessionKeys.issue(code)).put("openid", code));
    }

    StubResponse phoneNumber(StubRequest request) {
        String code = request.field("code");
        if (code == null || "invalid".equals(code) || !CODE.matcher(code).matches()) {
            return WechatError.INVALID_CODE.response();
        }
        String phone = "138" + digits(digest("phone", code, 8), 8);
        var info = Json.object()
                .put("phoneNumber", phone)
                .put("purePhoneNumber", phone)
                .put("countryCode", 86);
        info.putObject("watermark")
                .put("timestamp", clock.instant().getEpochSecond())
                .put("appid", app.appid());
        var body = Json.object().put("errcode", 0).put("errmsg", "ok");
        body.set("phone_info", info);
        return StubResponse.ok(body);
    }

    private static WechatError reservedCodeError(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return WechatError.INVALID_CODE;
        }
        return switch (code) {
            case "invalid" -> WechatError.INVALID_CODE;
            case "busy" -> WechatError.SYSTEM_BUSY;
            case "risky" -> WechatError.HIGH_RISK_USER;
            case "used" -> WechatError.CODE_BEEN_USED;
            case "limited" -> WechatError.FREQUENCY_LIMITED;
            default -> null;
        };
    }

    /** Stable per app and code, so the same code always gets the same phone number. */
    private byte[] digest(String purpose, String code, int length) {
        return Arrays.copyOf(Fingerprint.of(purpose, app.appid(), code), length);
    }

    private static String digits(byte[] bytes, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(Math.floorMod(bytes[i], 10));
        }
        return out.toString();
    }
}
