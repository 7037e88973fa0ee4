package io.jiasu.localstack;

import java.awt.Color;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the MongoDB stand-in and the WeChat stub side by side for local runs, until SIGTERM or SIGINT:
 * {@code java -jar jiasu-local-stack.jar --mongo-port 27018 --wechat-port 18089 [options]} (see {@link #USAGE}).
 */
public final class LocalStack {
    private static final String USAGE = "usage: java -jar jiasu-local-stack.jar [--mongo-port 27018] "
            + "[--wechat-port 18089] [--risky-word WORD] [--appid APPID] [--secret SECRET] "
            + "[--delay ENDPOINT=100ms,...] [--fault ENDPOINT=busy|down,...] [--push-url URL] [--push-token TOKEN] "
            + "[--risky-colour #ff0000] [--risk-ranks OPENID=4,...]";

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger MONGO_SERVER_LOG = Logger.getLogger("de.bwaldvogel.mongo");

    private LocalStack() {}

    public static void main(String[] args) throws InterruptedException {
        int mongoPort = 27018;
        WechatStub.Options.Builder wechat = WechatStub.Options.builder().port(18089);
        try {
            Iterator<String> arg = Arrays.asList(args).iterator();
            while (arg.hasNext()) {
                String name = arg.next();
                if (!arg.hasNext()) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                String value = arg.next();
                switch (name) {
                    case "--mongo-port" -> mongoPort = Integer.parseInt(value);
                    case "--wechat-port" -> wechat.port(Integer.parseInt(value));
                    case "--risky-word" -> wechat.riskyWord(value);
                    case "--appid" -> wechat.appid(value);
                    case "--secret" -> wechat.secret(value);
                    case "--delay" ->
                        pairs(value).forEach((endpoint, delay) -> wechat.delay(endpoint, Durations.parse(delay)));
                    case "--fault" ->
                        pairs(value)
                                .forEach((endpoint, fault) -> wechat.fault(endpoint, WechatStub.Fault.fromName(fault)));
                    case "--push-url" -> wechat.pushUrl(value);
                    case "--push-token" -> wechat.pushToken(value);
                    case "--risky-colour" -> wechat.riskyColour(Color.decode(value));
                    case "--risk-ranks" ->
                        pairs(value).forEach((openid, rank) -> wechat.riskRank(openid, Integer.parseInt(rank)));
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }

        // mongo-java-server logs every client connection at INFO; the side process should only speak when wrong.
        MONGO_SERVER_LOG.setLevel(Level.WARNING);
        MongoStandIn mongo;
        WechatStub stub;
        try {
            mongo = MongoStandIn.start(mongoPort);
        } catch (RuntimeException e) {
            exitOnStartFailure(e);
            return;
        }
        try {
            stub = WechatStub.start(wechat.build());
        } catch (RuntimeException e) {
            mongo.close();
            exitOnStartFailure(e);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stub.close();
                            mongo.close();
                            stopped.countDown();
                        },
                        "local-stack-shutdown"));
        System.out.println("mongo ready on 127.0.0.1:" + mongo.port());
        System.out.println("wechat stub ready on " + stub.baseUrl());
        stopped.await();
    }

    /** {@code a=1,b=2} in order; {@link IllegalArgumentException} for an entry without {@code =}. */
    private static Map<String, String> pairs(String value) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected NAME=VALUE, got " + entry);
            }
            pairs.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return pairs;
    }

    private static void exitOnStartFailure(RuntimeException e) {
        System.err.println("local-stack: " + e.getMessage() + ": " + e.getCause());
        System.exit(1);
    }
}
