package io.jiasu;

import io.jiasu.localstack.MongoStandIn;
import io.jiasu.localstack.WechatStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts what the backend talks to, for real: mongo-java-server over the wire protocol, a redis-server process and
 * the project's WeChat stub; WxJava is pointed at the stub. The one place WeChat is faked in tests. Operators' JWTs
 * are verified against {@link OperatorTokens}' key. MongoDB and Redis
 * are reached through {@link TcpProxy}s so a test can take either off the network.
 */
public class JiasuTestStack implements QuarkusTestResourceLifecycleManager {
    private static MongoStandIn mongo;
    private static RedisProcess redis;
    private static WechatStub wechat;
    private static TcpProxy mongoLink;
    private static TcpProxy redisLink;

    @Override
    public Map<String, String> start() {
        mongo = MongoStandIn.start(0);
        redis = RedisProcess.start();
        wechat = WechatStub.start(WechatStub.Options.defaults());
        mongoLink = new TcpProxy(mongo.port());
        redisLink = new TcpProxy(redis.port());
        return Map.of(
                "quarkus.mongodb.connection-string",
                "mongodb://127.0.0.1:" + mongoLink.port(),
                "quarkus.redis.hosts",
                "redis://127.0.0.1:" + redisLink.port(),
                "jiasu.wechat.api-host-url",
                wechat.baseUrl(),
                // operators' tokens are signed by the test's own identity provider key (OperatorTokens)
                "jiasu.operators.oidc.public-key",
                OperatorTokens.publicKey(),
                "jiasu.operators.oidc.issuer",
                OperatorTokens.ISSUER);
    }

    @Override
    public void stop() {
        mongoLink.close();
        redisLink.close();
        wechat.close();
        redis.close();
        mongo.close();
    }

    public static WechatStub wechat() {
        return wechat;
    }

    /** The MongoDB stand-in itself, behind {@link #mongoLink}. */
    public static MongoStandIn mongo() {
        return mongo;
    }

    public static RedisProcess redis() {
        return redis;
    }

    /** The network path from the app to MongoDB, which outage tests cut and restore. */
    public static TcpProxy mongoLink() {
        return mongoLink;
    }

    /** The network path from the app to Redis. */
    public static TcpProxy redisLink() {
        return redisLink;
    }
}
