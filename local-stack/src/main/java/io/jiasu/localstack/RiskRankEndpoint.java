package io.jiasu.localstack;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /wxa/getuserriskrank}: WeChat's security rank of a user, 0 (none) to 4 (highest). Ranks come
 * from the stub's settings: configured openids, else 4 for openids starting with {@code risky-}, else 0.
 */
final class RiskRankEndpoint {
    private final AppCredentials app;
    private final StubSettings settings;
    private final AtomicLong unoinIds = new AtomicLong(100_000);

    RiskRankEndpoint(AppCredentials app, StubSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    StubResponse rank(StubRequest request) {
        if (!app.appid().equals(request.field("appid"))) {
            return WechatError.INVALID_APPID.response();
        }
        String openid = request.field("openid");
        if (openid == null || openid.isBlank()) {
            return WechatError.INVALID_OPENID.response();
        }
        String scene = request.field("scene");
        if (scene == null || !scene.matches("[0-2]")) {
            return WechatError.ARGUMENT_INVALID.response("argument invalid! scene invalid");
        }
        String clientIp = request.field("client_ip");
        if (clientIp == null || clientIp.isBlank()) {
            return WechatError.ARGUMENT_INVALID.response("argument invalid! client_ip invalid");
        }
        // "unoin_id" is WeChat's spelling.
        return StubResponse.ok(Json.object()
                .put("errcode", 0)
                .put("errmsg", "getuserriskrank succ")
                .put("risk_rank", settings.riskRank(openid))
                .put("unoin_id", unoinIds.incrementAndGet()));
    }
}
