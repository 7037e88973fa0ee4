package io.jiasu.player;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.jiasu.platform.MongoErrors;
import io.jiasu.platform.MongoSetup;
import io.jiasu.platform.RandomIds;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The players collection: one document per user and campaign, keyed by share code, holding every help it received.
 * A help is decided by one guarded update on this document, so counts are exact without transactions.
 */
@ApplicationScoped
class PlayerStore {
    private static final String COLLECTION = "players";
    private static final int SHARE_CODE_LENGTH = 10;
    private static final Bson WITHOUT_HELPS = Projections.exclude("helps", "helpers");
    private static final int PARTICIPANTS_BATCH = 500;
    /** The ids of a player's helpers, flat: the help's guard asks this, never the dotted helps.u. */
    private static final String HELPERS = "helpers";

    private final ReactiveMongoCollection<Document> players;

    PlayerStore(ReactiveMongoDatabase db) {
        this.players = db.getCollection(COLLECTION);
    }

    void createIndexes(@Observes StartupEvent start) {
        MongoSetup.await(
                players.createIndex(Indexes.ascending("campaignId", "userId"), new IndexOptions().unique(true)));
        // A ban looks up every player of a user, across campaigns.
        MongoSetup.await(players.createIndex(Indexes.ascending("userId")));
        // The finishers of a campaign, counted for the operators' stats from an index of finishers only.
        MongoSetup.await(players.createIndex(
                Indexes.ascending("campaignId", "finishedAt"),
                new IndexOptions().partialFilterExpression(Filters.exists("finishedAt"))));
        MongoSetup.await(players.createIndex(Indexes.ascending("campaignId", "lastHelpAt")));
        // Who joined through a player: players/me's "invited" counts these keys, only the invited are in it.
        MongoSetup.await(players.createIndex(
                Indexes.ascending("invitedBy"),
                new IndexOptions().partialFilterExpression(Filters.exists("invitedBy"))));
        // Time to goal percentiles: only finishers are in it, in order of how long they took.
        MongoSetup.await(players.createIndex(
                Indexes.ascending("campaignId", "toGoalMs"),
                new IndexOptions().partialFilterExpression(Filters.exists("toGoalMs"))));
        // The sweeper's question, answered from a tiny index: only players caught between finishing and settling,
        // in the order they reached the goal.
        MongoSetup.await(players.createIndex(
                Indexes.ascending("prizeSettled", "finishedAt"),
                new IndexOptions().partialFilterExpression(Filters.eq("prizeSettled", false))));
    }

    /**
     * Stores a new player with where they came from, or finds the one this user already has in the campaign (whose
     * origin is kept: the first touch wins); created tells which.
     */
    Uni<Stored> join(String campaignId, String userId, Instant now, Arrival arrival) {
        Document player = new Document("_id", RandomIds.shortCode(SHARE_CODE_LENGTH))
                .append("campaignId", campaignId)
                .append("userId", userId)
                .append("helpCount", 0)
                .append("helps", List.of())
                .append(HELPERS, List.of())
                .append("joinedAt", Date.from(now))
                .append("depth", arrival.depth());
        if (arrival.invitedBy() != null) {
            player.append("invitedBy", arrival.invitedBy());
        }
        if (arrival.scene() != null) {
            player.append("scene", arrival.scene());
        }
        if (arrival.group() != null) {
            player.append("group", arrival.group());
        }
        return players.insertOne(player)
                .map(ignored -> new Stored(Player.from(player), true))
                .onFailure(MongoErrors::isDuplicateKey)
                .recoverWithUni(() -> findMine(campaignId, userId)
                        .flatMap(existing -> existing != null
                                ? Uni.createFrom().item(new Stored(existing, false))
                                // the random share code itself collided: draw another
                                : join(campaignId, userId, now, arrival)));
    }

    Uni<Player> findMine(String campaignId, String userId) {
        return players.find(new Document("campaignId", campaignId).append("userId", userId))
                .toUni()
                .map(doc -> doc == null ? null : Player.from(doc));
    }

    Uni<Player> find(String campaignId, String shareCode) {
        return players.find(new Document("_id", shareCode).append("campaignId", campaignId))
                .toUni()
                .map(doc -> doc == null ? null : Player.from(doc));
    }

