package io.jiasu.localstack;

/** {@code GET /cgi-bin/token} and {@code POST /cgi-bin/stable_token}: the app's credentials traded for an access token. */
final class TokenEndpoints {
    private static final String CLIENT_CREDENTIAL = "client_credential";

    private final AppCredentials app;
    private final AccessTokens tokens;

    TokenEndpoints(AppCredentials app, AccessTokens tokens) {
        this.app = app;
        this.tokens = tokens;
    }

    StubResponse token(StubRequest request) {
        return issue(
                request.param("grant_type"),
                request.param("appid"),
                request.param("secret"),
                AccessTokens.Kind.PLAIN,
                false);
    }

    StubResponse stableToken(StubRequest request) {
        boolean forceRefresh = "true".equals(request.field("force_refresh"));
        return issue(
                request.field("grant_type"),
                request.field("appid"),
                request.field("secret"),
                AccessTokens.Kind.STABLE,
                forceRefresh);
    }

    private StubResponse issue(
            String grantType, String appid, String secret, AccessTokens.Kind kind, boolean forceRefresh) {
        if (!CLIENT_CREDENTIAL.equals(grantType)) {
            return WechatError.INVALID_GRANT_TYPE.response();
        }
        WechatError rejected = app.check(appid, secret);
        if (rejected != null) {
            return rejected.response();
        }
        AccessTokens.Issued issued = tokens.issue(kind, forceRefresh);
        return StubResponse.ok(
                Json.object().put("access_token", issued.token()).put("expires_in", issued.expiresInSeconds()));
    }
}
