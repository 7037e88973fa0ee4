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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The finish order and prize slots of each campaign, in the campaign's own document: {@code finishSeq} (finishes
 * handed out so far), {@code lastFinishAt} (the latest finish time handed out), and the {@code winners} list with
 * {@code winnerCount}, so a slot is checked against the prize total the operator set in the same atomic update. Every
 * finish is serialised here by one single-document update that takes the next sequence and raises
 * {@code lastFinishAt} with {@code $max}: the finish time a player is given is that maximum, so finish times never
 * go down as the sequence goes up, whatever the instances' clocks say. The winners list only grows by one guarded
 * {@code $push}: a slot is taken exactly once and ranks have no gap. The campaign store owns every other field.
 */
@ApplicationScoped
class PrizeSlotStore {
    private static final String COLLECTION = "campaigns";

    private final ReactiveMongoCollection<Document> campaigns;

    PrizeSlotStore(ReactiveMongoDatabase db) {
        this.campaigns = db.getCollection(COLLECTION);
    }

    /**
     * Serialises one finish: appends the finisher to the winners if a slot is left (guarded so the same player is
     * never appended twice), else only takes the next sequence. Either way the finish time is clamped to be no
     * earlier than any finish handed out before. Returns the rank (null when no slot was left), the sequence and the
     * time; a winner settled before gets their existing rank and time back.
     */
    Uni<Finish> take(String campaignId, int prizeTotal, Finisher finisher) {
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
                Updates.inc("winnerCount", 1),
                sequence(finisher));
        return serialise(filter, update)
                .flatMap(taken -> taken != null
                        ? Uni.createFrom().item(finish(taken, taken.getInteger("winnerCount")))
                        : existingOrNext(campaignId, prizeTotal, finisher));
    }

    private Uni<Finish> existingOrNext(String campaignId, int prizeTotal, Finisher finisher) {
        return slots(campaignId).flatMap(slots -> {
            for (Winner winner : slots.winners()) {
                if (winner.shareCode().equals(finisher.shareCode())) {
                    return Uni.createFrom().item(new Finish(winner.rank(), winner.rank(), winner.finishedAt()));
                }
            }
            // An operator changed the prize total since our copy was read: try again against the new total.
            if (slots.prizeTotal() != prizeTotal) {
                return take(campaignId, slots.prizeTotal(), finisher);
            }
            return serialise(Filters.eq("_id", campaignId), sequence(finisher)).map(taken -> finish(taken, null));
        });
    }

    /** The next finish sequence, and the latest finish time raised to this finisher's if theirs is later. */
    private static Bson sequence(Finisher finisher) {
        return Updates.combine(
                Updates.inc("finishSeq", 1L), Updates.max("lastFinishAt", Date.from(finisher.finishedAt())));
    }

    private Uni<Document> serialise(Bson filter, Bson update) {
        return campaigns.findOneAndUpdate(
                filter,
                update,
                new FindOneAndUpdateOptions()
                        .returnDocument(ReturnDocument.AFTER)
                        .projection(Projections.include("winnerCount", "finishSeq", "lastFinishAt")));
    }

    private static Finish finish(Document serialised, Integer rank) {
        return new Finish(
                rank,
                ((Number) serialised.get("finishSeq")).longValue(),
                serialised.getDate("lastFinishAt").toInstant());
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
                    // a slot's time is the latest finish time up to it: what the $max handed out when it was taken
                    Instant latest = Instant.EPOCH;
                    for (Document w : doc.getList("winners", Document.class, List.of())) {
                        Instant stamped = w.getDate("f").toInstant();
                        latest = stamped.isAfter(latest) ? stamped : latest;
                        winners.add(new Winner(winners.size() + 1, w.getString("p"), w.getString("u"), latest));
                    }
                    return new Slots(doc.getInteger("prizeTotal", 0), winners);
                });
    }

    /** One serialised finish: the prize rank (null without one), the finish sequence and the finish time. */
    record Finish(Integer rank, long sequence, Instant finishedAt) {}

    /** The prize slots of a campaign: its total and the winners in rank order. */
    private record Slots(int prizeTotal, List<Winner> winners) {}
}
