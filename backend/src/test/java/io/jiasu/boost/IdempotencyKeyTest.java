package io.jiasu.boost;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What an Idempotency-Key costs and when it counts. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class IdempotencyKeyTest {

    @Test
    void keyedHelpsToUnknownCampaignsOrPlayersKeepNothingInRedis() {
        String cid = created(liveCampaign());
        join(login(unique("p")), cid);
        String helper = login(unique("h"));
        String longCode = "x".repeat(2000);
        int before = storedAnswers();

        for (int i = 0; i < 10; i++) {
            help(helper, unique("nocampaign"), longCode, "k" + i).then().statusCode(404);
            help(helper, cid, unique("nobody") + longCode, "k" + i).then().statusCode(404);
        }

        assertEquals(before, storedAnswers(), "no idempotency key kept for a help that found nothing to help");
    }

    @Test
    void aKeptAnswerHasAKeyOfFixedSize() {
        String cid = created(liveCampaign());
        String code = join(login(unique("p")), cid);
        int before = storedAnswers();

        help(login(unique("h")), cid, code, "k".repeat(64)).then().statusCode(201);

        assertEquals(before + 1, storedAnswers());
        String longest = JiasuTestStack.redis()
                .command("EVAL \"local m = 0 for _, k in ipairs(redis.call('KEYS', 'jiasu:idem:*')) do"
                        + " m = math.max(m, #k) end return m\" 0");
        assertEquals(":75", longest, "jiasu:idem: and a SHA-256 in hex");
    }

    @Test
    void anEmptyIdempotencyKeyIsABadRequestNotAnUnkeyedHelp() {
        String cid = created(liveCampaign());
        String code = join(login(unique("p")), cid);
        String helper = login(unique("h"));

        given().auth()
                .oauth2(helper)
                .header("Idempotency-Key", "")
                .post("/api/v1/campaigns/" + cid + "/players/" + code + "/boosts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("BAD_REQUEST"));
        help(helper, cid, code).then().statusCode(201);
    }

    private static int storedAnswers() {
        String answer = JiasuTestStack.redis().command("EVAL \"return #redis.call('KEYS','jiasu:idem:*')\" 0");
        return Integer.parseInt(answer.substring(1));
    }
}
