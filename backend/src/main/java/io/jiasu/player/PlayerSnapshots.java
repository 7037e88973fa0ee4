package io.jiasu.player;

import io.jiasu.platform.RandomIds;
import io.jiasu.platform.Snapshots;
import io.jiasu.platform.Subscription;
import io.jiasu.user.CardChanged;
import io.jiasu.user.UserView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.jboss.logging.Logger;

/**
 * This instance's snapshots of what the read paths show: landing pages by share code, players/me by campaign and user,
 * users' cards by user id, ranks by share code. While the change channel ({@link ChangeStore}) is up, a snapshot is
 * kept until what it shows changes (at most {@code jiasu.player.snapshot-kept-for}): every instance announces the
 * players, views and cards it changed, batched every {@code jiasu.player.change-flush-every}, and every other instance
 * drops those snapshots on receipt; the instance that made the change drops its own at once. While the channel is down
 * a snapshot is trusted for {@code jiasu.player.snapshot-max-age} only, and when it is back everything is dropped
 * (batches may have been missed meanwhile). Ranks change with everyone else's helps and are never kept longer than
 * {@code snapshot-max-age}. {@code jiasu.player.changes.listening} is 1 while the channel is up.
 */
@ApplicationScoped
class PlayerSnapshots {
    private static final Logger LOG = Logger.getLogger(PlayerSnapshots.class);
    private static final String FROM = "i ";
    private static final String PAGE = "p ";
    private static final String MINE = "m ";
    private static final String CARD = "u ";
    private static final String AVATAR = "a ";

    private final ChangeStore channel;
    private final long maxAgeNanos;
    private final long keptForNanos;
    private final String instance = RandomIds.shortCode(12);
    /** What this instance changed since its last batch: lines of the next announcement. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    private final Snapshots<String, PlayerPage> pages;
    private final Snapshots<Mine, PlayerOwn> views;
    private final Snapshots<String, UserView> cards;
    private final Snapshots<String, Rank> ranks;
    /** Whether a snapshot whose load began at a moment may still be trusted. */
    private final LongPredicate fresh = this::fresh;

    private final Subscription changes;
    /** When the channel came up: a load that began before it may have missed a batch, so it is trusted briefly only. */
    private volatile long listeningSince;

    private final Vertx vertx;
    private final long announcing;

    PlayerSnapshots(ChangeStore channel, PlayerConfig config, Vertx vertx, MeterRegistry metrics) {
        this.channel = channel;
        this.vertx = vertx;
        this.maxAgeNanos = config.snapshotMaxAge().toNanos();
        this.keptForNanos = Math.max(maxAgeNanos, config.snapshotKeptFor().toNanos());
        Duration keptFor = Duration.ofNanos(keptForNanos);
        this.pages = Snapshots.expiringAfterWrite(keptFor, config.snapshots());
        this.views = Snapshots.expiringAfterWrite(keptFor, config.snapshots());
        this.cards = Snapshots.expiringAfterWrite(keptFor, config.snapshots());
        this.ranks = Snapshots.expiringAfterWrite(config.snapshotMaxAge(), config.snapshots());
        this.changes = new Subscription(
                "player changes",
                "snapshots live " + config.snapshotMaxAge() + " only",
                ended -> channel.listen(this::received, ended),
                () -> {
                    listeningSince = System.nanoTime();
                    dropAll();
                });
        metrics.gauge("jiasu.player.changes.listening", this, snapshots -> snapshots.listening() ? 1 : 0);
        // a Vert.x timer, not @Scheduled: Quarkus's scheduler runs nothing more often than once a second
        this.announcing = vertx.setPeriodic(
                config.changeFlushEvery().toMillis(),
                tick -> announce().subscribe().with(done -> {}, failure -> {}));
    }

    /** The key of a caller's own view in a campaign. */
    record Mine(String campaignId, String userId) {}

    /** A player's rank on the live board; null when they are not on it. */
    record Rank(Integer value) {}

    Uni<PlayerPage> page(String shareCode, Function<String, Uni<PlayerPage>> load) {
        return pages.get(shareCode, fresh, load);
    }

    PlayerPage peekPage(String shareCode) {
        return pages.peek(shareCode, fresh);
    }

