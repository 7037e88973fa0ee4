package io.jiasu.risk;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.jiasu.platform.MongoErrors;
import io.jiasu.platform.RandomIds;
import io.jiasu.player.RiskMarks;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The heldHelps collection: helps a campaign's {@code hold} policy kept out of the count, one per helper and player
 * (a unique index), each deciding once. A decision is a single guarded update from {@code HELD}: approving moves it to
 * {@code APPROVING} (the help is being applied to the player) and then to {@code APPROVED} with its outcome;
 * rejecting moves it to {@code REJECTED}. Whoever loses the race reads the decision that won.
 */
@ApplicationScoped
class HeldHelpStore {
    private static final String COLLECTION = "heldHelps";
    private static final int ID_LENGTH = 12;

    private final ReactiveMongoCollection<Document> held;

    HeldHelpStore(ReactiveMongoDatabase db) {
        this.held = db.getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent start) {
        held.createIndex(Indexes.ascending("p", "u"), new IndexOptions().unique(true))
                .await()
                .atMost(Duration.ofSeconds(30));
        held.createIndex(Indexes.ascending("campaignId", "state", "at")).await().atMost(Duration.ofSeconds(30));
    }

    /** Keeps a held help; false when this helper already has one for this player (the unique index said so). */
    Uni<Boolean> hold(
            String campaignId, String shareCode, String helperId, Instant at, Integer scene, RiskMarks marks) {
        Document help = new Document("_id", RandomIds.shortCode(ID_LENGTH))
                .append("campaignId", campaignId)
                .append("p", shareCode)
                .append("u", helperId)
                .append("at", Date.from(at))
                .append("state", HeldHelp.State.HELD.name())
                .append("k", marks.signals());
        if (scene != null) {
            help.append("s", scene);
        }
        if (marks.rank() != null) {
            help.append("r", marks.rank());
        }
        return held.insertOne(help)
                .replaceWith(true)
                .onFailure(MongoErrors::isDuplicateKey)
                .recoverWithItem(false);
    }

    Uni<HeldHelp> find(String campaignId, String id) {
        return held.find(Filters.and(Filters.eq("_id", id), Filters.eq("campaignId", campaignId)))
                .toUni()
                .map(doc -> doc == null ? null : HeldHelp.from(doc));
    }

    /**
     * Moves a help from {@code from} to {@code to} and names who decided, if it is still in {@code from} (and, for a
     * stale {@code APPROVING}, still stamped {@code since}); null when another decision got there first.
     */
    Uni<HeldHelp> move(String id, HeldHelp.State from, Instant since, HeldHelp.State to, String by, Instant at) {
        Document filter = new Document("_id", id).append("state", from.name());
        if (since != null) {
            filter.append("decidedAt", Date.from(since));
        }
        return held.findOneAndUpdate(
                        filter,
                        Updates.combine(
                                Updates.set("state", to.name()),
                                Updates.set("decidedBy", by),
                                Updates.set("decidedAt", Date.from(at))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null : HeldHelp.from(doc));
    }

    /** Writes what applying an approved help did; only an {@code APPROVING} help takes it, once. */
    Uni<HeldHelp> approved(String id, Applied outcome) {
        return held.findOneAndUpdate(
                        new Document("_id", id).append("state", HeldHelp.State.APPROVING.name()),
                        Updates.combine(
                                Updates.set("state", HeldHelp.State.APPROVED.name()),
                                Updates.set("o", outcome.toDocument())),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null : HeldHelp.from(doc));
    }

    /** Helps of a campaign waiting for a decision, oldest first. */
    Uni<List<HeldHelp>> waiting(String campaignId, int limit) {
        return held.find(
                        Filters.and(
                                Filters.eq("campaignId", campaignId),
                                Filters.in("state", HeldHelp.State.HELD.name(), HeldHelp.State.APPROVING.name())),
                        new FindOptions().sort(Sorts.ascending("at")).limit(limit))
                .map(HeldHelp::from)
                .collect()
                .asList();
    }

    /** Every held help a player received, decided or not, oldest first. */
    Uni<List<HeldHelp>> ofPlayer(String shareCode) {
        return held.find(Filters.eq("p", shareCode), new FindOptions().sort(Sorts.ascending("at")))
                .map(HeldHelp::from)
                .collect()
                .asList();
    }

    /** Which of these players this helper has a held help for (decided or not). */
    Uni<Set<String>> heldBy(Collection<String> shareCodes, String helperId) {
        return held.find(Filters.and(Filters.in("p", shareCodes), Filters.eq("u", helperId)))
                .map(doc -> doc.getString("p"))
                .collect()
                .asSet();
    }
}
