package io.jiasu.boost;

import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.stats;
import static io.jiasu.Fixtures.tier;
import static io.jiasu.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The gate of a help, one Redis script: the Idempotency-Key's claim and the daily slot decided together, exactly, under
 * real concurrency; and both keys in one Redis Cluster slot.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class HelpGateTest {
    private static final int PLAYERS = 20;
    private static final int TRIES_PER_KEY = 3;
    private static final int DAILY_LIMIT = 4;

    @Test
    void keyedRetriesRacingTheDailyLimitHelpExactlyTheLimitAndEveryRetryAnswersLikeItsFirst() {
        String cid = created(oneDay());
        String run = unique("needy");
        List<String> codes = Parallel.run(
                8,
                IntStream.range(0, PLAYERS)
                        .<Callable<String>>mapToObj(i -> () -> join(login(run + "-" + i), cid))
                        .toList());
        String helper = login(unique("busy"));

        // every player asked for three times with its own key, all 60 requests at once
        List<Callable<Response>> requests = IntStream.range(0, PLAYERS * TRIES_PER_KEY)
                .<Callable<Response>>mapToObj(
                        i -> () -> help(helper, cid, codes.get(i % PLAYERS), "key-" + (i % PLAYERS)))
                .toList();
        List<Response> answers = Parallel.run(PLAYERS * TRIES_PER_KEY, requests);

        Map<Integer, String> answerPerKey = new HashMap<>();
        int helped = 0;
        for (int i = 0; i < answers.size(); i++) {
            Response answer = answers.get(i);
            String seen = answer.statusCode() + " " + answer.jsonPath().getString("code");
            if (answer.statusCode() == 409
                    && "REQUEST_IN_PROGRESS".equals(answer.jsonPath().getString("code"))) {
                continue; // a retry that gave up waiting for its first: neither a help nor a refusal
            }
            String first = answerPerKey.putIfAbsent(i % PLAYERS, seen);
            assertTrue(first == null || first.equals(seen), "key-" + (i % PLAYERS) + ": " + first + " then " + seen);
        }
        for (String seen : answerPerKey.values()) {
            if (seen.startsWith("201")) {
                helped++;
            } else {
                assertEquals("429 DAILY_LIMIT", seen);
            }
        }
        assertEquals(DAILY_LIMIT, helped, answerPerKey.toString());
        assertEquals(DAILY_LIMIT, stats(cid).jsonPath().getInt("boosts"));
    }

    @Test
    void theDailySlotsAndTheKeptAnswersOfAHelperShareOneClusterSlot() {
        String cid = created(oneDay());
        String code = join(login(unique("p")), cid);
        help(login(unique("h")), cid, code, "k-1").then().statusCode(201);

        String daily =
                JiasuTestStack.redis().bulk("EVAL \"return redis.call('KEYS', 'jiasu:daily:*" + cid + "*')[1]\" 0");
        String tag = daily.substring(daily.indexOf('{'), daily.indexOf('}') + 1);
        String answers =
                JiasuTestStack.redis().command("EVAL \"return #redis.call('KEYS', 'jiasu:idem:" + tag + "*')\" 0");
        assertEquals(":1", answers, "the helper's kept answer carries the same hash tag as their daily slots " + tag);
    }

    private static Map<String, Object> oneDay() {
        Instant now = Instant.now();
        return campaign(
                now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(1)),
                10_000,
                5,
                List.of(tier(null, 1)),
                DAILY_LIMIT);
    }
}
