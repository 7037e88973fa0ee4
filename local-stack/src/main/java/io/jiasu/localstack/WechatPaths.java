package io.jiasu.localstack;

import java.util.List;

/**
 * The WeChat API paths the stub serves, and the short names options use for them: the last path segment
 * ({@code jscode2session} for {@code /sns/jscode2session}) or the path itself; {@code *} stands for all.
 */
final class WechatPaths {
    static final String TOKEN = "/cgi-bin/token";
    static final String STABLE_TOKEN = "/cgi-bin/stable_token";
    static final String JSCODE2SESSION = "/sns/jscode2session";
    static final String PHONE_NUMBER = "/wxa/business/getuserphonenumber";
    static final String WXA_CODE = "/wxa/getwxacodeunlimit";
    static final String SUBSCRIBE_SEND = "/cgi-bin/message/subscribe/send";
    static final String MSG_SEC_CHECK = "/wxa/msg_sec_check";
    static final String MEDIA_CHECK_ASYNC = "/wxa/media_check_async";
    static final String USER_RISK_RANK = "/wxa/getuserriskrank";
    /** Stands for every WeChat path that has no setting of its own. */
    static final String ALL = "*";

    static final List<String> ALL_PATHS = List.of(
            TOKEN,
            STABLE_TOKEN,
            JSCODE2SESSION,
            PHONE_NUMBER,
            WXA_CODE,
            SUBSCRIBE_SEND,
            MSG_SEC_CHECK,
            MEDIA_CHECK_ASYNC,
            USER_RISK_RANK);

    private WechatPaths() {}

    /** The path a name stands for; {@link IllegalArgumentException} for a name that is no WeChat path here. */
    static String resolve(String name) {
        if (ALL.equals(name)) {
            return ALL;
        }
        for (String path : ALL_PATHS) {
            if (path.equals(name) || path.substring(path.lastIndexOf('/') + 1).equals(name)) {
                return path;
            }
        }
        throw new IllegalArgumentException("unknown WeChat endpoint " + name + ", known: " + ALL_PATHS);
    }
}
