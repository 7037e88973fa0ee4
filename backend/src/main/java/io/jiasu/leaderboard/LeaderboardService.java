package io.jiasu.leaderboard;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.platform.RandomIds;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The live order of a campaign's players, and the only way to it. MongoDB is the record; the board in Redis is
 * derived from it: a standing is recorded after the record changed, and a lost board is rebuilt from the record
 * through {@link BoardPlayers}. The public board is served from an in-memory snapshot per campaign, at most
 * {@link #MAX_AGE} old, so a flash crowd costs one Redis range and one indexed MongoDB lookup per instance per
 * second, never a scan.
 *
 * <p>A help's new standing is batched ({@link #recordSoon}): each instance writes what it gathered per campaign in one
 * ZADD every {@code jiasu.leaderboard.flush-every} (1 s), then notes the time in Redis as its last flush. An
 * instance that dies takes at most one batch with it; its last flush goes stale, and the repair sweeper puts back,
 * from the record, every player helped since then ({@link #restoreAfterDeadWriters}).
 */
@ApplicationScoped
public class LeaderboardService {
    /** The most rows any board read answers ({@link BoardLimit}). */
    static final int MAX_LIMIT = 100;

    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    /** A writer flushes at least every second while it lives; one silent for this long has died. */
    private static final Duration WRITER_DEAD_AFTER = Duration.ofSeconds(10);
    /** A help's standing may be batched this long after its help time (a slow request): put back from before. */
    private static final Duration REQUEST_SPAN = Duration.ofSeconds(60);

    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(LeaderboardService.class);

    private final LeaderboardStore store;
    private final CampaignService campaigns;
    private final BoardPlayers players;
    private final Clock clock;
    private final Map<String, Uni<Leaderboard>> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final String writerId = RandomIds.shortCode(12);
    private volatile Instant lastFlush = Instant.EPOCH;

    LeaderboardService(LeaderboardStore store, CampaignService campaigns, BoardPlayers players, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.players = players;
        this.clock = clock;
    }

    /** Puts a player's standing on the board; a standing below the one the board holds changes nothing. */
    public Uni<Void> record(Campaign campaign, Standing standing) {
        return store.record(campaign.id(), campaign.startsAt(), standing);
    }

    /**
     * Puts a player's standing on the board with the campaign's next batch (within {@code jiasu.leaderboard.flush-every}),
     * never lost: what a crash takes with it is put back from the record by the repair sweeper.
     */
    public void recordSoon(Campaign campaign, Standing standing) {
        batches.computeIfAbsent(campaign.id(), id -> new Batch())
                .add(standing.shareCode(), standing.score(campaign.startsAt()));
    }

    /**
     * Writes every campaign's batch, one ZADD each, then this instance's last flush. A batch Redis refused goes back
     * into the next one.
     */
    @Scheduled(every = "${jiasu.leaderboard.flush-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        Instant at = clock.instant();
        List<Uni<Void>> writes = new ArrayList<>();
        batches.forEach((campaignId, batch) -> {
            Map<String, Double> scores = batch.drain();
            if (!scores.isEmpty()) {
                writes.add(store.recordAll(campaignId, scores).onFailure().invoke(e -> scores.forEach(batch::add)));
            }
        });
        if (writes.isEmpty() && at.isBefore(lastFlush.plus(HEARTBEAT))) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> all = writes.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(writes).andCollectFailures().replaceWithVoid();
        return all.call(() -> store.flushed(writerId, at))
                .invoke(() -> lastFlush = at)
                .onFailure()
                .invoke(e -> LOG.warnf("board batch not written, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** On a clean stop nothing is left behind: the last batch is written and this writer forgotten. */
    void stop(@Observes ShutdownEvent event) {
        try {
            flush().chain(() -> store.retire(writerId)).await().atMost(Duration.ofSeconds(3));
        } catch (RuntimeException e) {
            // the sweeper puts back what this batch held once the writer's last flush is stale
            LOG.warnf("board: last batch not written at stop: %s", e.toString());
        }
    }

    /**
     * Puts back, from the record, the standings of every player helped since a dead writer's last flush (one indexed
     * read per started campaign), then forgets the writer. Scores only go up, so racing live helps is safe.
     */
    public Uni<Void> restoreAfterDeadWriters(List<Campaign> started) {
        Instant deadBefore = clock.instant().minus(WRITER_DEAD_AFTER);
        return store.writers().flatMap(writers -> {
            List<Uni<Void>> restores = new ArrayList<>();
            writers.forEach((writer, millis) -> {
                Instant last = Instant.ofEpochMilli(millis);
                if (!writer.equals(writerId) && last.isBefore(deadBefore)) {
                    restores.add(restoreSince(started, last.minus(REQUEST_SPAN))
                            .chain(() -> store.retire(writer))
                            .invoke(() -> LOG.infof("board: put back what writer %s held at its death", writer)));
                }
            });
            return restores.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : Uni.join().all(restores).andFailFast().replaceWithVoid();
        });
    }

    private Uni<Void> restoreSince(List<Campaign> started, Instant since) {
        return Multi.createFrom()
                .iterable(started)
                .onItem()
                .transformToUniAndConcatenate(campaign -> players.standingsSince(campaign, since)
                        .flatMap(standings -> {
                            Map<String, Double> scores = new HashMap<>();
                            standings.forEach(
                                    s -> scores.merge(s.shareCode(), s.score(campaign.startsAt()), Math::max));
                            return scores.isEmpty()
                                    ? Uni.createFrom().voidItem()
                                    : store.recordAll(campaign.id(), scores);
                        }))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** The player's 1-based position on the live board, or null when they are not on it. */
    public Uni<Integer> rankOf(String campaignId, String shareCode) {
        return store.rankOf(campaignId, shareCode);
    }

    /** Takes a player off the board (a banned user); a rebuild leaves them off too. */
    public Uni<Void> remove(String campaignId, String shareCode) {
        Batch batch = batches.get(campaignId);
        if (batch != null) {
            batch.drop(shareCode);
        }
        return store.remove(campaignId, shareCode);
    }

    /** The first {@code limit} rows of the live board, share codes included; rebuilt first if Redis lost it. */
    public Uni<List<Ranked>> top(Campaign campaign, int limit) {
        return rebuild(campaign)
                .flatMap(ignored -> store.top(campaign.id(), limit))
                .flatMap(codes -> players.rows(campaign, codes));
    }

    /** Rebuilds the campaign's board from the record if Redis lost it; a board that is there is left alone. */
    public Uni<Void> rebuild(Campaign campaign) {
        return store.isLost(campaign.id())
                .flatMap(lost -> !lost
                        ? Uni.createFrom().voidItem()
                        : players.standings(campaign)
                                .flatMap(standings -> store.restore(campaign.id(), campaign.startsAt(), standings)));
    }

    /** The public board of a published campaign: its first {@code limit} rows ({@link BoardLimit}), without share codes. */
    Uni<Leaderboard> published(String campaignId, int limit) {
        return campaigns
                .published(campaignId)
                .flatMap(campaign -> snapshots
                        .computeIfAbsent(
                                campaignId, id -> snapshot(id).memoize().atLeast(MAX_AGE))
                        .map(board -> new Leaderboard(
                                board.entries()
                                        .subList(
                                                0,
                                                Math.min(limit, board.entries().size())),
                                board.generatedAt())));
    }

    private Uni<Leaderboard> snapshot(String campaignId) {
        return campaigns
                .published(campaignId)
                .flatMap(campaign -> top(campaign, MAX_LIMIT))
                .map(rows -> {
                    List<Leaderboard.Entry> entries = new ArrayList<>(rows.size());
                    for (Ranked row : rows) {
                        entries.add(new Leaderboard.Entry(
                                entries.size() + 1, row.nickname(), row.avatarUrl(), row.progress(), row.finishedAt()));
                    }
                    return new Leaderboard(List.copyOf(entries), clock.instant());
                });
    }

    /** The standings gathered for one campaign since the last flush, the highest score per player. */
    private static final class Batch {
        private Map<String, Double> scores = new HashMap<>();

        synchronized void add(String shareCode, double score) {
            scores.merge(shareCode, score, Math::max);
        }

        synchronized void drop(String shareCode) {
            scores.remove(shareCode);
        }

        synchronized Map<String, Double> drain() {
            Map<String, Double> drained = scores;
            scores = new HashMap<>();
            return drained;
        }
    }
}
