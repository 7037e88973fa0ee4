package io.jiasu.media;

import io.jiasu.platform.FieldError;
import io.jiasu.platform.ValidationFailed;
import io.jiasu.wechat.MediaVerdict;
import io.jiasu.wechat.WechatClient;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Avatars: an upload becomes a normalised, content-addressed image, stored once however often it is sent, served
 * under {@code /media/avatars/}, and sent through WeChat's asynchronous media check off the request path. The
 * verdict WeChat pushes comes back here; a risky one stops the image being served and fires {@link AvatarRefused}.
 */
@ApplicationScoped
public class MediaService {
    private static final Logger LOG = Logger.getLogger(MediaService.class);
    static final String PATH = "/media/avatars/";
    private static final Pattern ISSUED = Pattern.compile("/media/avatars/([0-9a-f]{64}\\.(?:jpg|png))");
    private static final Duration SEND_LEASE = Duration.ofMinutes(2);
    private static final int CHECKS_PER_SWEEP = 20;

    private final MediaStore store;
    private final WechatClient wechat;
    private final MediaConfig config;
    private final Event<AvatarRefused> refused;
    private final Clock clock;

    MediaService(MediaStore store, WechatClient wechat, MediaConfig config, Event<AvatarRefused> refused, Clock clock) {
        this.store = store;
        this.wechat = wechat;
        this.config = config;
        this.refused = refused;
        this.clock = clock;
    }

    /** The largest image file an upload may carry, in bytes. */
    public int maxUploadBytes() {
        return config.maxUploadBytes();
    }

    /**
     * Stores an uploaded image as an avatar (or finds it stored already) and returns it. A new image is sent to
     * WeChat's media check after this answers; {@code origin} is where WeChat can fetch it when no public media base
     * URL is configured. The openid goes to WeChat only.
     */
    public Uni<Avatar> storeAvatar(Path upload, long size, String userId, String openid, String origin) {
        if (size > config.maxUploadBytes()) {
            return Uni.createFrom().failure(new ImageTooLarge(config.maxUploadBytes()));
        }
        return Uni.createFrom()
                .item(() -> encode(read(upload)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(file -> {
                    Instant now = clock.instant();
                    PendingCheck check = new PendingCheck(file.name(), checkUrl(file.name(), origin), openid, 1);
                    return store.insert(file, userId, check, now, now.plus(SEND_LEASE))
                            .flatMap(stored -> {
                                if (stored) {
                                    sendCheck(check);
                                    return Uni.createFrom().item(avatar(file.name()));
                                }
                                return store.isRefused(file.name()).map(risky -> {
                                    if (risky) {
                                        throw new ImageRisky();
                                    }
                                    return avatar(file.name());
                                });
                            });
                });
    }

    /**
     * The avatar behind a URL this server issued (with or without the public base URL), still served; a 422 for
     * anything else, so a profile never points at someone else's server.
     */
    public Uni<Avatar> issued(String url) {
        String path = url;
        String base = base();
        if (!base.isEmpty() && url.startsWith(base + PATH)) {
            path = url.substring(base.length());
        }
        Matcher issued = ISSUED.matcher(path);
        if (!issued.matches()) {
            return Uni.createFrom().failure(notIssued());
        }
        String name = issued.group(1);
        return store.isServable(name).map(servable -> {
            if (!servable) {
                throw notIssued();
            }
            return avatar(name);
        });
    }

    /** The stored image of this name, or null when unknown or refused. */
    Uni<AvatarFile> file(String name) {
        return store.servable(name);
    }

    Uni<MediaEvents> recentEvents(int limit) {
        return store.recentEvents(limit).map(MediaEvents::new);
    }

    /**
     * Takes WeChat's verdict on a media check: kept for operators, written on its avatar, and a risky avatar stops
     * being served and is taken off every profile showing it before this returns. A verdict arriving before its
     * trace id was written is kept and applied when it is (see {@link #sendCheck}).
     */
    void onVerdict(@ObservesAsync MediaVerdict verdict) {
        apply(verdict).await().atMost(Duration.ofSeconds(10));
    }

    Uni<Void> apply(MediaVerdict verdict) {
        Instant now = clock.instant();
        return store.avatarOfTrace(verdict.traceId())
                .flatMap(name -> store.recordEvent(verdict, name, now)
                        .flatMap(recorded -> name == null ? Uni.createFrom().voidItem() : judge(name, verdict, now)));
    }

    private Uni<Void> judge(String name, MediaVerdict verdict, Instant now) {
        Uni<Void> judged = store.judge(name, verdict, now);
        if (!verdict.risky()) {
            return judged;
        }
        LOG.infof("WeChat refused avatar %s (label %s); taking it off every profile", name, verdict.label());
        return judged.flatMap(done -> Uni.createFrom()
                .completionStage(() -> refused.fireAsync(new AvatarRefused(name)))
                .replaceWithVoid());
    }

    /** Sends checks that failed or whose sender vanished, a few at a time; at most one instance takes each. */
    @Scheduled(every = "${jiasu.media.check-sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return sendDue(CHECKS_PER_SWEEP)
                .onFailure()
                .invoke(e -> LOG.warnf("media check sweep failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }

    private Uni<Void> sendDue(int left) {
        if (left == 0) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return store.claimDueCheck(now, now.plus(SEND_LEASE))
                .flatMap(check -> check == null
                        ? Uni.createFrom().voidItem()
                        : send(check).flatMap(sent -> sendDue(left - 1)));
    }

    /** Fires a check off the request path; its outcome is recorded, never reported to the uploader. */
    private void sendCheck(PendingCheck check) {
        send(check).subscribe().with(done -> {}, e -> LOG.warnf("media check of %s not recorded: %s", check, e));
    }

    private Uni<Void> send(PendingCheck check) {
        return wechat.checkMediaAsync(check.url(), check.openid())
                .flatMap(traceId -> store.checkSent(check.avatar(), traceId)
                        .flatMap(sent -> store.unmatchedVerdict(traceId))
                        .flatMap(early -> early == null ? Uni.createFrom().voidItem() : apply(early)))
                .onFailure()
                .recoverWithUni(e -> {
                    boolean giveUp = check.attempt() >= config.checkAttempts();
                    // WechatClient has logged the failure itself; say more only when this was the last try
                    if (giveUp) {
                        LOG.warnf(
                                "media check of avatar %s failed %d times; left recorded as failed",
                                check.avatar(), check.attempt());
                    }
                    Instant retryAt =
                            clock.instant().plus(config.checkRetryDelay().multipliedBy(check.attempt()));
                    return store.checkFailed(check.avatar(), check.attempt(), retryAt, giveUp);
                });
    }

    private AvatarFile encode(byte[] upload) {
        AvatarImage.Encoded image = AvatarImage.normalize(upload, config.maxDimension(), config.avatarSide());
        String sha256 = sha256(image.bytes());
        return new AvatarFile(
                sha256 + "." + image.format().extension, sha256, image.format().contentType, image.bytes());
    }

    private Avatar avatar(String name) {
        return new Avatar(name, base() + PATH + name);
    }

    private String checkUrl(String name, String origin) {
        String base = base();
        if (base.isEmpty()) {
            base = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        }
        return base + PATH + name;
    }

    private String base() {
        return config.publicBaseUrl()
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse("");
    }

    private static byte[] read(Path upload) {
        try {
            return Files.readAllBytes(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationFailed notIssued() {
        return new ValidationFailed(List.of(new FieldError("avatarUrl", "must be an avatar uploaded to this server")));
    }
}
