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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Helps reach the board in batches, and what an instance dies holding is put back from the record. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class BoardBatchTest {
    private static final String WRITERS = "jiasu:lb-writers";
    private static final int HELPED = 12;

    @Inject
    LeaderboardRepair repair;

    @Test
    void helpsReachTheBoardWithinAFewBatches() {
        String cid = created(liveCampaign());
        List<String> codes = players(cid, HELPED);
        helpEach(cid, codes);

        Awaitility.await().atMost(3, TimeUnit.SECONDS).untilAsserted(() -> assertEquals(HELPED, onBoardAt(cid, 200)));
    }

    @Test
    void standingsADeadInstanceHeldInItsBatchArePutBackByTheSweeper() {
        String cid = created(liveCampaign());
        List<String> codes = players(cid, HELPED);
        RedisProcess redis = JiasuTestStack.redis();
        // a writer that last flushed 15 s ago (it died), and one that flushed just now (alive)
        String dead = unique("dead-writer");
        String alive = unique("live-writer");
        redis.command("HSET " + WRITERS + " " + dead + " "
                + Instant.now().minusSeconds(15).toEpochMilli());
        redis.command("HSET " + WRITERS + " " + alive + " " + Instant.now().toEpochMilli());
        helpEach(cid, codes);
        Awaitility.await().atMost(3, TimeUnit.SECONDS).untilAsserted(() -> assertEquals(HELPED, onBoardAt(cid, 200)));
        // the helps' batch never reached Redis: the board is whole, at their standings before the helps
        for (String code : codes) {
            redis.command("ZADD jiasu:lb:" + cid + " XX 0 " + code);
        }
        assertEquals(0, onBoardAt(cid, 200), "the batch is lost");

        repair.sweep().await().atMost(Duration.ofSeconds(10));

        assertEquals(HELPED, onBoardAt(cid, 200), "every helped player is back at their standing");
        assertEquals(":0", redis.command("HEXISTS " + WRITERS + " " + dead), "the dead writer is forgotten");
        assertEquals(":1", redis.command("HEXISTS " + WRITERS + " " + alive), "a live writer is left alone");
        List<Map<String, Object>> board = given().auth()
                .oauth2(Fixtures.ADMIN)
                .get("/api/v1/admin/campaigns/" + cid + "/leaderboard?limit=50")
                .jsonPath()
                .getList("entries");
        assertEquals(HELPED + 1, board.size());
        assertEquals(0, board.get(HELPED).get("progress"), "the player nobody helped stays last");
        redis.command("HDEL " + WRITERS + " " + alive);
    }

    /** Joins {@code count} players and one more nobody helps; the helped ones' share codes. */
    private static List<String> players(String cid, int count) {
        join(login(unique("idle")), cid);
        return Parallel.run(
                8,
                IntStream.range(0, count)
                        .<Callable<String>>mapToObj(i -> () -> join(login(unique("p")), cid))
                        .toList());
    }

    private static void helpEach(String cid, List<String> codes) {
        Parallel.run(
                8,
                codes.stream()
                        .<Callable<Integer>>map(code -> () -> help(login(unique("h")), cid, code)
                                .then()
                                .statusCode(201)
                                .extract()
                                .statusCode())
                        .toList());
    }

    /** How many players the Redis board holds at exactly this progress (one help of the default schedule: 200). */
    private static int onBoardAt(String cid, int progress) {
        long span = 1L << 33;
        String answer = JiasuTestStack.redis()
                .command("ZCOUNT jiasu:lb:" + cid + " " + (progress * span) + " (" + ((progress + 1) * span));
        return Integer.parseInt(answer.substring(1));
    }
}
