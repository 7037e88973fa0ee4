package io.jiasu.wechat;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;

/**
 * code2session without a thread. A login waits on WeChat (100 ms and more) inside Vert.x's non-blocking HTTP client,
 * so a flash crowd's logins wait on WeChat side by side, as many as {@code login-connections}, instead of queueing for
 * the worker threads and the 64 pooled connections WxJava's blocking client needs (Java 17: no virtual threads).
 * WxJava keeps everything else (the access token, signatures, decrypting share info); this is the one WeChat call on
 * every login. It answers as WxJava would: WeChat's errcode as a {@link WxErrorException}, a busy (-1) answer retried
 * {@code busy-retries} times after {@code busy-retry-delay}.
 */
@ApplicationScoped
class Code2Session {
    private static final int SYSTEM_BUSY = -1;
    private static final int KEEP_ALIVE_SECONDS = 10;

    private final HttpClient http;
    private final WechatConfig config;
    /** The request's path and query up to the code, appid and secret in it: built once. */
    private final String pathBeforeCode;

    Code2Session(Vertx vertx, WechatConfig config) {
        this.config = config;
        URI base = URI.create(config.apiHostUrl());
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort() > 0 ? base.getPort() : tls ? 443 : 80)
                .setSsl(tls)
                .setKeepAlive(true)
                // an idle connection is closed here before WeChat's side closes it
                .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.loginConnections())
                .setMaxWaitQueueSize(config.loginConnections()));
        String prefix = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        this.pathBeforeCode = prefix + "/sns/jscode2session?appid=" + encoded(config.appid()) + "&secret="
                + encoded(config.secret()) + "&grant_type=authorization_code&js_code=";
    }

    /** WeChat's openid and session key for a wx.login code; WeChat's refusal as a {@link WxErrorException}. */
    Uni<WxLogin> exchange(String code) {
        return attempt(code, config.busyRetries());
    }

    private Uni<WxLogin> attempt(String code, int retriesLeft) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setURI(pathBeforeCode + encoded(code))
                .setIdleTimeout(config.readTimeout().toMillis());
        return http.request(request)
                .flatMap(HttpClientRequest::send)
                .flatMap(this::body)
                .flatMap(answer -> {
                    int errcode = answer.getInteger("errcode", 0);
                    if (errcode == SYSTEM_BUSY && retriesLeft > 0) {
                        return Uni.createFrom()
                                .voidItem()
                                .onItem()
                                .delayIt()
                                .by(config.busyRetryDelay())
                                .flatMap(ignored -> attempt(code, retriesLeft - 1));
                    }
                    if (errcode != 0) {
                        return Uni.createFrom()
                                .failure(new WxErrorException(WxError.builder()
                                        .errorCode(errcode)
                                        .errorMsg(answer.getString("errmsg"))
                                        .build()));
                    }
                    return Uni.createFrom()
                            .item(new WxLogin(
                                    answer.getString("openid"),
                                    answer.getString("session_key"),
                                    answer.getString("unionid")));
                });
    }

    private Uni<JsonObject> body(HttpClientResponse response) {
        if (response.statusCode() != 200) {
            return Uni.createFrom().failure(new IllegalStateException("HTTP " + response.statusCode()));
        }
        return response.body().map(buffer -> new JsonObject(buffer.getDelegate()));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
