package io.jiasu.boost;

import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.tier;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A daily slot reserved in Redis by a request whose help never reached MongoDB (the process died in between) is
 * given back when the helper next hits the limit; a slot young enough to belong to a help still in flight is not.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class DailySlotRepairTest {

    @Test
    void aSlotLeftByACrashIsGivenBackButAnInFlightOneIsKept() {
        String code = unique("helper");
        String token = login(code);
        String helperId = given().contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/v1/session")
                .then()
                .extract()
                .path("user.id");

        String cid = oneHelpADay();
        reserve(cid, helperId, "lostHelp01", Instant.now().minus(Duration.ofMinutes(2)));
        help(token, cid, join(login(unique("p")), cid)).then().statusCode(201);

        String other = oneHelpADay();
        reserve(other, helperId, "inFlight01", Instant.now());
        help(token, other, join(login(unique("p")), other))
                .then()
                .statusCode(429)
                .body("code", equalTo("DAILY_LIMIT"));
    }

    @Test
    void theDailyLimitSaysToComeBackAtTheCampaignsMidnight() {
        String token = login(unique("helper"));
        String cid = oneHelpADay();
        help(token, cid, join(login(unique("p")), cid)).then().statusCode(201);

        Instant before = Instant.now();
        String retryAfter = help(token, cid, join(login(unique("p")), cid))
                .then()
                .statusCode(429)
                .body("code", equalTo("DAILY_LIMIT"))
                .extract()
                .header("Retry-After");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        long toMidnight = Duration.between(
                        before,
                        LocalDate.ofInstant(before, shanghai)
                                .plusDays(1)
                                .atStartOfDay(shanghai)
                                .toInstant())
                .toSeconds();
        long told = Long.parseLong(retryAfter);
        assertTrue(Math.abs(told - toMidnight) <= 5, "Retry-After " + told + " s, midnight in " + toMidnight + " s");
    }

    private static String oneHelpADay() {
        Instant now = Instant.now();
        return created(campaign(
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), 100, 5, List.of(tier(null, 1)), 1));
    }

    /** What HelpGateStore's script leaves for a reservation: the share code, scored by when it was taken. */
    private static void reserve(String cid, String helperId, String shareCode, Instant at) {
        String key = "jiasu:daily:{" + helperId + "}:" + cid + ":" + LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertEquals(":1", JiasuTestStack.redis().command("ZADD " + key + " " + at.toEpochMilli() + " " + shareCode));
    }
}