    Uni<PlayerOwn> own(Mine mine, Function<Mine, Uni<PlayerOwn>> load) {
        return views.get(mine, fresh, load);
    }

    PlayerOwn peekOwn(Mine mine) {
        return views.peek(mine, fresh);
    }

    Uni<UserView> card(String userId, Function<String, Uni<UserView>> load) {
        return cards.get(userId, fresh, load);
    }

    UserView peekCard(String userId) {
        return cards.peek(userId, fresh);
    }

    Uni<Rank> rank(String shareCode, Function<String, Uni<Rank>> load) {
        return ranks.get(shareCode, load);
    }

    Rank peekRank(String shareCode) {
        return ranks.peek(shareCode, started -> true);
    }

    /** A player's document changed (a help, a settled prize): their landing page, here at once, elsewhere soon. */
    void pageChanged(String shareCode) {
        pages.forget(shareCode);
        pending.add(PAGE + shareCode);
    }

    /** What a user's players/me shows in a campaign changed (their run, their claim, whom they brought). */
    void mineChanged(String campaignId, String userId) {
        views.forget(new Mine(campaignId, userId));
        pending.add(MINE + userId + " " + campaignId);
    }

    void cardChanged(@Observes CardChanged changed) {
        if (changed.userId() != null) {
            cards.forget(changed.userId());
            pending.add(CARD + changed.userId());
        } else {
            forgetAvatar(changed.avatar());
            pending.add(AVATAR + changed.avatar());
        }
    }

    /** Announces what this instance changed since the last batch; what fails to go out goes with the next one. */
    Uni<Void> announce() {
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> batch = new ArrayList<>();
        for (String line : pending) {
            if (pending.remove(line)) {
                batch.add(line);
            }
        }
        StringBuilder message = new StringBuilder(FROM).append(instance);
        batch.forEach(line -> message.append('\n').append(line));
        return channel.announce(message.toString())
                .onFailure()
                .invoke(e -> {
                    pending.addAll(batch);
                    LOG.warnf(
                            "player changes: cannot announce %d changes, retrying with the next batch: %s",
                            batch.size(), e);
                })
                .onFailure()
                .recoverWithNull();
    }

    /**
     * Subscribes once the app runs and again whenever the channel was lost: until then every snapshot is trusted for
     * {@code snapshot-max-age} only.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> keepListening() {
        return changes.keep();
    }

    /** Subscribes to every instance's changes; once subscribed, the snapshots start empty and may live long. */
    Uni<Void> listen() {
        return changes.listen();
    }

    boolean listening() {
        return changes.listening();
    }

    /** Stops listening and announcing (the app stops): snapshots are trusted briefly only from here on. */
    Uni<Void> stop() {
        vertx.cancelTimer(announcing);
        return changes.stop();
    }

    void stopOnShutdown(@Observes ShutdownEvent shutdown) {
        stop().subscribe().with(ignored -> {}, failure -> {});
    }

    private boolean fresh(long started) {
        long age = System.nanoTime() - started;
        return age <= maxAgeNanos || (changes.listening() && started - listeningSince >= 0 && age <= keptForNanos);
    }

    private void received(String message) {
        String[] lines = message.split("\n");
        if (lines.length == 0 || lines[0].equals(FROM + instance)) {
            return; // this instance's own changes were dropped here as they were made
        }
        for (String line : lines) {
            if (line.startsWith(PAGE)) {
                pages.forget(line.substring(PAGE.length()));
            } else if (line.startsWith(MINE)) {
                int space = line.indexOf(' ', MINE.length());
                if (space > 0) {
                    views.forget(new Mine(line.substring(space + 1), line.substring(MINE.length(), space)));
                }
            } else if (line.startsWith(CARD)) {
                cards.forget(line.substring(CARD.length()));
            } else if (line.startsWith(AVATAR)) {
                forgetAvatar(line.substring(AVATAR.length()));
            }
        }
    }

    private void forgetAvatar(String name) {
        String tail = "/" + name;
        cards.forgetIf(
                (userId, card) -> card.avatarUrl() != null && card.avatarUrl().endsWith(tail));
    }

    private void dropAll() {
        pages.forgetAll();
        views.forgetAll();
        cards.forgetAll();
    }
}
