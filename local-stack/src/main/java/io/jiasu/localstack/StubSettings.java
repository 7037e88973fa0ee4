package io.jiasu.localstack;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a running stub can be told to change, for tests and fault rehearsals: a delay and a fault per WeChat
 * path, where and with which token media check verdicts are pushed, and the users' risk ranks. Starts from
 * the {@link WechatStub.Options} and can go back to them.
 */
final class StubSettings {
    /** Where verdicts are pushed and the token their signature is made with; {@code url} null pushes nothing. */
    record PushTarget(URI url, String token) {}

    private final WechatStub.Options options;
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, WechatStub.Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Integer> riskRanks = new ConcurrentHashMap<>();
    private volatile PushTarget push;

    StubSettings(WechatStub.Options options) {
        this.options = options;
        restore();
    }

    /** Back to the options the stub started with. */
    synchronized void restore() {
        delays.clear();
        faults.clear();
        riskRanks.clear();
        options.delays().forEach(this::delay);
        options.faults().forEach(this::fault);
        riskRanks.putAll(options.riskRanks());
        push = new PushTarget(pushUrl(options.pushUrl()), options.pushToken());
    }

    /** The delay for a path: its own, else the one for all paths, else none. */
    Duration delay(String path) {
        Duration own = delays.get(path);
        return own != null ? own : delays.getOrDefault(WechatPaths.ALL, Duration.ZERO);
    }

    /** The fault for a path: its own, else the one for all paths, else none. */
    WechatStub.Fault fault(String path) {
        WechatStub.Fault own = faults.get(path);
        return own != null ? own : faults.getOrDefault(WechatPaths.ALL, WechatStub.Fault.NONE);
    }

    /** Sets the delay for a path name (see {@link WechatPaths#resolve}); zero removes it. */
    void delay(String name, Duration delay) {
        String path = WechatPaths.resolve(name);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + delay);
        }
        if (delay.isZero()) {
            delays.remove(path);
        } else {
            delays.put(path, delay);
        }
    }

    /** Sets the fault for a path name; {@link WechatStub.Fault#NONE} removes it. */
    void fault(String name, WechatStub.Fault fault) {
        String path = WechatPaths.resolve(name);
        if (fault == WechatStub.Fault.NONE) {
            faults.remove(path);
        } else {
            faults.put(path, fault);
        }
    }

    PushTarget push() {
        return push;
    }

    /** A null or empty URL stops pushing; a null token keeps the current one. */
    void push(String url, String token) {
        push = new PushTarget(pushUrl(url), token == null ? push.token() : token);
    }

    /** A configured rank, else 4 for openids starting with {@code risky-}, else 0. */
    int riskRank(String openid) {
        Integer configured = riskRanks.get(openid);
        if (configured != null) {
            return configured;
        }
        return openid.startsWith("risky-") ? 4 : 0;
    }

    void riskRank(String openid, int rank) {
        riskRanks.put(openid, checkedRank(rank));
    }

    static int checkedRank(int rank) {
        if (rank < 0 || rank > 4) {
            throw new IllegalArgumentException("WeChat's risk ranks are 0 to 4, not " + rank);
        }
        return rank;
    }

    /** For {@code /stub/config}: paths in sorted order; whether a push token is set, never the token. */
    Map<String, Object> view() {
        Map<String, String> delayView = new TreeMap<>();
        delays.forEach((path, delay) -> delayView.put(path, Durations.format(delay)));
        Map<String, String> faultView = new TreeMap<>();
        faults.forEach((path, fault) -> faultView.put(path, fault.name().toLowerCase(Locale.ROOT)));
        Map<String, Object> view = new TreeMap<>();
        view.put("delays", delayView);
        view.put("faults", faultView);
        view.put("pushUrl", push.url() == null ? "" : push.url().toString());
        view.put("pushTokenSet", push.token() != null && !push.token().isEmpty());
        view.put("riskRanks", new TreeMap<>(riskRanks));
        return view;
    }

    private static URI pushUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the push URL must be an absolute http(s) URL: " + url);
        }
        return uri;
    }
}
