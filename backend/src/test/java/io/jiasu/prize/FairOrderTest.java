package io.jiasu.prize;

import static io.jiasu.Fixtures.ADMIN;
import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.me;
import static io.jiasu.Fixtures.tier;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.jiasu.Prizes;
import io.jiasu.Prizes.Runner;
import io.jiasu.Rfc4180;
import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.leaderboard.LeaderboardService;
import io.jiasu.player.Finisher;
import io.jiasu.player.PlayerService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The order of reaching the goal is decided at one point: ranks and finish times agree in every view, also when two
 * instances with different clocks finish players in the same millisecond, and when a crash leaves finishes unsettled.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class FairOrderTest {
    private static final int PRIZES = 8;
    private static final int RUNNERS = 24;
    /** The second instance's clock runs this far behind the first's. */
    private static final Duration SKEW = Duration.ofSeconds(2);

    @Inject
    MongoClient mongo;

    @Inject
    ReactiveMongoDatabase db;

    @Inject
    PlayerService players;

    @Inject
    LeaderboardService boards;

    @Inject
    CampaignService campaigns;

    @Inject
    Event<PlayerFinished> finishes;

    @Inject
    MeterRegistry metrics;

    @Inject
    PrizeRepair repair;

    @Test
    void twentyFourFinishingAtOnceOnTwoInstancesGetEightPrizesWithFinishTimesInRankOrderEverywhere() {
        String cid = oneHelpToGoal(PRIZES);
        List<Runner> runners = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            runners.add(Prizes.joined(cid, "fair"));
        }
        // the second instance: its own slot store and service over the same MongoDB and Redis
        SlotService other = new SlotService(new PrizeSlotStore(db), players, boards, finishes, metrics);
        Campaign campaign = campaigns.find(cid).await().atMost(Duration.ofSeconds(5));
        // all of the second instance's finishes carry one millisecond, behind the first instance's clock
        Instant behind = Instant.now().minus(SKEW);
        List<Callable<Integer>> finishing = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            Runner runner = runners.get(i);
            if (i % 2 == 0) {
                finishing.add(() -> help(login(unique("fan")), cid, runner.shareCode())
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("prizeRank"));
            } else {
                finishing.add(() -> other.settle(campaign, crossedTheGoal(cid, runner.shareCode(), behind))
                        .await()
                        .atMost(Duration.ofSeconds(30)));
            }
        }
        List<Integer> ranks = Parallel.run(RUNNERS, finishing);

        List<Integer> held = ranks.stream().filter(r -> r != null).sorted().toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), held, "exactly ranks 1..8, each once");

        List<Map<String, Object>> winners =
                given().get("/api/v1/campaigns/" + cid + "/winners").jsonPath().getList("winners");
        assertInRankOrder(
                winners.stream().map(w -> (String) w.get("finishedAt")).toList(), "public winners");

        List<Map<String, Object>> adminWinners = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/campaigns/" + cid + "/winners")
                .jsonPath()
                .getList("winners");
        assertEquals(
                winners.stream().map(w -> w.get("finishedAt")).toList(),
                adminWinners.stream().map(w -> w.get("finishedAt")).toList(),
                "the console's winners show the same times");

        String csv = new String(
                given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/admin/campaigns/" + cid + "/winners.csv")
                        .asByteArray(),
                StandardCharsets.UTF_8);
        List<List<String>> rows = Rfc4180.parse(csv.substring(1));
        List<String> csvTimes = rows.subList(1, rows.size()).stream()
                .map(FairOrderTest::csvTime)
                .toList();
        assertEquals(PRIZES, csvTimes.size());
        assertInRankOrder(csvTimes, "winners.csv");

        List<Map<String, Object>> board = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/campaigns/" + cid + "/leaderboard?limit=" + RUNNERS)
                .jsonPath()
                .getList("entries");
        assertEquals(RUNNERS, board.size());
        assertInRankOrder(board.stream().map(e -> (String) e.get("finishedAt")).toList(), "leaderboard");
        assertEquals(
                winners.stream().map(w -> w.get("finishedAt")).toList(),
                board.subList(0, PRIZES).stream().map(e -> e.get("finishedAt")).toList(),
                "the board starts with the winners, in rank order");

        Set<Long> sequences = new HashSet<>();
        for (Runner runner : runners) {
            Map<String, Object> view = me(runner.token(), cid).jsonPath().getMap("");
            Integer rank = (Integer) view.get("prizeRank");
            if (rank != null) {
                assertEquals(winners.get(rank - 1).get("finishedAt"), view.get("finishedAt"), "players/me agrees");
            }
            Document stored =
                    players().find(Filters.eq("_id", runner.shareCode())).first();
            sequences.add(((Number) stored.get("finishSeq")).longValue());
        }
        assertEquals(RUNNERS, sequences.size(), "every finish has a sequence of its own");
    }

    @Test
    void finishesACrashLeftUnsettledAreSettledInTheOrderTheyReachedTheGoal() {
        String cid = oneHelpToGoal(3);
        Instant first = Instant.now().minus(Duration.ofMinutes(1));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            codes.add(Prizes.joined(cid, "crashed").shareCode());
        }
        // written latest first, so storage order is the reverse of the order they got there
        for (int i = codes.size() - 1; i >= 0; i--) {
            crossedTheGoal(cid, codes.get(i), first.plusSeconds(i));
        }

        repair.sweep().await().atMost(Duration.ofSeconds(30));

        for (int i = 0; i < codes.size(); i++) {
            Document settled = players().find(Filters.eq("_id", codes.get(i))).first();
            assertEquals(true, settled.getBoolean("prizeSettled"));
            assertEquals(i < 3 ? i + 1 : null, settled.getInteger("prizeRank"), "rank by arrival");
        }
        List<String> times =
                given().get("/api/v1/campaigns/" + cid + "/winners").jsonPath().getList("winners.finishedAt");
        assertEquals(3, times.size());
        assertInRankOrder(times, "repaired winners");
    }

    private static String oneHelpToGoal(int prizes) {
        Instant now = Instant.now();
        return created(campaign(
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), 1, prizes, List.of(tier(null, 1)), 5));
    }

    /** Exactly what the help that reaches the goal writes on the player, stamped with {@code at}. */
    private Finisher crossedTheGoal(String cid, String shareCode, Instant at) {
        Document player = players()
                .findOneAndUpdate(
                        Filters.eq("_id", shareCode),
                        Updates.combine(
                                Updates.set("helpCount", 1),
                                Updates.push("helps", new Document("u", unique("ghost")).append("at", Date.from(at))),
                                Updates.set("lastHelpAt", Date.from(at)),
                                Updates.set("finishedAt", Date.from(at)),
                                Updates.set("prizeSettled", false)));
        return new Finisher(cid, shareCode, player.getString("userId"), at);
    }

    /** The CSV's finished_at (a spreadsheet time, to the second, in the zone the row names) as an ISO offset time. */
    private static String csvTime(List<String> row) {
        return LocalDateTime.parse(row.get(2).replace(' ', 'T'))
                .atZone(ZoneId.of(row.get(8)))
                .toOffsetDateTime()
                .toString();
    }

    private static void assertInRankOrder(List<String> times, String view) {
        for (int i = 1; i < times.size(); i++) {
            Instant before = OffsetDateTime.parse(times.get(i - 1)).toInstant();
            Instant after = OffsetDateTime.parse(times.get(i)).toInstant();
            assertTrue(
                    !after.isBefore(before),
                    view + ": rank " + (i + 1) + " finished at " + after + ", before rank " + i + " at " + before);
        }
    }

    private MongoCollection<Document> players() {
        return mongo.getDatabase("jiasu").getCollection("players");
    }
}
