package io.jiasu.player;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.jiasu.platform.MongoSetup;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The viral loop's counters, kept as joins and helps happen so the operators' view never scans players: one
 * {@code loops} document per campaign ($inc'ed: players, seeds, generations, scenes, funnel steps), one
 * {@code loop_groups} document per campaign and group chat, and one {@code loop_people} document per campaign and
 * person recording whether they helped and joined, so each person is counted once as a helper and once as a helper who
 * joined, whichever came first, without a read-then-write race.
 */
@ApplicationScoped
class LoopStore {
    private static final String UNKNOWN_SCENE = "unknown";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final FindOneAndUpdateOptions UPSERT_BEFORE =
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);

    private final ReactiveMongoCollection<Document> loops;
    private final ReactiveMongoCollection<Document> groups;
    private final ReactiveMongoCollection<Document> people;

    LoopStore(ReactiveMongoDatabase db) {
        this.loops = db.getCollection("loops");
        this.groups = db.getCollection("loop_groups");
        this.people = db.getCollection("loop_people");
    }

    void createIndexes(@Observes StartupEvent start) {
        MongoSetup.await(groups.createIndex(
                Indexes.compoundIndex(Indexes.ascending("campaignId"), Indexes.descending("joins"))));
    }

    /** Counts a new player: seed or invited, their generation, their scene and group. */
    Uni<Void> joined(String campaignId, String userId, Arrival arrival) {
        Bson counts = Updates.combine(
                Updates.inc("players", 1L),
                Updates.inc(arrival.invitedBy() == null ? "seedPlayers" : "invitedPlayers", 1L),
                Updates.inc("generations." + arrival.depth(), 1L),
                Updates.inc("scenes." + scene(arrival.scene()) + ".joins", 1L));
        return loops.updateOne(Filters.eq("_id", campaignId), counts, UPSERT)
                .call(ignored -> group(campaignId, arrival.group(), "joins"))
                .call(ignored -> person(campaignId, userId, "joined", "helped"))
                .replaceWithVoid();
    }

    /** Counts a recorded help: its scene and group, a player's first help, and a person's first help. */
    Uni<Void> helped(String campaignId, String helperId, Integer scene, String group, boolean firstHelpOfPlayer) {
        Bson counts = Updates.inc("scenes." + scene(scene) + ".helps", 1L);
        if (firstHelpOfPlayer) {
            counts = Updates.combine(counts, Updates.inc("playersHelped", 1L));
        }
        return loops.updateOne(Filters.eq("_id", campaignId), counts, UPSERT)
                .call(ignored -> group(campaignId, group, "helps"))
                .call(ignored -> person(campaignId, helperId, "helped", "joined"))
                .replaceWithVoid();
    }

    /** Counts a settled finish and how long it took from joining. */
    Uni<Void> finished(String campaignId) {
        return loops.updateOne(Filters.eq("_id", campaignId), Updates.inc("finished", 1L), UPSERT)
                .replaceWithVoid();
    }

    private Uni<Void> group(String campaignId, String group, String step) {
        if (group == null) {
            return Uni.createFrom().voidItem();
        }
        return groups.updateOne(
                        Filters.eq("_id", campaignId + "/" + group),
                        Updates.combine(
                                Updates.setOnInsert("campaignId", campaignId),
                                Updates.setOnInsert("group", group),
                                Updates.inc(step, 1L)),
                        UPSERT)
                .flatMap(result -> result.getUpsertedId() == null
                        ? Uni.createFrom().voidItem()
                        : loops.updateOne(Filters.eq("_id", campaignId), Updates.inc("groups", 1L), UPSERT)
                                .replaceWithVoid());
    }

    /**
     * Marks this person's step (joined or helped). The one update that sets the flag sees the flags before it: the
     * first help counts a helper, and whichever of the two steps comes second counts a helper who joined.
     */
    private Uni<Void> person(String campaignId, String userId, String step, String other) {
        return people.findOneAndUpdate(
                        Filters.eq("_id", campaignId + "/" + userId),
                        Updates.combine(Updates.setOnInsert("campaignId", campaignId), Updates.set(step, true)),
                        UPSERT_BEFORE)
                .flatMap(before -> {
                    boolean firstTime = before == null || !Boolean.TRUE.equals(before.getBoolean(step));
                    boolean otherDone = before != null && Boolean.TRUE.equals(before.getBoolean(other));
                    List<Bson> counts = new ArrayList<>();
                    if (firstTime && step.equals("helped")) {
                        counts.add(Updates.inc("helpers", 1L));
                    }
                    if (firstTime && otherDone) {
                        counts.add(Updates.inc("helpersWhoJoined", 1L));
                    }
                    return counts.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : loops.updateOne(Filters.eq("_id", campaignId), Updates.combine(counts), UPSERT)
                                    .replaceWithVoid();
                });
    }

    /** The campaign's counters (an empty document before anyone joined). */
    Uni<Document> counters(String campaignId) {
        return loops.find(Filters.eq("_id", campaignId)).toUni().map(doc -> doc == null ? new Document() : doc);
    }

    /** The busiest group chats by joins, from the (campaignId, joins) index. */
    Uni<List<Virality.Group>> topGroups(String campaignId, int limit) {
        return groups.find(
                        Filters.eq("campaignId", campaignId),
                        new FindOptions()
                                .sort(Sorts.orderBy(Sorts.descending("joins"), Sorts.descending("helps")))
                                .limit(limit)
                                .projection(Projections.include("group", "joins", "helps")))
                .map(doc -> new Virality.Group(doc.getString("group"), count(doc, "joins"), count(doc, "helps")))
                .collect()
                .asList();
    }

    static long count(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number number ? number.longValue() : 0L;
    }

    static List<Virality.Scene> scenes(Document counters) {
        List<Virality.Scene> scenes = new ArrayList<>();
        Document all = counters.get("scenes", new Document());
        for (Map.Entry<String, Object> entry : all.entrySet()) {
            Document steps = (Document) entry.getValue();
            Integer scene = entry.getKey().equals(UNKNOWN_SCENE) ? null : Integer.valueOf(entry.getKey());
            scenes.add(new Virality.Scene(scene, count(steps, "joins"), count(steps, "helps")));
        }
        scenes.sort((a, b) -> Long.compare(b.joins() + b.helps(), a.joins() + a.helps()));
        return scenes;
    }

    static List<Virality.Generation> generations(Document counters) {
        Document all = counters.get("generations", new Document());
        return all.keySet().stream()
                .map(Integer::valueOf)
                .sorted()
                .map(depth -> new Virality.Generation(depth, count(all, String.valueOf(depth))))
                .toList();
    }

    private static String scene(Integer scene) {
        return scene == null ? UNKNOWN_SCENE : String.valueOf(scene);
    }
}
