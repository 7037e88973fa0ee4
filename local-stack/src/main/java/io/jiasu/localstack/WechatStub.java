package io.jiasu.localstack;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * A stub of the WeChat server API endpoints Jiasu uses, faithful enough that WxJava works against it unchanged
 * ({@code WxMaDefaultConfigImpl#setApiHostUrl(stub.baseUrl())}). Tests read what it saw through
 * {@link #calls(String)}, {@link #sentMessages()} and {@link #pushes()}, slow it down or break it with
 * {@link #delay} and {@link #fault}, or do the same over HTTP under {@code /stub/}.
 */
public final class WechatStub implements AutoCloseable {

    /** How an endpoint fails on purpose: not at all, busy (errcode -1), or down (the connection is dropped). */
    public enum Fault {
        NONE,
        BUSY,
        DOWN;

        /** {@code none}, {@code busy} or {@code down}, in any case. */
        public static Fault fromName(String name) {
            for (Fault fault : values()) {
                if (fault.name().equalsIgnoreCase(name)) {
                    return fault;
                }
            }
            throw new IllegalArgumentException("a fault is none, busy or down, not " + name);
        }
    }

    /** Which open data a mini-program got: from {@code wx.getShareInfo} or from {@code wx.getGroupEnterInfo}. */
    public enum ShareKind {
        SHARE("share"),
        GROUP_ENTER("groupEnter");

        private final String jsonName;

        ShareKind(String jsonName) {
            this.jsonName = jsonName;
        }

        /** {@code share} or {@code groupEnter}. */
        public static ShareKind fromName(String name) {
            for (ShareKind kind : values()) {
                if (kind.jsonName.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("kind is share or groupEnter, not " + name);
        }
    }

    /** What {@code wx.getShareInfo} and {@code wx.getGroupEnterInfo} hand a mini-program: base64 text. */
    public record EncryptedData(String encryptedData, String iv) {}

    /**
     * How the stub behaves. {@code port} 0 picks a free port; {@code tokenTtl} is the access token lifetime
     * (WeChat: 7200 s); {@code clock} drives token expiry, watermarks and push timestamps, so tests can move time
     * forward. {@code delays} and {@code faults} are keyed by WeChat path ({@code *} for all); {@code pushUrl}
     * (none when null) and {@code pushToken} are where and how media check verdicts are pushed;
     * {@code riskyColour} is the colour of risky images; {@code riskRanks} are users' risk ranks (0-4).
     */
    public record Options(
            int port,
            String appid,
            String secret,
            String riskyWord,
            String slowWord,
            Duration slowDelay,
            Duration tokenTtl,
            Clock clock,
            Map<String, Duration> delays,
            Map<String, Fault> faults,
            String pushUrl,
            String pushToken,
            Color riskyColour,
            Map<String, Integer> riskRanks) {

        public Options {
            Objects.requireNonNull(appid, "appid");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(riskyWord, "riskyWord");
            Objects.requireNonNull(slowWord, "slowWord");
            Objects.requireNonNull(slowDelay, "slowDelay");
            Objects.requireNonNull(tokenTtl, "tokenTtl");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(pushToken, "pushToken");
            Objects.requireNonNull(riskyColour, "riskyColour");
            delays = Map.copyOf(delays);
            faults = Map.copyOf(faults);
            riskRanks = Map.copyOf(riskRanks);
        }

        public static Options defaults() {
            return builder().build();
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Options}; every field starts at its default. */
        public static final class Builder {
            private int port;
            private String appid = "wxstub0000000000";
            private String secret = "stub-secret";
            private String riskyWord = "违禁词";
            private String slowWord = "__slow__";
            private Duration slowDelay = Duration.ofSeconds(5);
            private Duration tokenTtl = Duration.ofSeconds(7200);
            private Clock clock = Clock.systemUTC();
            private final Map<String, Duration> delays = new LinkedHashMap<>();
            private final Map<String, Fault> faults = new LinkedHashMap<>();
            private String pushUrl;
            private String pushToken = "stub-push-token";
            private Color riskyColour = Color.RED;
            private final Map<String, Integer> riskRanks = new LinkedHashMap<>();

            private Builder() {}

            public Builder port(int port) {
                this.port = port;
                return this;
            }

            public Builder appid(String appid) {
                this.appid = appid;
                return this;
            }

            public Builder secret(String secret) {
                this.secret = secret;
                return this;
            }

            public Builder riskyWord(String riskyWord) {
                this.riskyWord = riskyWord;
                return this;
            }

            public Builder slowWord(String slowWord) {
                this.slowWord = slowWord;
                return this;
            }

            public Builder slowDelay(Duration slowDelay) {
                this.slowDelay = slowDelay;
                return this;
            }

            public Builder tokenTtl(Duration tokenTtl) {
                this.tokenTtl = tokenTtl;
                return this;
            }

            public Builder clock(Clock clock) {
                this.clock = clock;
                return this;
            }

            /** Delays every answer of an endpoint: {@code "/sns/jscode2session"}, {@code "jscode2session"} or {@code "*"}. */
            public Builder delay(String endpoint, Duration delay) {
                if (delay.isNegative()) {
                    throw new IllegalArgumentException("a delay cannot be negative: " + delay);
                }
                delays.put(WechatPaths.resolve(endpoint), delay);
                return this;
            }

            /** Makes an endpoint busy or down from the start (names as for {@link #delay}). */
            public Builder fault(String endpoint, Fault fault) {
                faults.put(WechatPaths.resolve(endpoint), fault);
                return this;
            }

            /** Where media check verdicts are pushed, e.g. {@code http://127.0.0.1:8080/wechat/push}. */
            public Builder pushUrl(String pushUrl) {
                this.pushUrl = pushUrl;
                return this;
            }

            /** The token of the mini-program's message push settings, which signs each push. */
            public Builder pushToken(String pushToken) {
                this.pushToken = pushToken;
                return this;
            }

            public Builder riskyColour(Color riskyColour) {
                this.riskyColour = riskyColour;
                return this;
            }

            /** The rank {@code getUserRiskRank} gives this openid, 0 to 4. */
            public Builder riskRank(String openid, int rank) {
                riskRanks.put(openid, StubSettings.checkedRank(rank));
                return this;
            }

            public Options build() {
                return new Options(
                        port,
                        appid,
                        secret,
                        riskyWord,
                        slowWord,
                        slowDelay,
                        tokenTtl,
                        clock,
                        delays,
                        faults,
                        pushUrl,
                        pushToken,
                        riskyColour,
                        riskRanks);
            }
        }
    }

    private final StubJournal journal;
    private final StubSettings settings;
    private final OpenData openData;
    private final Clock clock;
    private final MediaCheckEndpoint mediaCheck;
    private final StubServer server;

    private WechatStub(
            StubJournal journal,
            StubSettings settings,
            OpenData openData,
            Clock clock,
            MediaCheckEndpoint mediaCheck,
            StubServer server) {
        this.journal = journal;
        this.settings = settings;
        this.openData = openData;
        this.clock = clock;
        this.mediaCheck = mediaCheck;
        this.server = server;
    }

    /** Starts the stub on 127.0.0.1; it serves until {@link #close()}. */
    public static WechatStub start(Options options) {
        AppCredentials app = new AppCredentials(options.appid(), options.secret());
        AccessTokens tokens = new AccessTokens(options.clock(), options.tokenTtl());
        StubJournal journal = new StubJournal();
        StubSettings settings = new StubSettings(options);
        SessionKeys sessionKeys = new SessionKeys();
        OpenData openData = new OpenData(options.appid(), sessionKeys);
        TraceIds traceIds = new TraceIds();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        TokenEndpoints token = new TokenEndpoints(app, tokens);
        LoginEndpoints login = new LoginEndpoints(app, sessionKeys, options.clock());
        WxaCodeEndpoint wxaCode = new WxaCodeEndpoint();
        SubscribeMessageEndpoint subscribe = new SubscribeMessageEndpoint(journal);
        ContentSecurityEndpoint security =
                new ContentSecurityEndpoint(options.riskyWord(), options.slowWord(), options.slowDelay(), traceIds);
        MediaCheckEndpoint mediaCheck = new MediaCheckEndpoint(
                options.riskyColour(),
                traceIds,
                journal,
                new MessagePush(options.appid(), options.clock(), settings, http),
                http);
        RiskRankEndpoint riskRank = new RiskRankEndpoint(app, settings);
        StubControlEndpoints control = new StubControlEndpoints(journal, settings, openData, options.clock());
        // jscode2session needs no access token at WeChat; WxJava sends one anyway, which WeChat ignores.
        Map<String, StubServer.Route> routes = Map.ofEntries(
                Map.entry(WechatPaths.TOKEN, StubServer.Route.open("GET", token::token)),
                Map.entry(WechatPaths.STABLE_TOKEN, StubServer.Route.open("POST", token::stableToken)),
                Map.entry(WechatPaths.JSCODE2SESSION, StubServer.Route.open("GET", login::jscode2session)),
                Map.entry(WechatPaths.PHONE_NUMBER, StubServer.Route.withToken("POST", login::phoneNumber)),
                Map.entry(WechatPaths.WXA_CODE, StubServer.Route.withToken("POST", wxaCode::create)),
                Map.entry(WechatPaths.SUBSCRIBE_SEND, StubServer.Route.withToken("POST", subscribe::send)),
                Map.entry(WechatPaths.MSG_SEC_CHECK, StubServer.Route.withToken("POST", security::check)),
                Map.entry(WechatPaths.MEDIA_CHECK_ASYNC, StubServer.Route.withToken("POST", mediaCheck::check)),
                Map.entry(WechatPaths.USER_RISK_RANK, StubServer.Route.withToken("POST", riskRank::rank)),
                Map.entry("/stub/calls", StubServer.Route.open("GET", control::calls)),
                Map.entry("/stub/subscribe-messages", StubServer.Route.open("GET", control::subscribeMessages)),
                Map.entry("/stub/media-checks", StubServer.Route.open("GET", control::mediaChecks)),
                Map.entry("/stub/pushes", StubServer.Route.open("GET", control::pushes)),
                Map.entry("/stub/reset", StubServer.Route.open("POST", control::reset)),
                Map.entry("/stub/config", StubServer.Route.open("POST", control::config)),
                Map.entry("/stub/share-info", StubServer.Route.open("POST", control::shareInfo)));
        try {
            return new WechatStub(
                    journal,
                    settings,
                    openData,
                    options.clock(),
                    mediaCheck,
                    new StubServer(options.port(), routes, settings, tokens, journal));
        } catch (IOException e) {
            mediaCheck.close();
            throw new UncheckedIOException("WeChat stub could not listen on port " + options.port(), e);
        }
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}, the value for WxJava's {@code setApiHostUrl}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** How many times a path (e.g. {@code /cgi-bin/token}) was called since start or the last reset. */
    public int calls(String path) {
        return journal.calls(path);
    }

    /** The subscribe messages accepted since start or the last reset, oldest first. */
    public List<SentMessage> sentMessages() {
        return journal.sentMessages();
    }

    /** The media checks accepted since start or the last reset, oldest first. */
    public List<MediaCheck> mediaChecks() {
        return journal.mediaChecks();
    }

    /** The verdicts pushed (or, without a push URL, meant to be) since start or the last reset, oldest first. */
    public List<MediaPush> pushes() {
        return journal.pushes();
    }

    /** Waits until at least {@code count} pushes are in the journal and returns them all, oldest first. */
    public List<MediaPush> awaitPushes(int count, Duration timeout) throws InterruptedException, TimeoutException {
        return journal.awaitPushes(count, timeout);
    }

    /** Forgets calls, messages, media checks and pushes; issued tokens and session keys stay valid, as at WeChat. */
    public void reset() {
        journal.reset();
    }

    /** Delays every answer of an endpoint ({@code "jscode2session"}, a path, or {@code "*"}); zero removes it. */
    public void delay(String endpoint, Duration delay) {
        settings.delay(endpoint, delay);
    }

    /** Makes an endpoint busy or down, or well again with {@link Fault#NONE}. */
    public void fault(String endpoint, Fault fault) {
        settings.fault(endpoint, fault);
    }

    /** Where media check verdicts go from now on (null stops pushing) and the token that signs them. */
    public void pushTo(String url, String token) {
        settings.push(url, Objects.requireNonNull(token, "token"));
    }

    /** The rank {@code getUserRiskRank} gives this openid from now on, 0 to 4. */
    public void riskRank(String openid, int rank) {
        settings.riskRank(openid, rank);
    }

    /** Back to the delays, faults, push target and risk ranks of the start options. */
    public void restoreSettings() {
        settings.restore();
    }

    /**
     * What {@code wx.getShareInfo} ({@link ShareKind#SHARE}) or {@code wx.getGroupEnterInfo}
     * ({@link ShareKind#GROUP_ENTER}) gives this user's mini-program for a card opened in group {@code openGId},
     * encrypted with the session_key the stub last issued to the user, watermarked with this app and now.
     *
     * @throws NoSuchElementException when the user never logged in
     */
    public EncryptedData shareInfo(String openid, String openGId, ShareKind kind) {
        return shareInfo(openid, openGId, kind, null, clock.instant());
    }

    /** The same, with another watermark: a foreign {@code appid} (null for this app's) or an old timestamp. */
    public EncryptedData shareInfo(String openid, String openGId, ShareKind kind, String appid, Instant timestamp) {
        return openData.shareInfo(openid, openGId, kind, appid, timestamp);
    }

    @Override
    public void close() {
        server.close();
        mediaCheck.close();
    }
}
