package io.jiasu.risk;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.jiasu.platform.WritesInFlight;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

/**
 * The riskFlags collection: one document per player who received a risky help, keyed by share code, counting the
 * helps by signal ({@code c.wxRisk}, {@code c.network}, {@code c.held}), so the review queue lists flagged players
 * without scanning helps.
 *
 * <p>A held help is flagged when it is held. A counted help's flags go with the next batch, written every {@code
 * jiasu.risk.flag-flush-every} as one bulk write (an upsert per flagged player), so a burst of flagged helps costs no
 * MongoDB write each: the flags are the review queue's index, the record is the marks on each help; a crash loses at
 * most one batch of them, as a failed flag write always could. Readers here write this instance's batch first.
 */
@ApplicationScoped
class FlagStore {
    private static final String COLLECTION = "riskFlags";
    /** The count of helps that were held, beside the signals. */
    static final String HELD = "held";

    private static final Logger LOG = Logger.getLogger(FlagStore.class);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions ANY_ORDER = new BulkWriteOptions().ordered(false);

    private final ReactiveMongoCollection<Document> flags;
    /** Counted helps' flags not written yet, by share code; swapped for an empty map by each flush. */
    private Map<String, Batched> batch = new HashMap<>();
    /** The batches in flight: a reader waits for them, so it sees every flag this instance took. */
    private final WritesInFlight inFlight = new WritesInFlight(LOG, "risk flags of a batch lost");

    FlagStore(ReactiveMongoDatabase db) {
        this.flags = db.getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent start) {
        flags.createIndex(Indexes.descending("campaignId", "lastAt")).await().atMost(Duration.ofSeconds(30));
    }

    /** Counts one more help with these signals (held is one of them when the help was held). */
    Uni<Void> flag(String campaignId, String shareCode, Collection<String> signals, Instant at) {
        List<Bson> counts = new ArrayList<>();
        signals.forEach(signal -> counts.add(Updates.inc("c." + signal, 1)));
        counts.add(Updates.set("campaignId", campaignId));
        counts.add(Updates.max("lastAt", Date.from(at)));
        return flags.updateOne(Filters.eq("_id", shareCode), Updates.combine(counts), UPSERT)
                .replaceWithVoid();
    }

    /** Counts one more counted help with these signals, with the next batch. */
    synchronized void flagSoon(String campaignId, String shareCode, Collection<String> signals, Instant at) {
        batch.computeIfAbsent(shareCode, code -> new Batched(campaignId)).add(signals, at);
    }

    /** Writes the batch of flags; done when it and every earlier batch are written (or given up, logged). */
    @Scheduled(every = "${jiasu.risk.flag-flush-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flush() {
        return inFlight.flush(
                Map.of(COLLECTION, this),
                FlagStore::drain,
                (collection, upserts) -> flags.bulkWrite(upserts, ANY_ORDER).replaceWithVoid());
    }

    /** The batch as one upsert per flagged player, or null when there is none; the batch starts again empty. */
    private synchronized List<WriteModel<Document>> drain() {
        if (batch.isEmpty()) {
            return null;
        }
        List<WriteModel<Document>> upserts = new ArrayList<>(batch.size());
        batch.forEach((shareCode, flagged) ->
                upserts.add(new UpdateOneModel<>(Filters.eq("_id", shareCode), flagged.update(), UPSERT)));
        batch = new HashMap<>();
        return upserts;
    }

    /** On a clean stop the last batch is written. */
    void stop(@Observes ShutdownEvent event) {
        inFlight.flushAtStop(this::flush);
    }

    /** The campaign's flagged players, latest flag first. */
    Uni<List<Flagged>> recent(String campaignId, int limit) {
        return flush().chain(() -> flags.find(
                        Filters.eq("campaignId", campaignId),
                        new FindOptions().sort(Sorts.descending("lastAt")).limit(limit))
                .map(FlagStore::flagged)
                .collect()
                .asList());
    }

    /** Every flagged player of a campaign, in no particular order. */
    Uni<List<Flagged>> all(String campaignId) {
        return flush().chain(() -> flags.find(Filters.eq("campaignId", campaignId))
                .map(FlagStore::flagged)
                .collect()
                .asList());
    }

    private static Flagged flagged(Document doc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Document c = doc.get("c", Document.class);
        if (c != null) {
            c.forEach((signal, n) -> counts.put(signal, ((Number) n).longValue()));
        }
        return new Flagged(doc.getString("_id"), counts, doc.getDate("lastAt").toInstant());
    }

    /** A flagged player as stored: share code, helps by signal, the latest flag. */
    record Flagged(String shareCode, Map<String, Long> counts, Instant lastAt) {}

    /** One player's flags in the batch: helps by signal and the latest, as one upsert. */
    private static final class Batched {
        private final String campaignId;
        private final Map<String, Long> counts = new HashMap<>(4);
        private Instant lastAt = Instant.EPOCH;

        Batched(String campaignId) {
            this.campaignId = campaignId;
        }

        void add(Collection<String> signals, Instant at) {
            signals.forEach(signal -> counts.merge(signal, 1L, Long::sum));
            if (at.isAfter(lastAt)) {
                lastAt = at;
            }
        }

        Bson update() {
            List<Bson> changes = new ArrayList<>(counts.size() + 2);
            counts.forEach((signal, n) -> changes.add(Updates.inc("c." + signal, n)));
            changes.add(Updates.set("campaignId", campaignId));
            changes.add(Updates.max("lastAt", Date.from(lastAt)));
            return Updates.combine(changes);
        }
    }
}
