package io.jiasu.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import me.chanjar.weixin.common.util.http.hc.DefaultHttpComponentsClientBuilder;

/** Builds the one WxJava service of the application, with bounded timeouts and a Redis-shared access token. */
@ApplicationScoped
class WechatProducer {
    private static final String REDIS_KEY_PREFIX = "jiasu:wx";

    @Produces
    @ApplicationScoped
    WxMaService wxMaService(WechatConfig config, RedisDataSource redis) {
        // WxJava's HTTP client builder is a process-wide singleton; set its limits before the service builds from it.
        DefaultHttpComponentsClientBuilder http = DefaultHttpComponentsClientBuilder.get();
        http.setConnectionTimeout((int) config.connectTimeout().toMillis());
        http.setSoTimeout((int) config.readTimeout().toMillis());
        http.setConnectionRequestTimeout((int) config.connectTimeout().toMillis());
        http.setMaxConnPerHost(config.maxConnections());
        http.setMaxTotalConn(config.maxConnections());

        WxMaRedisBetterConfigImpl settings = new WxMaRedisBetterConfigImpl(new RedisTokenOps(redis), REDIS_KEY_PREFIX);
        settings.setAppid(config.appid());
        settings.setSecret(config.secret());
        settings.setApiHostUrl(config.apiHostUrl());
        settings.setToken(config.pushToken().orElse(null));

        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(settings);
        service.setMaxRetryTimes(config.busyRetries());
        service.setRetrySleepMillis((int) config.busyRetryDelay().toMillis());
        return service;
    }
}
