package io.jiasu.player;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.jiasu.platform.MongoErrors;
import io.jiasu.platform.WritesInFlight;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

/**
 * The operators' counts of each campaign, one {@code player_counts} document per campaign: a base counted from the
 * record for everything stamped before {@code upTo} ({@link CountRepair}), and counters of what happened since, kept
 * as joins, helps and finishes are recorded, in slots of {@code jiasu.player.counts-slot} by the instant the record
 * stamps on each (joinedAt, the help's at, the crossing help's lastHelpAt). A read adds the base to the slots from
 * {@code upTo} on: one document read by id. The counters are written in batches per campaign; a crash can lose a batch
 * of them, never the record, and the next recount past the lost slots counts them from the record.
 */
@ApplicationScoped
class CountStore {
    static final String PLAYERS = "players";
    static final String HELPS = "helps";
    static final String HELPERS = "helpers";
    static final String FINISHED = "finished";

    private static final String SLOTS = "slots";
    private static final String SLOT_PREFIX = "t";
    private static final Date NEVER = new Date(0);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final Logger LOG = Logger.getLogger(CountStore.class);

    private final ReactiveMongoCollection<Document> counts;
    private final long slotMillis;
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final WritesInFlight inFlight =
            new WritesInFlight(LOG, "operators' counters of a batch lost until the next recount");

    CountStore(ReactiveMongoDatabase db, PlayerConfig config) {
        this.counts = db.getCollection("player_counts");
        this.slotMillis = config.countsSlot().toMillis();
    }

    /** A player stored at {@code at} (its joinedAt). */
    void joined(String campaignId, Instant at) {
        add(campaignId, at, PLAYERS);
    }

    /** A help recorded at {@code at}; {@code finished} when it reached the goal (the player's lastHelpAt stays at). */
    void helped(String campaignId, Instant at, boolean finished) {
        add(campaignId, at, HELPS);
        if (finished) {
            add(campaignId, at, FINISHED);
        }
    }

    /** The first help of a person in the campaign, recorded at {@code at}. */
    void newHelper(String campaignId, Instant at) {
        add(campaignId, at, HELPERS);
    }

    private void add(String campaignId, Instant at, String kind) {
        batches.computeIfAbsent(campaignId, id -> new Batch()).add(slotOf(at), kind);
    }

    /** The start of the slot an instant falls in: recounts only ever stop at such a boundary. */
    Instant slotStart(Instant at) {
        return Instant.ofEpochMilli(slotOf(at));
    }

    /** The length of a slot. */
    Duration slot() {
        return Duration.ofMillis(slotMillis);
    }

