package io.jiasu.leaderboard;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.jiasu.RedisProcess;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class LeaderboardTest {
    @Inject
    LeaderboardRepair repair;

    @Test
    void highestProgressFirstAndTiesGoToWhoeverGotThereFirst() {
        String cid = created(liveCampaign());
        String early = login(unique("early"));
        String late = login(unique("late"));
        String leader = login(unique("leader"));
        String idle = login(unique("idle"));
        String earlyCode = join(early, cid);
        String lateCode = join(late, cid);
        String leaderCode = join(leader, cid);
        join(idle, cid);
        named(early, "先到");
        named(late, "后到");
        named(leader, "领先");

        help(login(unique("h")), cid, earlyCode).then().statusCode(201);
        help(login(unique("h")), cid, lateCode).then().statusCode(201);
        help(login(unique("h")), cid, leaderCode).then().statusCode(201);
        help(login(unique("h")), cid, leaderCode).then().statusCode(201);

        Awaitility.await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonPath board =
                    given().get("/api/v1/campaigns/" + cid + "/leaderboard").jsonPath();
            assertEquals(List.of("领先", "先到", "后到", "微信用户"), board.getList("entries.nickname"));
            assertEquals(List.of(400, 200, 200, 0), board.getList("entries.progress"));
            assertEquals(List.of(1, 2, 3, 4), board.getList("entries.rank"));
        });
        assertEquals(
                3,
                given().auth()
                        .oauth2(late)
                        .get("/api/v1/campaigns/" + cid + "/players/me")
                        .jsonPath()
                        .getInt("rank"));
        assertEquals(
                2,
                given().queryParam("limit", 2)
                        .get("/api/v1/campaigns/" + cid + "/leaderboard")
                        .jsonPath()
                        .getList("entries")
                        .size());
    }

    @Test
    void aLostLeaderboardIsRebuiltFromTheRecord() {
        String cid = created(liveCampaign());
        String first = login(unique("a"));
        String second = login(unique("b"));
        String firstCode = join(first, cid);
        join(second, cid);
        help(login(unique("h")), cid, firstCode).then().statusCode(201);

        assertEquals(":1", JiasuTestStack.redis().command("DEL jiasu:lb:" + cid), "Redis loses the board");

        Awaitility.await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonPath board =
                    given().get("/api/v1/campaigns/" + cid + "/leaderboard").jsonPath();
            assertEquals(List.of(200, 0), board.getList("entries.progress"));
        });
        assertEquals(":1", JiasuTestStack.redis().command("EXISTS jiasu:lb:" + cid));
        assertEquals(
                1,
                given().auth()
                        .oauth2(first)
                        .get("/api/v1/campaigns/" + cid + "/players/me")
                        .jsonPath()
                        .getInt("rank"));
    }

    @Test
    void aBoardRecreatedByTrafficAfterFlushallIsRebuiltWholeBySweeper() {
        String cid = created(liveCampaign());
        List<String> codes = Parallel.run(
                8,
                IntStream.range(0, 30)
                        .<Callable<String>>mapToObj(i -> () -> join(login(unique("p")), cid))
                        .toList());
        String leaderCode = codes.get(0);
        help(login(unique("h")), cid, leaderCode).then().statusCode(201);
        assertEquals(30, adminBoard(cid).size(), "the board before the loss");

        flushAllButTheWechatToken();
        // traffic goes on: newcomers join, which recreates the board key with themselves only
        List<String> newcomers = Parallel.run(
                4,
                IntStream.range(0, 4)
                        .<Callable<String>>mapToObj(i -> () -> join(login(unique("n")), cid))
                        .toList());
        assertEquals(":1", JiasuTestStack.redis().command("EXISTS jiasu:lb:" + cid), "the key is back, partial");

        repair.sweep().await().atMost(Duration.ofSeconds(10));

        assertEquals(
                34,
                Integer.parseInt(JiasuTestStack.redis()
                        .command("ZCOUNT jiasu:lb:" + cid + " 0 +inf")
                        .substring(1)),
                "every player is back on the board after one sweep");
        List<Map<String, Object>> board = adminBoard(cid);
        assertEquals(34, board.size());
        assertEquals(leaderCode, board.get(0).get("shareCode"));
        assertEquals(200, board.get(0).get("progress"));
        assertEquals(
                true, board.stream().map(row -> row.get("shareCode")).toList().containsAll(newcomers));
    }

    /**
     * FLUSHALL, as a Redis restart without AOF leaves it, except that WeChat's access token is put back: it is not
     * the board's business, and other test classes count how often it is fetched in this shared stack.
     */
    private static void flushAllButTheWechatToken() {
        RedisProcess redis = JiasuTestStack.redis();
        Map<String, String[]> kept = new java.util.HashMap<>();
        String names = redis.bulk("EVAL \"return table.concat(redis.call('KEYS', 'jiasu:wx*'), ' ')\" 0");
        for (String key : names.split(" ")) {
            if (!key.isEmpty()) {
                kept.put(key, new String[] {
                    redis.bulk("GET " + key), redis.command("PTTL " + key).substring(1)
                });
            }
        }
        assertEquals("+OK", redis.command("FLUSHALL"), "Redis comes back empty");
        kept.forEach((key, valueAndTtl) -> redis.command("SET " + key + " \"" + valueAndTtl[0] + "\""
                + (Long.parseLong(valueAndTtl[1]) > 0 ? " PX " + valueAndTtl[1] : "")));
    }

    private static List<Map<String, Object>> adminBoard(String cid) {
        return given().auth()
                .oauth2(Fixtures.ADMIN)
                .queryParam("limit", 100)
                .get("/api/v1/admin/campaigns/" + cid + "/leaderboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
    }

    @Test
    void aCrowdReadingTheBoardAtOnceIsAnsweredEveryTime() {
        String cid = created(liveCampaign());
        help(login(unique("h")), cid, join(login(unique("p")), cid)).then().statusCode(201);
        for (int round = 0; round < 3; round++) {
            List<Integer> statuses = Parallel.run(
                    64,
                    IntStream.range(0, 200)
                            .<Callable<Integer>>mapToObj(i -> () -> given().config(RestAssuredConfig.config()
                                            .httpClient(HttpClientConfig.httpClientConfig()
                                                    .setParam("http.socket.timeout", 10_000)))
                                    .get("/api/v1/campaigns/" + cid + "/leaderboard")
                                    .statusCode())
                            .toList());
            assertEquals(200, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            Awaitility.await().pollDelay(1100, TimeUnit.MILLISECONDS).until(() -> true);
        }
    }

    private static void named(String token, String nickname) {
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"nickname\":\"" + nickname + "\"}")
                .patch("/api/v1/me")
                .then()
                .statusCode(200);
    }
}
