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
        StubResponse refused = request.userAndSceneError("[0-2]");
        if (refused != null) {
            return refused;
        }
        String clientIp = request.field("client_ip");
        if (clientIp == null || clientIp.isBlank()) {
            return WechatError.ARGUMENT_INVALID.response("argument invalid! client_ip invalid");
        }
        // "unoin_id" is WeChat's spelling.
        return StubResponse.ok(Json.object()
                .put("errcode", 0)
                .put("errmsg", "getuserriskrank succ")
                .put("risk_rank", settings.riskRank(request.field("openid")))
                .put("unoin_id", unoinIds.incrementAndGet()));
    }
}
