package io.jiasu.prize;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.jiasu.player.Finisher;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The prize slots of each campaign: the {@code winners} list and {@code winnerCount} in the campaign's own document,
 * so a slot is checked against the prize total the operator set in the same atomic update. The list only grows by
 * one guarded {@code $push}: a slot is taken exactly once and ranks have no gap. The campaign store owns every other
 * field of that document.
 */
@ApplicationScoped
class PrizeSlotStore {
    private static final String COLLECTION = "campaigns";

    private final ReactiveMongoCollection<Document> campaigns;

    PrizeSlotStore(ReactiveMongoDatabase db) {
        this.campaigns = db.getCollection(COLLECTION);
    }

    /**
     * Appends the finisher to the winners if a slot is left, guarded so the same player is never appended twice.
     * Returns their rank, also when an earlier attempt already took it, or null when no slot is left.
     */
    Uni<Integer> take(String campaignId, int prizeTotal, Finisher finisher) {
        Bson filter = Filters.and(
                Filters.eq("_id", campaignId),
                Filters.eq("prizeTotal", prizeTotal),
                Filters.lt("winnerCount", prizeTotal),
                Filters.ne("winners.p", finisher.shareCode()));
        Bson update = Updates.combine(
                Updates.push(
                        "winners",
                        new Document("p", finisher.shareCode())
                                .append("u", finisher.userId())
                                .append("f", Date.from(finisher.finishedAt()))),
                Updates.inc("winnerCount", 1));
        return campaigns
                .findOneAndUpdate(
                        filter,
                        update,
                        new FindOneAndUpdateOptions()
                                .returnDocument(ReturnDocument.AFTER)
                                .projection(Projections.include("winnerCount")))
                .flatMap(taken -> taken != null
                        ? Uni.createFrom().item(taken.getInteger("winnerCount"))
                        : rankOrRetry(campaignId, prizeTotal, finisher));
    }

    private Uni<Integer> rankOrRetry(String campaignId, int prizeTotal, Finisher finisher) {
        return slots(campaignId).flatMap(slots -> {
            for (Winner winner : slots.winners()) {
                if (winner.shareCode().equals(finisher.shareCode())) {
                    return Uni.createFrom().item(winner.rank());
                }
            }
            // An operator changed the prize total since our copy was read: try again against the new total.
            return slots.prizeTotal() != prizeTotal
                    ? take(campaignId, slots.prizeTotal(), finisher)
                    : Uni.createFrom().nullItem();
        });
    }

    /** The winners in rank order, read from the record. */
    Uni<List<Winner>> winners(String campaignId) {
        return slots(campaignId).map(Slots::winners);
    }

    private Uni<Slots> slots(String campaignId) {
        return campaigns
                .find(
                        Filters.eq("_id", campaignId),
                        new FindOptions().projection(Projections.include("winners", "prizeTotal")))
                .toUni()
                .map(doc -> {
                    if (doc == null) {
                        return new Slots(0, List.of());
                    }
                    List<Winner> winners = new ArrayList<>();
                    for (Document w : doc.getList("winners", Document.class, List.of())) {
                        winners.add(new Winner(
                                winners.size() + 1,
                                w.getString("p"),
                                w.getString("u"),
                                w.getDate("f").toInstant()));
                    }
                    return new Slots(doc.getInteger("prizeTotal", 0), winners);
                });
    }

    /** The prize slots of a campaign: its total and the winners in rank order. */
    private record Slots(int prizeTotal, List<Winner> winners) {}
}
