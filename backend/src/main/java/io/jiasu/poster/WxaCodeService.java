package io.jiasu.poster;

import io.jiasu.player.PlayerService;
import io.jiasu.wechat.WechatClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A player's mini-program code for posters, fetched from WeChat (getUnlimited) once and then served from MongoDB.
 * Concurrent first requests on one instance share one fetch.
 */
@ApplicationScoped
class WxaCodeService {
    private static final int SCENE_MAX = 32;
    private static final Pattern SCENE_SAFE = Pattern.compile("[0-9A-Za-z_-]+");

    private final PlayerService players;
    private final WechatClient wechat;
    private final WxaCodeStore store;
    private final PosterConfig config;
    private final Clock clock;
    private final Map<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();

    WxaCodeService(PlayerService players, WechatClient wechat, WxaCodeStore store, PosterConfig config, Clock clock) {
        this.players = players;
        this.wechat = wechat;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    Uni<byte[]> codeOf(String campaignId, String userId) {
        return players.me(campaignId, userId)
                .flatMap(player -> store.find(player.shareCode())
                        .flatMap(png ->
                                png != null ? Uni.createFrom().item(png) : fetchOnce(campaignId, player.shareCode())));
    }

    /**
     * Asks WeChat for the code, or joins the request already asking for it. The first caller's future settles the
     * others' answers, also when it fails or its client goes away, so nobody waits on a fetch that no longer runs.
     */
    private Uni<byte[]> fetchOnce(String campaignId, String shareCode) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = inFlight.putIfAbsent(shareCode, mine);
        if (running != null) {
            return Uni.createFrom().completionStage(running);
        }
        String scene = scene(campaignId, shareCode);
        return wechat.wxaCode(scene, config.page())
                .call(png -> store.put(shareCode, scene, png, clock.instant()))
                .onItemOrFailure()
                .invoke((png, failure) -> {
                    inFlight.remove(shareCode, mine);
                    if (failure == null) {
                        mine.complete(png);
                    } else {
                        mine.completeExceptionally(failure);
                    }
                })
                .onCancellation()
                .invoke(() -> {
                    inFlight.remove(shareCode, mine);
                    mine.completeExceptionally(new CancellationException("the first request for this code went away"));
                });
    }

    /**
     * What the landing page reads from the scanned code: {@code c=<campaign>&s=<share code>} when it fits WeChat's 32
     * characters, else the bare share code (which the mini-program opens in its default campaign).
     */
    static String scene(String campaignId, String shareCode) {
        String both = "c=" + campaignId + "&s=" + shareCode;
        return both.length() <= SCENE_MAX && SCENE_SAFE.matcher(campaignId).matches() ? both : shareCode;
    }
}
