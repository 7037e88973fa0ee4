package io.jiasu.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * WeChat's message push in plain mode, JSON format: an event is POSTed to the configured push URL with
 * {@code signature} (SHA-1 of the push token, timestamp and nonce, sorted and concatenated), {@code timestamp},
 * {@code nonce} and {@code openid} in the query. Like WeChat it waits 5 seconds for an answer; it does not retry.
 */
final class MessagePush {
    /** What a push answers when no push URL is set. */
    static final int NOT_SENT = 0;
    /** What a push answers when the receiver could not be reached or did not answer in time. */
    static final int UNREACHABLE = -1;

    private static final Duration WECHAT_WAIT = Duration.ofSeconds(5);

    private final String appid;
    private final String originalId;
    private final Clock clock;
    private final StubSettings settings;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    MessagePush(String appid, Clock clock, StubSettings settings, HttpClient http) {
        this.appid = appid;
        // A mini-program's original id, the ToUserName of its events: gh_ and 12 hex digits.
        this.originalId = "gh_" + HexFormat.of().formatHex(Fingerprint.of("original id", appid), 0, 6);
        this.clock = clock;
        this.settings = settings;
        this.http = http;
    }

    /** An event from a user with WeChat's common fields, in WeChat's order; the caller adds the rest. */
    ObjectNode event(String openid, String event) {
        return Json.object()
                .put("ToUserName", originalId)
                .put("FromUserName", openid)
                .put("CreateTime", clock.instant().getEpochSecond())
                .put("MsgType", "event")
                .put("Event", event)
                .put("appid", appid);
    }

    /**
     * A push: where it went, the receiver's status (or {@link #NOT_SENT} / {@link #UNREACHABLE}) and the body
     * as sent.
     */
    record Delivery(String url, int status, String body) {}

    Delivery send(String openid, ObjectNode event) throws InterruptedException {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode always serialises", e);
        }
        StubSettings.PushTarget target = settings.push();
        if (target.url() == null) {
            return new Delivery("", NOT_SENT, body);
        }
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = String.valueOf(1_000_000_000L + random.nextInt(1_000_000_000));
        String query = Stream.of(
                        "signature=" + signature(target.token(), timestamp, nonce),
                        "timestamp=" + timestamp,
                        "nonce=" + nonce,
                        "openid=" + URLEncoder.encode(openid, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String url = target.url().toString();
        URI uri = URI.create(url + (target.url().getRawQuery() == null ? "?" : "&") + query);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(WECHAT_WAIT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return new Delivery(
                    url,
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(),
                    body);
        } catch (IOException e) {
            return new Delivery(url, UNREACHABLE, body);
        }
    }

    /** WeChat's signature of a push: SHA-1 hex of token, timestamp and nonce, sorted and concatenated. */
    static String signature(String token, String timestamp, String nonce) {
        String joined = Stream.of(token, timestamp, nonce).sorted().collect(Collectors.joining());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
