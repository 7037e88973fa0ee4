package io.jiasu.localstack;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The WeChat error codes the stub answers with, with WeChat's own errmsg texts. */
enum WechatError {
    SYSTEM_BUSY(-1, "system error"),
    INVALID_CREDENTIAL(40001, "invalid credential, access_token is invalid or not latest"),
    INVALID_GRANT_TYPE(40002, "invalid grant_type"),
    INVALID_OPENID(40003, "invalid openid"),
    INVALID_APPID(40013, "invalid appid"),
    INVALID_CODE(40029, "invalid code"),
    INVALID_TEMPLATE_ID(40037, "invalid template_id"),
    INVALID_URL(40066, "invalid url"),
    INVALID_APPSECRET(40125, "invalid appsecret"),
    CODE_BEEN_USED(40163, "code been used"),
    INVALID_SCENE(40169, "invalid length for scene, or the data is not json string"),
    HIGH_RISK_USER(40226, "high risk user, login blocked"),
    ACCESS_TOKEN_MISSING(41001, "access_token missing"),
    INVALID_PAGE(41030, "invalid page"),
    ACCESS_TOKEN_EXPIRED(42001, "access_token expired"),
    REQUIRE_GET(43001, "require GET method"),
    REQUIRE_POST(43002, "require POST method"),
    USER_REFUSED(43101, "user refuse to accept the msg"),
    FREQUENCY_LIMITED(45011, "api minute-quota reach limit mustslower retry next minute"),
    DATA_FORMAT_ERROR(47001, "data format error"),
    ARGUMENT_INVALID(47003, "argument invalid!"),
    RISKY_CONTENT(87014, "risky content");

    final int code;
    private final String message;

    WechatError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** WeChat answers errors with HTTP 200 and an errcode body; only unknown paths get a 404. */
    StubResponse response() {
        return response(message);
    }

    StubResponse response(String detailedMessage) {
        ObjectNode body = Json.object().put("errcode", code).put("errmsg", detailedMessage);
        return new StubResponse.JsonBody(this == INVALID_URL ? 404 : 200, body);
    }
}
