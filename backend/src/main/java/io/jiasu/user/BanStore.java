package io.jiasu.user;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * The bans collection: one small document per banned user saying where the ban came from. Instances read all of it
 * every second, so it stays tiny (the user documents' {@code banned} flag is the record a login checks).
 */
@ApplicationScoped
class BanStore {
    private static final String COLLECTION = "bans";

    private final ReactiveMongoCollection<Document> bans;

    BanStore(ReactiveMongoDatabase db) {
        this.bans = db.getCollection(COLLECTION);
    }

    Uni<Void> record(String userId, String campaignId, String shareCode, Instant at) {
        Document ban = new Document("_id", userId)
                .append("campaignId", campaignId)
                .append("shareCode", shareCode)
                .append("at", Date.from(at));
        return bans.replaceOne(Filters.eq("_id", userId), ban, new ReplaceOptions().upsert(true))
                .replaceWithVoid();
    }

    Uni<Void> remove(String userId) {
        return bans.deleteOne(Filters.eq("_id", userId)).replaceWithVoid();
    }

    Uni<Set<String>> userIds() {
        return bans.find(new FindOptions().projection(Projections.include("_id")))
                .map(doc -> doc.getString("_id"))
                .collect()
                .asList()
                .map(ids -> ids.stream().collect(Collectors.toUnmodifiableSet()));
    }
}
