package io.jiasu.notify;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.jiasu.platform.MongoErrors;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * The notifications collection: one document per finished player (keyed by share code), written before the message
 * is sent, so however often a finish is settled the message goes out at most once; then the outcome is recorded.
 */
@ApplicationScoped
class NotificationStore {
    private static final String COLLECTION = "notifications";

    private final ReactiveMongoCollection<Document> notifications;

    NotificationStore(ReactiveMongoDatabase db) {
        this.notifications = db.getCollection(COLLECTION);
    }

    /** True when this call is the first to take the player's message; false when it was taken before. */
    Uni<Boolean> take(String shareCode, String campaignId, String userId, Integer prizeRank, Instant at) {
        Document note = new Document("_id", shareCode)
                .append("campaignId", campaignId)
                .append("userId", userId)
                .append("prizeRank", prizeRank)
                .append("outcome", Outcome.PENDING.label())
                .append("createdAt", Date.from(at));
        return notifications
                .insertOne(note)
                .map(ignored -> true)
                .onFailure(MongoErrors::isDuplicateKey)
                .recoverWithItem(false);
    }

    Uni<Void> record(String shareCode, Outcome outcome, Instant at) {
        return notifications
                .updateOne(
                        Filters.eq("_id", shareCode),
                        Updates.combine(Updates.set("outcome", outcome.label()), Updates.set("sentAt", Date.from(at))))
                .replaceWithVoid();
    }

    Uni<String> outcomeOf(String shareCode) {
        return notifications
                .find(Filters.eq("_id", shareCode))
                .toUni()
                .map(doc -> doc == null ? null : doc.getString("outcome"));
    }
}
