package io.jiasu;

import io.jiasu.localstack.MongoStandIn;
import io.jiasu.localstack.WechatStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts what the backend talks to, for real: mongo-java-server over the wire protocol, a redis-server process and
 * the project's WeChat stub; WxJava is pointed at the stub. The one place WeChat is faked in tests.
 */
public class JiasuTestStack implements QuarkusTestResourceLifecycleManager {
    private static MongoStandIn mongo;
    private static RedisProcess redis;
    private static WechatStub wechat;

    @Override
    public Map<String, String> start() {
        mongo = MongoStandIn.start(0);
        redis = RedisProcess.start();
        wechat = WechatStub.start(WechatStub.Options.defaults());
        return Map.of(
                "quarkus.mongodb.connection-string", mongo.connectionString(),
                "quarkus.redis.hosts", redis.url(),
                "jiasu.wechat.api-host-url", wechat.baseUrl());
    }

    @Override
    public void stop() {
        wechat.close();
        redis.close();
        mongo.close();
    }

    public static WechatStub wechat() {
        return wechat;
    }

    public static RedisProcess redis() {
        return redis;
    }
}
