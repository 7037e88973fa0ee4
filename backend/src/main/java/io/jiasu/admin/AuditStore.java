package io.jiasu.admin;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.jiasu.platform.MongoSetup;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** The audit collection: an append-only record of every admin action, newest read first. */
@ApplicationScoped
class AuditStore {
    private static final String COLLECTION = "audit";

    private final ReactiveMongoCollection<Document> audit;

    AuditStore(ReactiveMongoDatabase db) {
        this.audit = db.getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent start) {
        MongoSetup.await(audit.createIndex(Indexes.descending("at")));
    }

    Uni<Void> record(Operator operator, String action, String target, String outcome, String detail, Instant at) {
        return audit.insertOne(new Document("at", Date.from(at))
                        .append("operator", operator.name())
                        .append("address", operator.address())
                        .append("action", action)
                        .append("target", target)
                        .append("outcome", outcome)
                        .append("detail", detail))
                .replaceWithVoid();
    }

    Uni<List<AuditEntry>> recent(int limit) {
        return audit.find(new FindOptions().sort(Sorts.descending("at")).limit(limit))
                .map(AuditEntry::from)
                .collect()
                .asList();
    }
}
