package io.jiasu.campaign;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.jiasu.platform.FieldError;
import io.jiasu.platform.MongoErrors;
import io.jiasu.platform.ValidationFailed;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The campaigns collection: each document holds a campaign's definition, whether players have locked its rules, and
 * its prize slots. The slots belong to the prize feature's slot store; this store only creates them empty and reads
 * how many are taken (a new prize total must still cover them).
 */
@ApplicationScoped
class CampaignStore {
    private static final String COLLECTION = "campaigns";
    private static final Bson WITHOUT_WINNERS = Projections.exclude("winners");

    private final ReactiveMongoCollection<Document> campaigns;

    CampaignStore(ReactiveMongoDatabase db) {
        this.campaigns = db.getCollection(COLLECTION);
    }

    Uni<Campaign> find(String id) {
        return campaigns
                .find(Filters.eq("_id", id), new FindOptions().projection(WITHOUT_WINNERS))
                .toUni()
                .map(doc -> doc == null ? null : Campaign.from(doc));
    }

    Uni<List<Campaign>> findAll() {
        return campaigns
                .find(new FindOptions().projection(WITHOUT_WINNERS).sort(Sorts.descending("startsAt")))
                .map(Campaign::from)
                .collect()
                .asList();
    }

    /**
     * Creates or replaces the definition in one conditional upsert: it matches only while goal and schedule are
     * unchanged or nobody has joined yet, and while the new prize total still covers the prizes taken. A refused
     * match turns into a duplicate-key error on {@code _id}, which is then explained from the stored document.
     */
    Uni<Campaign> define(String id, CampaignDefinition def, Instant now) {
        String rules = rulesKey(def.goal(), new Schedule(def.schedule()));
        Bson filter = Filters.and(
                Filters.eq("_id", id),
                Filters.or(Filters.ne("locked", true), Filters.eq("rulesKey", rules)),
                Filters.or(Filters.exists("winnerCount", false), Filters.lte("winnerCount", def.prizeTotal())));
        List<Document> tiers = def.schedule().stream()
                .map(t -> new Document("helpers", t.helpers()).append("amount", t.amount()))
                .toList();
        Bson update = Updates.combine(
                Updates.set("title", def.title().strip()),
                Updates.set("description", def.description() == null ? "" : def.description()),
                Updates.set("startsAt", Date.from(def.startsAt())),
                Updates.set("endsAt", Date.from(def.endsAt())),
                Updates.set("claimDeadline", Date.from(def.claimDeadline())),
                Updates.set("goal", def.goal()),
                Updates.set("prizeTotal", def.prizeTotal()),
                Updates.set("schedule", tiers),
                Updates.set("rulesKey", rules),
                Updates.set("dailyHelpLimit", def.dailyHelpLimit()),
                Updates.set("timeZone", def.zone().getId()),
                Updates.set("published", def.isPublished()),
                Updates.set("updatedAt", Date.from(now)),
                Updates.setOnInsert("locked", false),
                Updates.setOnInsert("winners", List.of()),
                Updates.setOnInsert("winnerCount", 0),
                Updates.setOnInsert("createdAt", Date.from(now)));
        return campaigns
                .findOneAndUpdate(
                        filter,
                        update,
                        new FindOneAndUpdateOptions()
                                .upsert(true)
                                .returnDocument(ReturnDocument.AFTER)
                                .projection(WITHOUT_WINNERS))
                .map(Campaign::from)
                .onFailure(MongoErrors::isDuplicateKey)
                .recoverWithUni(() -> find(id).map(existing -> {
                    throw existing.locked() && !rules.equals(rulesKey(existing.goal(), existing.schedule()))
                            ? new CampaignLocked()
                            : new ValidationFailed(List.of(new FieldError(
                                    "prizeTotal",
                                    "must be at least the " + existing.prizesTaken() + " prizes already taken")));
                }));
    }

    /** Marks that players exist, freezing goal and schedule. */
    Uni<Void> lockRules(String id) {
        return campaigns
                .updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("locked", true)), Updates.set("locked", true))
                .replaceWithVoid();
    }

    private static String rulesKey(int goal, Schedule schedule) {
        return goal + "|" + schedule.key();
    }
}
