package io.jiasu.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stub of the WeChat server API endpoints Jiasu uses, faithful enough that WxJava works against it unchanged
 * ({@code WxMaDefaultConfigImpl#setApiHostUrl(stub.baseUrl())}). Tests read what it saw through
 * {@link #calls(String)} and {@link #sentMessages()}, or over HTTP under {@code /stub/}.
 */
public final class WechatStub implements AutoCloseable {

    /**
     * How the stub behaves. {@code port} 0 picks a free port; {@code tokenTtl} is the access token lifetime
     * (WeChat: 7200 s); {@code clock} drives token expiry and watermarks, so tests can move time forward.
     */
    public record Options(
            int port,
            String appid,
            String secret,
            String riskyWord,
            String slowWord,
            Duration slowDelay,
            Duration tokenTtl,
            Clock clock) {

        public Options {
            Objects.requireNonNull(appid, "appid");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(riskyWord, "riskyWord");
            Objects.requireNonNull(slowWord, "slowWord");
            Objects.requireNonNull(slowDelay, "slowDelay");
            Objects.requireNonNull(tokenTtl, "tokenTtl");
            Objects.requireNonNull(clock, "clock");
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

            public Options build() {
                return new Options(port, appid, secret, riskyWord, slowWord, slowDelay, tokenTtl, clock);
            }
        }
    }

    private final StubJournal journal;
    private final StubServer server;

    private WechatStub(StubJournal journal, StubServer server) {
        this.journal = journal;
        this.server = server;
    }

    /** Starts the stub on 127.0.0.1; it serves until {@link #close()}. */
    public static WechatStub start(Options options) {
        AppCredentials app = new AppCredentials(options.appid(), options.secret());
        AccessTokens tokens = new AccessTokens(options.clock(), options.tokenTtl());
        StubJournal journal = new StubJournal();
        TokenEndpoints token = new TokenEndpoints(app, tokens);
        LoginEndpoints login = new LoginEndpoints(app, options.clock());
        WxaCodeEndpoint wxaCode = new WxaCodeEndpoint();
        SubscribeMessageEndpoint subscribe = new SubscribeMessageEndpoint(journal);
        ContentSecurityEndpoint security =
                new ContentSecurityEndpoint(options.riskyWord(), options.slowWord(), options.slowDelay());
        StubControlEndpoints control = new StubControlEndpoints(journal);
        // jscode2session needs no access token at WeChat; WxJava sends one anyway, which WeChat ignores.
        Map<String, StubServer.Route> routes = Map.of(
                "/cgi-bin/token", StubServer.Route.open("GET", token::token),
                "/cgi-bin/stable_token", StubServer.Route.open("POST", token::stableToken),
                "/sns/jscode2session", StubServer.Route.open("GET", login::jscode2session),
                "/wxa/business/getuserphonenumber", StubServer.Route.withToken("POST", login::phoneNumber),
                "/wxa/getwxacodeunlimit", StubServer.Route.withToken("POST", wxaCode::create),
                "/cgi-bin/message/subscribe/send", StubServer.Route.withToken("POST", subscribe::send),
                "/wxa/msg_sec_check", StubServer.Route.withToken("POST", security::check),
                "/stub/calls", StubServer.Route.open("GET", control::calls),
                "/stub/subscribe-messages", StubServer.Route.open("GET", control::subscribeMessages),
                "/stub/reset", StubServer.Route.open("POST", control::reset));
        try {
            return new WechatStub(journal, new StubServer(options.port(), routes, tokens, journal));
        } catch (IOException e) {
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

    /** Forgets calls and messages; issued access tokens stay valid, as they would at WeChat. */
    public void reset() {
        journal.reset();
    }

    @Override
    public void close() {
        server.close();
    }
}
