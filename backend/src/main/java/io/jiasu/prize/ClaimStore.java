package io.jiasu.prize;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.jiasu.platform.MongoSetup;
import io.jiasu.player.Claims;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;

/** The claims collection: one document per prize holder (keyed by share code), personal data sealed. */
@ApplicationScoped
class ClaimStore implements Claims {
    private static final String COLLECTION = "claims";

    private final ReactiveMongoCollection<Document> claims;

    ClaimStore(ReactiveMongoDatabase db) {
        this.claims = db.getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent start) {
        MongoSetup.await(claims.createIndex(Indexes.ascending("campaignId")));
    }

    /** Stores the claim, replacing the one sent before. */
    Uni<Void> put(Claim claim) {
        return claims.replaceOne(
                        Filters.eq("_id", claim.shareCode()), claim.toDocument(), new ReplaceOptions().upsert(true))
                .replaceWithVoid();
    }

    Uni<Claim> find(String shareCode) {
        return claims.find(Filters.eq("_id", shareCode)).toUni().map(doc -> doc == null ? null : Claim.from(doc));
    }

    @Override
    public Uni<Boolean> claimed(String shareCode) {
        return claims.find(Filters.eq("_id", shareCode), new FindOptions().projection(Projections.include("review")))
                .toUni()
                .map(doc -> doc != null && !Review.REJECTED.name().equals(doc.getString("review")));
    }

    Uni<List<Claim>> ofCampaign(String campaignId) {
        return claims.find(Filters.eq("campaignId", campaignId))
                .map(Claim::from)
                .collect()
                .asList();
    }

    /** Claims that count (not rejected), and of them those waiting for review. */
    Uni<ClaimCounts> counts(String campaignId) {
        Uni<Long> standing = claims.countDocuments(
                Filters.and(Filters.eq("campaignId", campaignId), Filters.ne("review", Review.REJECTED.name())));
        Uni<Long> pending = claims.countDocuments(
                Filters.and(Filters.eq("campaignId", campaignId), Filters.eq("review", Review.PENDING.name())));
        return Uni.combine().all().unis(standing, pending).with(ClaimCounts::new);
    }

    /** Settles a pending claim; null when there is no claim waiting for review under this share code. */
    /** Decides a pending claim of this campaign; null (and nothing changed) when there is none. */
    Uni<Claim> review(String campaignId, String shareCode, Review decision, Instant at) {
        return claims.findOneAndUpdate(
                        Filters.and(
                                Filters.eq("_id", shareCode),
                                Filters.eq("campaignId", campaignId),
                                Filters.eq("review", Review.PENDING.name())),
                        Updates.combine(
                                Updates.set("review", decision.name()), Updates.set("reviewedAt", Date.from(at))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null : Claim.from(doc));
    }

    /** Claims sealed with any key but {@code keyId}. */
    Multi<Claim> sealedWithOtherThan(String keyId) {
        return claims.find(Filters.ne("keyId", keyId)).map(Claim::from);
    }

    /** Swaps the sealed data, unless the claim changed since it was read (a new PUT is sealed with the new key anyway). */
    Uni<Boolean> reseal(Claim claim, ClaimCipher.Sealed resealed) {
        return claims.updateOne(
                        Filters.and(
                                Filters.eq("_id", claim.shareCode()),
                                Filters.eq("keyId", claim.sealed().keyId()),
                                Filters.eq("iv", new Binary(claim.sealed().iv()))),
                        Updates.combine(
                                Updates.set("keyId", resealed.keyId()),
                                Updates.set("iv", new Binary(resealed.iv())),
                                Updates.set("data", new Binary(resealed.ciphertext()))))
                .map(result -> result.getModifiedCount() == 1);
    }
}
