package io.jiasu.risk;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** The riskPolicies collection: one document per campaign that has a policy other than the default. */
@ApplicationScoped
class PolicyStore {
    private static final String COLLECTION = "riskPolicies";

    private final ReactiveMongoCollection<Document> policies;

    PolicyStore(ReactiveMongoDatabase db) {
        this.policies = db.getCollection(COLLECTION);
    }

    /** The campaign's policy; {@link Policy#COUNT} when none was set. */
    Uni<Policy> find(String campaignId) {
        return policies.find(Filters.eq("_id", campaignId))
                .toUni()
                .map(doc -> Policy.ofWire(doc == null ? null : doc.getString("policy")));
    }

    Uni<Void> set(String campaignId, Policy policy, String by, Instant at) {
        return policies.updateOne(
                        Filters.eq("_id", campaignId),
                        Updates.combine(
                                Updates.set("policy", policy.wire()),
                                Updates.set("setBy", by),
                                Updates.set("setAt", Date.from(at))),
                        new UpdateOptions().upsert(true))
                .replaceWithVoid();
    }
}
