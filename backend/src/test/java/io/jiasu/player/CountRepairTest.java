package io.jiasu.player;

import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.tier;
import static io.jiasu.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The operators' counts: counters kept with the writes are exact at once under real concurrency, a recount from the
 * record agrees with them and races them without losing or doubling a count, and brings back what a crash lost.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class CountRepairTest {
    private static final int THREADS = 48;
    private static final Duration SLOT = Duration.ofSeconds(1);
    /** jiasu.player.counts-settle's default. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Inject
    CountRepair repair;

    @Inject
    CountStore counts;

    @Inject
    MongoClient mongo;

    @Test
    void joinsHelpsAndFinishesAtOnceAreCountedExactlyAndARecountAgrees() {
        String cid = created(campaignOf(3));
        List<String> players = logins("racer", 40);
        List<String> codes = Parallel.run(
                16,
                players.stream().<Callable<String>>map(p -> () -> join(p, cid)).toList());
        List<String> friends = logins("friend", 40);
        // friend f helps players f, f+1 and f+2: every player gets exactly three helps and finishes
        List<Integer> statuses = Parallel.run(
                THREADS,
                IntStream.range(0, 120)
                        .<Callable<Integer>>mapToObj(i ->
                                () -> help(friends.get(i / 3), cid, codes.get((i / 3 + i % 3) % 40))
                                        .statusCode())
                        .toList());

        assertEquals(120, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertCounts(cid, 40, 120, 40, 40);

        Instant after = nextSlotAfter(Instant.now());
        assertTrue(repair.recount(cid, after).await().atMost(Duration.ofSeconds(30)));
        assertEquals(after, counts.recountedUpTo(cid).await().atMost(Duration.ofSeconds(5)));
        assertCounts(cid, 40, 120, 40, 40);
    }

    @Test
    void aRecountRacingABurstOfHelpsLosesAndDoublesNothing() {
        String cid = created(campaignOf(10));
        List<String> codes =
                logins("player", 20).stream().map(p -> join(p, cid)).toList();
        help(login(unique("early")), cid, codes.get(0)).then().statusCode(201);
        // the recount stops between the joins above and the burst below: the base counts those, the counters these
        Instant boundary = nextSlotAfter(Instant.now());
        List<String> friends = logins("burst", 100);

        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String friend = friends.get(i);
            String code = codes.get(i % 20);
            calls.add(() -> "help " + help(friend, cid, code).statusCode());
            if (i % 5 == 0) {
                calls.add(
                        () -> "recount " + repair.recount(cid, boundary).await().atMost(Duration.ofSeconds(30)));
            }
        }
        List<String> outcomes = Parallel.run(THREADS, calls);

        assertEquals(100, outcomes.stream().filter("help 201"::equals).count(), outcomes.toString());
        assertTrue(outcomes.contains("recount true"), outcomes.toString());
        assertEquals(boundary, counts.recountedUpTo(cid).await().atMost(Duration.ofSeconds(5)));
        assertCounts(cid, 20, 101, 101, 0);
    }

    @Test
    void aCountLostInACrashBetweenTheRecordAndItsCounterIsBackAfterTheNextRecount() {
        String cid = created(campaignOf(3));
        String owner = login(unique("owner"));
        String code = join(owner, cid);
        join(login(unique("second")), cid);
        help(login(unique("friend")), cid, code).then().statusCode(201);
        assertCounts(cid, 2, 1, 1, 0);

        // what the record holds when an instance died after a join's insert and a help's update, before their counters
        Instant now = Instant.now();
        players()
                .insertOne(new Document("_id", unique("lost").substring(0, 10))
                        .append("campaignId", cid)
                        .append("userId", unique("lost-user"))
                        .append("helpCount", 0)
                        .append("helps", List.of())
                        .append("helpers", List.of())
                        .append("joinedAt", Date.from(now))
                        .append("depth", 0));
        String lostHelper = unique("lost-helper");
        players()
                .updateOne(
                        Filters.eq("_id", code),
                        Updates.combine(
                                Updates.inc("helpCount", 1),
                                Updates.push("helps", new Document("u", lostHelper).append("at", Date.from(now))),
                                Updates.push("helpers", lostHelper),
                                Updates.set("lastHelpAt", Date.from(now))));
        assertCounts(cid, 2, 1, 1, 0);

        assertTrue(repair.recount(cid, nextSlotAfter(now)).await().atMost(Duration.ofSeconds(30)));
        assertCounts(cid, 3, 2, 2, 0);
        help(login(unique("later")), cid, code).then().statusCode(201);
        assertCounts(cid, 3, 3, 3, 1);
    }

    @Test
    void theScheduledRecountStopsTheSettleTimeAgoAndLeavesLaterCountersToCount() {
        String cid = created(campaignOf(3));
        String code = join(login(unique("owner")), cid);
        help(login(unique("friend")), cid, code).then().statusCode(201);
        Instant before = Instant.now();

        repair.recountAll().await().atMost(Duration.ofSeconds(60));

        Instant upTo = counts.recountedUpTo(cid).await().atMost(Duration.ofSeconds(5));
        assertTrue(!upTo.isAfter(before.minus(SETTLE)), upTo + " is within the settle time of " + before);
        assertTrue(upTo.isAfter(before.minus(SETTLE).minus(Duration.ofSeconds(30))), upTo + " is far behind " + before);
        assertCounts(cid, 1, 1, 1, 0);
    }

    @Test
    void ofInstancesAskingForTheSameRecountAtOnceExactlyOneGetsIt() {
        String cid = created(campaignOf(3));
        Instant now = Instant.now();
        Instant upTo = counts.slotStart(now);

        List<List<String>> leases = Parallel.run(
                16,
                IntStream.range(0, 16)
                        .<Callable<List<String>>>mapToObj(i -> () -> counts.lease(cid, upTo, now, now.plusSeconds(60))
                                .await()
                                .atMost(Duration.ofSeconds(10)))
                        .toList());

        assertEquals(1, leases.stream().filter(lease -> lease != null).count());
        assertEquals(Boolean.FALSE, repair.recount(cid, upTo).await().atMost(Duration.ofSeconds(10)));
        counts.release(cid).await().atMost(Duration.ofSeconds(10));
        assertEquals(Boolean.TRUE, repair.recount(cid, upTo).await().atMost(Duration.ofSeconds(10)));
    }

    /** A live campaign whose goal takes {@code helps} helps of one each; ten prizes, three helps a day per helper. */
    private static Map<String, Object> campaignOf(int helps) {
        Instant now = Instant.now();
        return campaign(
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), helps, 10, List.of(tier(null, 1)), 3);
    }

    /** The start of the slot after {@code at}, once the clock has passed it. */
    private static Instant nextSlotAfter(Instant at) {
        Instant boundary = Instant.ofEpochMilli((at.toEpochMilli() / SLOT.toMillis() + 1) * SLOT.toMillis());
        Awaitility.await()
                .atMost(5, TimeUnit.SECONDS)
                .pollInterval(10, TimeUnit.MILLISECONDS)
                .until(() -> !Instant.now().isBefore(boundary));
        return boundary;
    }

    private static void assertCounts(String cid, long players, long boosts, long helpers, long finished) {
        JsonPath stats = Fixtures.stats(cid).then().statusCode(200).extract().jsonPath();
        assertEquals(
                List.of(players, boosts, helpers, finished),
                List.of(
                        stats.getLong("players"),
                        stats.getLong("boosts"),
                        stats.getLong("helpers"),
                        stats.getLong("finished")),
                "players, boosts, helpers, finished");
    }

    /** {@code count} users of one run, logged in one after the other. */
    private static List<String> logins(String prefix, int count) {
        String run = unique(prefix);
        return IntStream.range(0, count).mapToObj(i -> login(run + "-" + i)).toList();
    }

    private MongoCollection<Document> players() {
        return mongo.getDatabase("jiasu").getCollection("players");
    }
}
