package io.jiasu.localstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/**
 * {@code POST /wxa/media_check_async} (version 2): answers with a {@code trace_id} at once; once that answer
 * is sent it fetches {@code media_url}, decides as {@link ImageVerdict} says (audio always passes) and pushes a
 * {@code wxa_media_check} event. Media that cannot be fetched (or is no image) is pushed with errcode -1008, as
 * WeChat does. Only loopback URLs are fetched: the stub never reaches beyond this machine.
 */
final class MediaCheckEndpoint implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WechatStub.class.getName());
    private static final int AUDIO = 1;
    private static final int IMAGE = 2;
    private static final int DOWNLOAD_FAILED = -1008;
    private static final String DOWNLOAD_FAILED_MESSAGE = "下载错误,请检查媒体链接是否有效";
    private static final int MAX_MEDIA_BYTES = 10 * 1024 * 1024;
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final Color riskyColour;
    private final TraceIds traceIds;
    private final StubJournal journal;
    private final MessagePush push;
    private final HttpClient http;
    private final ExecutorService checks;

    MediaCheckEndpoint(Color riskyColour, TraceIds traceIds, StubJournal journal, MessagePush push, HttpClient http) {
        this.riskyColour = riskyColour;
        this.traceIds = traceIds;
        this.journal = journal;
        this.push = push;
        this.http = http;
        this.checks = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "wechat-stub-media-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    StubResponse check(StubRequest request) {
        String mediaUrl = request.field("media_url");
        if (mediaUrl == null || mediaUrl.isBlank()) {
            return WechatError.DATA_FORMAT_ERROR.response();
        }
        String mediaType = request.field("media_type");
        if (!String.valueOf(AUDIO).equals(mediaType) && !String.valueOf(IMAGE).equals(mediaType)) {
            return WechatError.ARGUMENT_INVALID.response("argument invalid! media_type invalid");
        }
        if (!"2".equals(request.field("version"))) {
            return WechatError.ARGUMENT_INVALID.response("argument invalid! version invalid, use version 2");
        }
        StubResponse refused = request.userAndSceneError("[1-4]");
        if (refused != null) {
            return refused;
        }
        MediaCheck check = new MediaCheck(
                traceIds.next(),
                request.field("openid"),
                mediaUrl,
                Integer.parseInt(mediaType),
                Integer.parseInt(request.field("scene")));
        journal.checked(check);
        return new StubResponse.Then(
                StubResponse.ok(StubResponse.okBody().put("trace_id", check.traceId())),
                () -> checks.execute(() -> decideAndPush(check)));
    }

    private void decideAndPush(MediaCheck check) {
        try {
            Optional<ImageVerdict> verdict = fetch(check.mediaUrl()).flatMap(media -> decide(check, media));
            ObjectNode event = push.event(check.openid(), "wxa_media_check")
                    .put("trace_id", check.traceId())
                    .put("version", 2);
            var detail = event.putArray("detail");
            verdict.ifPresentOrElse(
                    found -> {
                        detail.addObject()
                                .put("strategy", "content_model")
                                .put("errcode", 0)
                                .put("suggest", found.suggest())
                                .put("label", found.label())
                                .put("prob", found.prob());
                        event.put("errcode", 0).put("errmsg", "ok");
                        event.putObject("result")
                                .put("suggest", found.suggest())
                                .put("label", found.label());
                    },
                    () -> event.put("errcode", DOWNLOAD_FAILED).put("errmsg", DOWNLOAD_FAILED_MESSAGE));
            MessagePush.Delivery delivery = push.send(check.openid(), event);
            journal.pushed(new MediaPush(
                    check.traceId(),
                    check.openid(),
                    verdict.isPresent() ? 0 : DOWNLOAD_FAILED,
                    verdict.map(ImageVerdict::suggest).orElse(null),
                    delivery.url(),
                    delivery.status(),
                    delivery.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "WeChat stub failed to check media " + check.traceId(), e);
        }
    }

    private Optional<ImageVerdict> decide(MediaCheck check, byte[] media) {
        if (check.mediaType() == AUDIO) {
            return Optional.of(ImageVerdict.pass());
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(media));
            return Optional.ofNullable(image).map(decoded -> ImageVerdict.of(decoded, riskyColour));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The media's bytes when a loopback URL answers 200 with at most 10 MiB in time, else empty. */
    private Optional<byte[]> fetch(String mediaUrl) throws InterruptedException {
        try {
            URI uri = URI.create(mediaUrl);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web
                    || uri.getHost() == null
                    || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                return Optional.empty();
            }
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return Optional.empty();
                }
                byte[] bytes = body.readNBytes(MAX_MEDIA_BYTES + 1);
                return bytes.length > MAX_MEDIA_BYTES ? Optional.empty() : Optional.of(bytes);
            }
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
