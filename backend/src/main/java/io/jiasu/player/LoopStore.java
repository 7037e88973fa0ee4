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
import io.jiasu.platform.WritesInFlight;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

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
    /** People known to have helped in a campaign (a flag never unset once written), so their next helps need no write. */
    private static final int KNOWN_HELPERS = 200_000;

    private static final Logger LOG = Logger.getLogger(LoopStore.class);

    private final ReactiveMongoCollection<Document> loops;
    private final ReactiveMongoCollection<Document> groups;
    private final ReactiveMongoCollection<Document> people;
    private final Map<String, HelpBatch> helpBatches = new ConcurrentHashMap<>();
    private final Set<String> knownHelpers = ConcurrentHashMap.newKeySet();
    private final WritesInFlight inFlight = new WritesInFlight(LOG, "viral loop counters of a batch lost");

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
                .call(ignored -> group(campaignId, arrival.group(), "joins", 1))
                .call(ignored -> person(campaignId, userId, "joined", "helped"))
                .replaceWithVoid();
    }

    /**
     * Counts a recorded help. A person's first help is counted at once (the virality view's distinct helpers are
     * current when the help is answered); its scene and group and a player's first help go with the campaign's next
     * batch, written every {@code jiasu.player.loop-flush-every}: those counters are the operators' picture, not the
     * record, and a crash loses at most one batch of them. Answers whether this was the person's first help in the
     * campaign, as far as the flags know (a crash between a help and its flag makes the person's next help the first).
     */
    Uni<Boolean> helped(String campaignId, String helperId, Integer scene, String group, boolean firstHelpOfPlayer) {
        helpBatches.computeIfAbsent(campaignId, id -> new HelpBatch()).add(scene(scene), group, firstHelpOfPlayer);
        String person = campaignId + "/" + helperId;
        if (knownHelpers.contains(person)) {
            return Uni.createFrom().item(false);
        }
        return person(campaignId, helperId, "helped", "joined").invoke(() -> {
            if (knownHelpers.size() >= KNOWN_HELPERS) {
                knownHelpers.clear();
            }
            knownHelpers.add(person);
        });
    }

    /**
     * Writes every campaign's batch of help counts: one $inc for the campaign and one per group chat. Done when the
     * writes of every flush begun before it are done too, so a reader that flushes first sees every help this
     * instance answered.
     */
    @Scheduled(every = "${jiasu.player.loop-flush-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flushHelps() {
        return inFlight.flush(helpBatches, HelpBatch::drain, this::write);
    }

    /** On a clean stop the last batch is written. */
    void stop(@Observes ShutdownEvent event) {
        inFlight.flushAtStop(this::flushHelps);
    }

    private Uni<Void> write(String campaignId, HelpBatch.Drained drained) {
        List<Bson> incs = new ArrayList<>();
        drained.scenes().forEach((scene, n) -> incs.add(Updates.inc("scenes." + scene + ".helps", n)));
        if (drained.playersHelped() > 0) {
            incs.add(Updates.inc("playersHelped", drained.playersHelped()));
        }
        List<Uni<Void>> groupCounts = new ArrayList<>();
        drained.groups().forEach((group, n) -> groupCounts.add(group(campaignId, group, "helps", n)));
        Uni<Void> counts = loops.updateOne(Filters.eq("_id", campaignId), Updates.combine(incs), UPSERT)
                .replaceWithVoid();
        return groupCounts.isEmpty()
                ? counts
                : counts.call(() -> Uni.join().all(groupCounts).andCollectFailures());
    }

    /** Counts a settled finish and how long it took from joining. */
    Uni<Void> finished(String campaignId) {
        return loops.updateOne(Filters.eq("_id", campaignId), Updates.inc("finished", 1L), UPSERT)
                .replaceWithVoid();
    }

    private Uni<Void> group(String campaignId, String group, String step, long n) {
        if (group == null) {
            return Uni.createFrom().voidItem();
        }
        return groups.updateOne(
                        Filters.eq("_id", campaignId + "/" + group),
                        Updates.combine(
                                Updates.setOnInsert("campaignId", campaignId),
                                Updates.setOnInsert("group", group),
                                Updates.inc(step, n)),
                        UPSERT)
                .flatMap(result -> result.getUpsertedId() == null
                        ? Uni.createFrom().voidItem()
                        : loops.updateOne(Filters.eq("_id", campaignId), Updates.inc("groups", 1L), UPSERT)
                                .replaceWithVoid());
    }

    /**
     * Marks this person's step (joined or helped). The one update that sets the flag sees the flags before it: the
     * first help counts a helper, and whichever of the two steps comes second counts a helper who joined. Answers
     * whether this update set the flag.
     */
    private Uni<Boolean> person(String campaignId, String userId, String step, String other) {
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
                            ? Uni.createFrom().item(firstTime)
                            : loops.updateOne(Filters.eq("_id", campaignId), Updates.combine(counts), UPSERT)
                                    .replaceWith(firstTime);
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

    /** The help counts gathered for one campaign since the last flush. */
    private static final class HelpBatch {
        private Map<String, Long> scenes = new HashMap<>();
        private Map<String, Long> groups = new HashMap<>();
        private long playersHelped;

        record Drained(Map<String, Long> scenes, Map<String, Long> groups, long playersHelped) {}

        synchronized void add(String scene, String group, boolean firstHelpOfPlayer) {
            scenes.merge(scene, 1L, Long::sum);
            if (group != null) {
                groups.merge(group, 1L, Long::sum);
            }
            if (firstHelpOfPlayer) {
                playersHelped++;
            }
        }

        /** What was gathered, or null when nothing was; the batch starts empty again. */
        synchronized Drained drain() {
            if (scenes.isEmpty()) {
                return null;
            }
            Drained drained = new Drained(scenes, groups, playersHelped);
            scenes = new HashMap<>();
            groups = new HashMap<>();
            playersHelped = 0;
            return drained;
        }
    }
}