    private long slotOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), slotMillis) * slotMillis;
    }

    /**
     * Writes every campaign's batch of counters, one $inc per campaign. Done when the writes of every flush begun
     * before it are done too, so a reader that flushes first sees every count this instance kept.
     */
    @Scheduled(every = "${jiasu.player.loop-flush-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        return inFlight.flush(batches, Batch::drain, this::write);
    }

    /** On a clean stop the last batch is written. */
    void stop(@Observes ShutdownEvent event) {
        inFlight.flushAtStop(this::flush);
    }

    private Uni<Void> write(String campaignId, Map<Long, Map<String, Long>> drained) {
        List<Bson> incs = new ArrayList<>();
        incs.add(Updates.setOnInsert("upTo", NEVER));
        incs.add(Updates.setOnInsert("leaseUntil", NEVER));
        drained.forEach((slot, kinds) ->
                kinds.forEach((kind, n) -> incs.add(Updates.inc(SLOTS + "." + SLOT_PREFIX + slot + "." + kind, n))));
        // two first writes of a campaign's document may race to insert it: the loser finds it there on its retry
        return counts.updateOne(Filters.eq("_id", campaignId), Updates.combine(incs), UPSERT)
                .onFailure(MongoErrors::isDuplicateKey)
                .retry()
                .atMost(2)
                .replaceWithVoid();
    }

    /** The campaign's counts now: this instance's batch written first, then one read of the document. */
    Uni<PlayerCounts> read(String campaignId) {
        return flush().chain(() -> counts.find(Filters.eq("_id", campaignId)).toUni())
                .map(doc -> {
                    if (doc == null) {
                        return new PlayerCounts(0, 0, 0, 0);
                    }
                    long upTo = millis(doc.getDate("upTo"));
                    Map<String, Long> sum = new HashMap<>();
                    Document base = doc.get("base", new Document());
                    for (String kind : List.of(PLAYERS, HELPS, HELPERS, FINISHED)) {
                        sum.put(kind, LoopStore.count(base, kind));
                    }
                    doc.get(SLOTS, new Document()).forEach((key, slot) -> {
                        if (slotStartOf(key) >= upTo) {
                            Document counted = (Document) slot;
                            sum.replaceAll((kind, n) -> n + LoopStore.count(counted, kind));
                        }
                    });
                    return new PlayerCounts(sum.get(PLAYERS), sum.get(HELPS), sum.get(HELPERS), sum.get(FINISHED));
                });
    }

    /** Up to when the campaign was last recounted from the record (the epoch before the first recount). */
    Uni<Instant> recountedUpTo(String campaignId) {
        return counts.find(Filters.eq("_id", campaignId))
                .toUni()
                .map(doc -> Instant.ofEpochMilli(doc == null ? 0 : millis(doc.getDate("upTo"))));
    }

    /**
     * Takes the campaign's recount up to {@code upTo} for this instance until {@code until}, unless another instance
     * holds it or the campaign is already counted past {@code upTo}: one guarded update of the campaign's document, so
     * of instances asking at once exactly one gets it. Answers the slots it found (those before {@code upTo} go when
     * the recount is stored), or null when the recount is not this instance's.
     */
    Uni<List<String>> lease(String campaignId, Instant upTo, Instant now, Instant until) {
        Uni<Void> exists = counts.updateOne(
                        Filters.eq("_id", campaignId),
                        Updates.combine(Updates.setOnInsert("upTo", NEVER), Updates.setOnInsert("leaseUntil", NEVER)),
                        UPSERT)
                .onFailure(MongoErrors::isDuplicateKey)
                .recoverWithNull()
                .replaceWithVoid();
        return exists.chain(() -> counts.findOneAndUpdate(
                        new Document("_id", campaignId)
                                .append("leaseUntil", new Document("$lt", Date.from(now)))
                                .append("upTo", new Document("$lte", Date.from(upTo))),
                        Updates.set("leaseUntil", Date.from(until)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(doc -> doc == null
                        ? null
                        : List.copyOf(doc.get(SLOTS, new Document()).keySet()));
    }

    /**
     * Stores a recount: the record's counts of everything stamped before {@code upTo}, replacing the counters of the
     * slots before it (dropped; a late $inc into one of them is never read), and gives the lease back. Never moves
     * {@code upTo} back: a slower recount to an earlier instant changes nothing.
     */
    Uni<Boolean> rebase(String campaignId, Instant upTo, PlayerCounts base, List<String> slots, Instant now) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.set(
                "base",
                new Document(PLAYERS, base.players())
                        .append(HELPS, base.boosts())
                        .append(HELPERS, base.helpers())
                        .append(FINISHED, base.finished())));
        changes.add(Updates.set("upTo", Date.from(upTo)));
        changes.add(Updates.set("recountedAt", Date.from(now)));
        changes.add(Updates.set("leaseUntil", NEVER));
        for (String slot : slots) {
            if (slotStartOf(slot) < upTo.toEpochMilli()) {
                changes.add(Updates.unset(SLOTS + "." + slot));
            }
        }
        return counts.updateOne(
                        new Document("_id", campaignId).append("upTo", new Document("$lte", Date.from(upTo))),
                        Updates.combine(changes))
                .map(result -> result.getModifiedCount() > 0);
    }

    /** Gives a lease back without storing anything (the recount failed). */
    Uni<Void> release(String campaignId) {
        return counts.updateOne(Filters.eq("_id", campaignId), Updates.set("leaseUntil", NEVER))
                .replaceWithVoid();
    }

    private static long slotStartOf(String key) {
        return Long.parseLong(key.substring(SLOT_PREFIX.length()));
    }

    private static long millis(Date date) {
        return date == null ? 0 : date.getTime();
    }

    /** The counters gathered for one campaign since the last flush, by slot and kind. */
    private static final class Batch {
        private Map<Long, Map<String, Long>> slots = new HashMap<>();

        synchronized void add(long slot, String kind) {
            slots.computeIfAbsent(slot, s -> new HashMap<>()).merge(kind, 1L, Long::sum);
        }

        /** What was gathered, or null when nothing was; the batch starts empty again. */
        synchronized Map<Long, Map<String, Long>> drain() {
            if (slots.isEmpty()) {
                return null;
            }
            Map<Long, Map<String, Long>> drained = slots;
            slots = new HashMap<>();
            return drained;
        }
    }
}
