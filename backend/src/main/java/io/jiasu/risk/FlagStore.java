package io.jiasu.risk;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The riskFlags collection: one document per player who received a risky help, keyed by share code, counting the
 * helps by signal ({@code c.wxRisk}, {@code c.network}, {@code c.held}), so the review queue lists flagged players
 * without scanning helps.
 */
@ApplicationScoped
class FlagStore {
    private static final String COLLECTION = "riskFlags";
    /** The count of helps that were held, beside the signals. */
    static final String HELD = "held";

    private final ReactiveMongoCollection<Document> flags;

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
        return flags.updateOne(Filters.eq("_id", shareCode), Updates.combine(counts), new UpdateOptions().upsert(true))
                .replaceWithVoid();
    }

    /** The campaign's flagged players, latest flag first. */
    Uni<List<Flagged>> recent(String campaignId, int limit) {
        return flags.find(
                        Filters.eq("campaignId", campaignId),
                        new FindOptions().sort(Sorts.descending("lastAt")).limit(limit))
                .map(FlagStore::flagged)
                .collect()
                .asList();
    }

    /** Every flagged player of a campaign, in no particular order. */
    Uni<List<Flagged>> all(String campaignId) {
        return flags.find(Filters.eq("campaignId", campaignId))
                .map(FlagStore::flagged)
                .collect()
                .asList();
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
}
