package io.jiasu.boost;

import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.me;
import static io.jiasu.Fixtures.tier;
import static io.jiasu.Fixtures.unique;
import static io.jiasu.Prizes.joined;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exact totals under real concurrency, through HTTP, against real Redis and mongo-java-server. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class BoostConcurrencyTest {
    private static final int THREADS = 48;

    @Test
    void fourHundredFriendsHelpingAtOnceGiveExactlyFourHundredHelps() {
        String cid = created(campaignWith(10_000, 10, 5));
        String player = login(unique("popular"));
        String code = join(player, cid);
        List<String> friends = logins("friend", 400);

        List<Integer> statuses = Parallel.run(
                THREADS,
                friends.stream()
                        .<Callable<Integer>>map(
                                friend -> () -> help(friend, cid, code).statusCode())
                        .toList());

        assertEquals(400, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        JsonPath run = me(player, cid).jsonPath();
        assertEquals(400, run.getInt("helpers"));
        assertEquals(400, run.getInt("progress"));
        List<String> whoHelped = given().auth()
                .oauth2(player)
                .get("/api/v1/campaigns/" + cid + "/players/me/boosts")
                .jsonPath()
                .getList("boosts.at");
        assertEquals(400, whoHelped.size());
        assertEquals(400, stats(cid).getInt("boosts"));
        assertEquals(400, stats(cid).getInt("helpers"));
    }

    @Test
    void oneFriendTappingThirtyTimesAtOnceHelpsExactlyOnce() {
        String cid = created(campaignWith(10_000, 10, 5));
        Runner player = joined(cid, "p");
        String friend = login(unique("eager"));

        List<Response> answers = atOnce(30, () -> help(friend, cid, player.shareCode()));

        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(
                29,
                answers.stream()
                        .filter(r -> r.statusCode() == 409
                                && "ALREADY_BOOSTED".equals(r.jsonPath().getString("code")))
                        .count());
        assertEquals(1, me(player.token(), cid).jsonPath().getInt("helpers"));
    }

    @Test
    void twoHundredPlayersRacingPastTheGoalShareTenPrizesRankedOneToTen() {
        String cid = created(campaignWith(1, 10, 5));
        List<String> players = logins("racer", 200);
        List<String> codes = Parallel.run(
                THREADS,
                players.stream().<Callable<String>>map(p -> () -> join(p, cid)).toList());
        List<String> helpers = logins("pusher", 200);

        List<Response> answers = Parallel.run(
                THREADS,
                IntStream.range(0, 200)
                        .<Callable<Response>>mapToObj(i -> () -> help(helpers.get(i), cid, codes.get(i)))
                        .toList());

        assertEquals(
                200,
                answers.stream()
                        .filter(r -> r.statusCode() == 201 && r.jsonPath().getBoolean("finished"))
                        .count());
        List<Integer> ranks = new ArrayList<>();
        answers.forEach(r -> {
            Integer rank = r.jsonPath().get("prizeRank");
            if (rank != null) {
                ranks.add(rank);
            }
        });
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), new HashSet<>(ranks));
        assertEquals(10, ranks.size());

        List<Integer> winnerRanks =
                given().get("/api/v1/campaigns/" + cid + "/winners").jsonPath().getList("winners.rank");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), winnerRanks);
        List<Integer> fromPlayers = new ArrayList<>();
        for (String player : players) {
            Integer rank = me(player, cid).jsonPath().get("prizeRank");
            if (rank != null) {
                fromPlayers.add(rank);
            }
        }
        assertEquals(Set.copyOf(winnerRanks), new HashSet<>(fromPlayers));
        assertEquals(10, fromPlayers.size());
        assertEquals(0, stats(cid).getInt("prizeRemaining"));
        assertEquals(200, stats(cid).getInt("finished"));
    }

    @Test
    void theDailyLimitHoldsWhenOneHelperRacesTwentyPlayers() {
        String cid = created(campaignWith(10_000, 10, 3));
        List<String> codes = logins("needy", 20).stream().map(p -> join(p, cid)).toList();
        String helper = login(unique("busyFriend"));

        List<Response> answers = Parallel.run(
                20,
                codes.stream()
                        .<Callable<Response>>map(code -> () -> help(helper, cid, code))
                        .toList());

        assertEquals(3, answers.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(
                17,
                answers.stream()
                        .filter(r -> r.statusCode() == 429
                                && "DAILY_LIMIT".equals(r.jsonPath().getString("code")))
                        .count());
        assertEquals(3, stats(cid).getInt("boosts"));
    }

    @Test
    void parallelRetriesWithOneIdempotencyKeyHelpOnceAndAnswerAlike() {
        String cid = created(campaignWith(10_000, 10, 5));
        Runner player = joined(cid, "p");
        String friend = login(unique("retrier"));

        List<Response> answers = atOnce(10, () -> help(friend, cid, player.shareCode(), "k-42"));

        answers.forEach(r -> assertEquals(201, r.statusCode(), r.asString()));
        assertEquals(
                1,
                answers.stream()
                        .map(r -> r.jsonPath().getInt("progress"))
                        .distinct()
                        .count());
        assertEquals(1, me(player.token(), cid).jsonPath().getInt("helpers"));
    }

    private static Map<String, Object> campaignWith(int goal, int prizes, int dailyLimit) {
        Instant now = Instant.now();
        return campaign(
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)),
                goal,
                prizes,
                List.of(tier(null, 1)),
                dailyLimit);
    }

    /** The same request sent {@code times} times, all released at once. */
    private static List<Response> atOnce(int times, Callable<Response> request) {
        return Parallel.run(
                times,
                IntStream.range(0, times)
                        .<Callable<Response>>mapToObj(i -> request)
                        .toList());
    }

    private static List<String> logins(String prefix, int count) {
        String run = unique(prefix);
        return Parallel.run(
                16,
                IntStream.range(0, count)
                        .<Callable<String>>mapToObj(i -> () -> login(run + "-" + i))
                        .toList());
    }

    private static JsonPath stats(String cid) {
        return Fixtures.stats(cid).then().statusCode(200).extract().jsonPath();
    }
}