    /** The players behind these share codes, without their help lists. */
    Uni<List<Player>> findAll(Collection<String> shareCodes) {
        if (shareCodes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return players.find(Filters.in("_id", shareCodes), new FindOptions().projection(WITHOUT_HELPS))
                .map(Player::from)
                .collect()
                .asList();
    }

    /**
     * Records one help if it is allowed, in a single guarded update: the player is not the helper, this helper has
     * not helped before, and the goal is not reached yet. The help that reaches the goal also stamps finishedAt in
     * the same update (a second update, tried only when the first found the player one help short). The filter
     * carries the whole shard key ({campaignId, userId} of the owner), so on a sharded cluster the update goes to one
     * shard. A refused help is explained by one read of the player.
     */
    Uni<HelpAttempt> recordHelp(
            String campaignId,
            String shareCode,
            String ownerId,
            String helperId,
            int helpsToGoal,
            Instant now,
            Integer scene,
            String group,
            RiskMarks marks) {
        Date at = Date.from(now);
        Document help = new Document("u", helperId).append("at", at);
        if (scene != null) {
            help.append("s", scene);
        }
        if (group != null) {
            help.append("g", group);
        }
        // risk marks: short names, never part of the guard
        if (marks.rank() != null) {
            help.append("r", marks.rank());
        }
        if (!marks.signals().isEmpty()) {
            help.append("k", marks.signals());
        }
        if (marks.heldId() != null) {
            help.append("h", marks.heldId());
        }
        Document progress = new Document("$inc", new Document("helpCount", 1))
                .append("$push", new Document("helps", help).append(HELPERS, helperId))
                .append("$set", new Document("lastHelpAt", at));
        // a player's own help is refused without a write (the guard pins the owner, so it cannot say "not the owner")
        Uni<Player> helped = ownerId.equals(helperId)
                ? Uni.createFrom().nullItem()
                : update(
                                guard(campaignId, shareCode, ownerId, helperId, new Document("$lt", helpsToGoal - 1)),
                                progress)
                        .onItem()
                        .ifNull()
                        .switchTo(() -> update(
                                guard(campaignId, shareCode, ownerId, helperId, helpsToGoal - 1),
                                new Document(progress)
                                        .append(
                                                "$set",
                                                new Document("lastHelpAt", at)
                                                        .append("finishedAt", at)
                                                        .append("prizeSettled", false))));
        return helped.onItem()
                .ifNotNull()
                .transform(player -> (HelpAttempt) new HelpAttempt.Recorded(
                        player.helpCount(), player.helpCount() == helpsToGoal ? player.finisher() : null))
                .onItem()
                .ifNull()
                .switchTo(() -> players.find(new Document("_id", shareCode).append("campaignId", campaignId))
                        .toUni()
                        .flatMap(doc -> doc != null && !doc.containsKey(HELPERS)
                                ? keepHelpersFlat(doc)
                                        .chain(() -> recordHelp(
                                                campaignId,
                                                shareCode,
                                                ownerId,
                                                helperId,
                                                helpsToGoal,
                                                now,
                                                scene,
                                                group,
                                                marks))
                                : Uni.createFrom()
                                        .<HelpAttempt>item(new HelpAttempt.Refused(refusal(
                                                doc == null ? null : Player.from(doc), helperId, helpsToGoal)))));
    }

    /**
     * A player stored before the flat helper list existed gets it from its helps, once, when a help first finds it
     * missing (the guard refuses such a player, so its helps can't change meanwhile).
     */
    private Uni<Void> keepHelpersFlat(Document player) {
        List<String> helpers = player.getList("helps", Document.class, List.of()).stream()
                .map(help -> help.getString("u"))
                .toList();
        return players.updateOne(
                        new Document("_id", player.get("_id")).append(HELPERS, new Document("$exists", false)),
                        Updates.set(HELPERS, helpers))
                .replaceWithVoid();
    }

    /** Which part of the guard a refused help failed, read after the fact. */
    private static HelpAttempt.Refusal refusal(Player player, String helperId, int helpsToGoal) {
        if (player == null) {
            return HelpAttempt.Refusal.NO_SUCH_PLAYER;
        }
        if (player.userId().equals(helperId)) {
            return HelpAttempt.Refusal.OWN_PLAYER;
        }
        if (player.helpedBy(helperId)) {
            return HelpAttempt.Refusal.ALREADY_HELPED;
        }
        if (player.helpCount() >= helpsToGoal) {
            return HelpAttempt.Refusal.GOAL_REACHED;
        }
        throw new IllegalStateException("help refused for no known reason");
    }

    /**
     * The guard of a help as one flat filter document on top-level fields. Filters.and would render {$and: [...]},
     * which mongo-java-server answers with a collection scan instead of the _id index, and a dotted path (helps.u) is
     * split by a regex per document there; MongoDB reads all alike. A player without the flat helper list never
     * matches ({@link #keepHelpersFlat}).
     */
    private static Bson guard(String campaignId, String shareCode, String ownerId, String helperId, Object helpCount) {
        return new Document("_id", shareCode)
                .append("campaignId", campaignId)
                .append("userId", ownerId)
                .append(HELPERS, new Document("$exists", true).append("$ne", helperId))
                .append("helpCount", helpCount);
    }

    /** Applies a guarded help and answers the player after it, without the help list nobody reads here. */
    private Uni<Player> update(Bson filter, Bson update) {
        return players.findOneAndUpdate(
                        filter,
                        update,
                        new FindOneAndUpdateOptions()
                                .returnDocument(ReturnDocument.AFTER)
                                .projection(WITHOUT_HELPS))
                .map(doc -> doc == null ? null : Player.from(doc));
    }

    /**
     * Writes down the settled finish of a player: prize rank, finish sequence and the serialised finish time, which
     * replaces the time the crossing help stamped. Guarded on prizeSettled, so a second settling (two sweepers) never
     * overwrites the first.
     */
    Uni<Player> settlePrize(String shareCode, Integer prizeRank, long finishSeq, Instant finishedAt) {
        return players.findOneAndUpdate(
                        new Document("_id", shareCode).append("prizeSettled", false),
                        Updates.combine(
                                Updates.set("prizeRank", prizeRank),
                                Updates.set("finishSeq", finishSeq),
                                Updates.set("finishedAt", Date.from(finishedAt)),
                                Updates.set("prizeSettled", true)),
                        new FindOneAndUpdateOptions()
                                .returnDocument(ReturnDocument.AFTER)
                                .projection(WITHOUT_HELPS))
                .map(doc -> doc == null ? null : Player.from(doc));
    }

    /** Keeps how long a settled finisher took from joining to the goal, for the time-to-goal percentiles. */
    Uni<Void> keepTimeToGoal(String shareCode, Duration took) {
        return players.updateOne(Filters.eq("_id", shareCode), Updates.set("toGoalMs", took.toMillis()))
                .replaceWithVoid();
    }

    /** The share codes of these users' players in a campaign, by user id; users who never joined are left out. */
    Uni<Map<String, String>> shareCodesOf(String campaignId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return players.find(
                        Filters.and(Filters.eq("campaignId", campaignId), Filters.in("userId", userIds)),
                        new FindOptions().projection(Projections.include("userId")))
                .collect()
                .asMap(doc -> doc.getString("userId"), doc -> doc.getString("_id"));
    }

    /** How many players joined through this one: a count of keys in the invitedBy index. */
    Uni<Long> invitedBy(String shareCode) {
        return players.countDocuments(Filters.eq("invitedBy", shareCode));
    }

    /**
     * The time to goal at the given fraction of the campaign's finishers (0.5 for the median), of {@code finished}
     * finishers: one skip along the (campaignId, toGoalMs) index, so the cost follows the finishers, not the players.
     */
    Uni<Duration> timeToGoal(String campaignId, long finished, double fraction) {
        if (finished <= 0) {
            return Uni.createFrom().nullItem();
        }
        int skip = (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(fraction * finished) - 1);
        return players.find(
                        Filters.and(Filters.eq("campaignId", campaignId), Filters.exists("toGoalMs")),
                        new FindOptions()
                                .sort(Sorts.ascending("toGoalMs"))
                                .skip(Math.max(0, skip))
                                .limit(1)
                                .projection(Projections.include("toGoalMs")))
                .toUni()
                .map(doc -> doc == null ? null : Duration.ofMillis(((Number) doc.get("toGoalMs")).longValue()));
    }

    /** The first {@code limit} players of a campaign with their inviters, for the picture of the share tree. */
    Uni<List<Sprout>> tree(String campaignId, int limit) {
        return players.find(
                        Filters.eq("campaignId", campaignId),
                        new FindOptions()
                                .limit(limit)
                                .projection(Projections.include("userId", "invitedBy", "depth", "finishedAt")))
                .map(doc -> new Sprout(
                        doc.getString("userId"),
                        doc.getString("_id"),
                        doc.getString("invitedBy"),
                        doc.getInteger("depth", 0),
                        doc.get("finishedAt") != null))
                .collect()
                .asList();
    }

    /** One player of the share tree as stored: whose it is, who brought them, how deep, whether they finished. */
    record Sprout(String userId, String shareCode, String invitedBy, int depth, boolean finished) {}

    /**
     * Finished players whose prize outcome was never written (the process died in between): the help that reached
     * the goal sets prizeSettled to false, settling sets it to true.
     */
    Multi<Player> unsettled(int limit) {
        return players.find(
                        Filters.eq("prizeSettled", false),
                        new FindOptions()
                                .projection(WITHOUT_HELPS)
                                .sort(Sorts.ascending("finishedAt"))
                                .limit(limit))
                .map(Player::from);
    }

    /** Every player of a campaign without help lists, to rebuild the leaderboard. */
    Multi<Player> allOf(String campaignId) {
        return players.find(Filters.eq("campaignId", campaignId), new FindOptions().projection(WITHOUT_HELPS))
                .map(Player::from);
    }

    /** The players of a campaign helped since {@code since}, without help lists, from the (campaignId, lastHelpAt) index. */
    Multi<Player> helpedSince(String campaignId, Instant since) {
        return players.find(
                        new Document("campaignId", campaignId)
                                .append("lastHelpAt", new Document("$gte", Date.from(since))),
                        new FindOptions().projection(WITHOUT_HELPS))
                .map(Player::from);
    }

    /** Every player of a user, across campaigns, without help lists (the userId index). */
    Multi<Player> ofUser(String userId) {
        return players.find(Filters.eq("userId", userId), new FindOptions().projection(WITHOUT_HELPS))
                .map(Player::from);
    }

    /**
     * Every player of a campaign, for the participants export, a page of {@value #PARTICIPANTS_BATCH} at a time, so a
     * million players are never in memory at once. Each page is its own query after the last user id of the one before
     * (keyset paging on the unique (campaignId, userId) index), so each is one operation under the MongoDB time bound
     * rather than one cursor the bound would cut short; of the helps only their risk signals ({@code k}) are read.
     */
    Multi<Participant> participants(String campaignId, IntUnaryOperator progressAfter) {
        AtomicReference<String> after = new AtomicReference<>();
        return Multi.createBy()
                .repeating()
                .uni(() -> participantsAfter(campaignId, after.get()).invoke(page -> {
                    if (!page.isEmpty()) {
                        after.set(page.get(page.size() - 1).getString("userId"));
                    }
                }))
                .whilst(page -> page.size() == PARTICIPANTS_BATCH)
                .onItem()
                .transformToIterable(page -> page)
                .map(doc -> {
                    Map<String, Integer> signals = new TreeMap<>();
                    int risky = 0;
                    for (Document help : doc.getList("helps", Document.class, List.of())) {
                        List<String> marks = help.getList("k", String.class, List.of());
                        risky += marks.isEmpty() ? 0 : 1;
                        for (String signal : marks) {
                            signals.merge(signal, 1, Integer::sum);
                        }
                    }
                    int helps = doc.getInteger("helpCount", 0);
                    Date finished = doc.getDate("finishedAt");
                    return new Participant(
                            doc.getString("_id"),
                            doc.getString("userId"),
                            progressAfter.applyAsInt(helps),
                            helps,
                            doc.getString("invitedBy"),
                            doc.getInteger("depth", 0),
                            doc.getInteger("scene"),
                            doc.getDate("joinedAt").toInstant(),
                            finished == null ? null : finished.toInstant(),
                            doc.getInteger("prizeRank"),
                            risky,
                            signals);
                });
    }

    private Uni<List<Document>> participantsAfter(String campaignId, String afterUserId) {
        Bson campaign = Filters.eq("campaignId", campaignId);
        return players.find(
                        afterUserId == null ? campaign : Filters.and(campaign, Filters.gt("userId", afterUserId)),
                        new FindOptions()
                                .projection(Projections.exclude("helpers", "helps.u", "helps.at", "helps.s", "helps.g"))
                                .sort(Sorts.ascending("userId"))
                                .limit(PARTICIPANTS_BATCH))
                .collect()
                .asList();
    }

    /**
     * Helps per minute since {@code since}, for the operators' chart. Only players helped since then are unwound, so
     * with an index on (campaignId, lastHelpAt) the cost follows recent activity, not the campaign's size.
     */
    Uni<List<HelpsInMinute>> helpsPerMinute(String campaignId, Instant since) {
        Date from = Date.from(since);
        Document minute =
                new Document("$dateToString", new Document("format", "%Y-%m-%dT%H:%M").append("date", "$helps.at"));
        return players.aggregate(List.of(
                        Aggregates.match(
                                Filters.and(Filters.eq("campaignId", campaignId), Filters.gte("lastHelpAt", from))),
                        Aggregates.unwind("$helps"),
                        Aggregates.match(Filters.gte("helps.at", from)),
                        Aggregates.group(minute, Accumulators.sum("n", 1))))
                .map(doc -> new HelpsInMinute(
                        Instant.parse(doc.getString("_id") + ":00Z"), ((Number) doc.get("n")).longValue()))
                .collect()
                .asList()
                .map(rows -> rows.stream()
                        .sorted(Comparator.comparing(HelpsInMinute::minute))
                        .toList());
    }

    /** Which of these players this user has helped. */
    Uni<Set<String>> helpedBy(Collection<String> shareCodes, String helperId) {
        return players.find(
                        Filters.and(Filters.in("_id", shareCodes), Filters.eq("helps.u", helperId)),
                        new FindOptions().projection(Projections.include("_id")))
                .map(doc -> doc.getString("_id"))
                .collect()
                .asList()
                .map(codes -> codes.stream().collect(Collectors.toSet()));
    }

    /**
     * What the record holds of a campaign stamped before {@code before}, for the operators' counts ({@link CountRepair}
     * runs this on a schedule, never a request): players by joinedAt, helps by their at, helpers by their first help
     * and finishers by their crossing help (a finished player's lastHelpAt never moves again).
     */
    Uni<PlayerCounts> countsBefore(String campaignId, Instant before) {
        Date upTo = Date.from(before);
        Uni<Long> joined = players.countDocuments(
                new Document("campaignId", campaignId).append("joinedAt", new Document("$lt", upTo)));
        Uni<Long> finished = players.countDocuments(new Document("campaignId", campaignId)
                .append("lastHelpAt", new Document("$lt", upTo))
                .append("finishedAt", new Document("$exists", true)));
        // every help before the instant, grouped by helper: the groups are the distinct helpers, their sizes the helps
        Uni<Document> helps = players.aggregate(List.of(
                        Aggregates.match(
                                new Document("campaignId", campaignId).append("helpCount", new Document("$gt", 0))),
                        Aggregates.project(Projections.include("helps")),
                        Aggregates.unwind("$helps"),
                        Aggregates.match(Filters.lt("helps.at", upTo)),
                        Aggregates.group("$helps.u", Accumulators.sum("n", 1)),
                        Aggregates.group(null, Accumulators.sum("helpers", 1), Accumulators.sum("helps", "$n"))))
                .collect()
                .first()
                .map(doc -> doc == null ? new Document() : doc);
        return Uni.combine()
                .all()
                .unis(joined, helps, finished)
                .with((joiners, tally, finishers) -> new PlayerCounts(
                        joiners, LoopStore.count(tally, "helps"), LoopStore.count(tally, "helpers"), finishers));
    }

    /** A stored join: the player, and whether this call created it. */
    record Stored(Player player, boolean created) {}
}
