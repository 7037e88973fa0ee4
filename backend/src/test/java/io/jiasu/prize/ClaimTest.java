package io.jiasu.prize;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.define;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Prizes.GOOD_CLAIM;
import static io.jiasu.Prizes.claim;
import static io.jiasu.Prizes.finisher;
import static io.jiasu.Prizes.joined;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.bson.Document;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class ClaimTest {
    @Inject
    MongoClient mongo;

    @Test
    void aWinnerClaimsAndSeesItMaskedAndPlayerViewSaysClaimed() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "winner", 1);
        me(winner, cid).then().body("claimed", equalTo(false));

        claim(winner.token(), cid, GOOD_CLAIM)
                .then()
                .statusCode(200)
                .body("name", equalTo("张*"))
                .body("phone", equalTo("138****5678"))
                .body("address", equalTo("北京市海淀区****"))
                .body("review", equalTo("CLEAR"))
                .body("claimedAt", notNullValue());

        me(winner, cid).then().body("claimed", equalTo(true)).body("prizeRank", equalTo(1));
        given().auth()
                .oauth2(winner.token())
                .get("/api/v1/campaigns/" + cid + "/players/me/claim")
                .then()
                .statusCode(200)
                .body("phone", equalTo("138****5678"));
        Fixtures.stats(cid).then().body("claims", equalTo(1)).body("flaggedClaims", equalTo(0));
    }

    @Test
    void aSecondClaimReplacesTheFirst() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "winner", 1);
        claim(winner.token(), cid, GOOD_CLAIM).then().statusCode(200);
        claim(winner.token(), cid, Map.of("name", "李四", "phone", "19900001111", "address", "上海市浦东新区世纪大道100号"))
                .then()
                .statusCode(200)
                .body("name", equalTo("李*"))
                .body("phone", equalTo("199****1111"));

        assertEquals(
                1, mongo.getDatabase("jiasu").getCollection("claims").countDocuments(new Document("campaignId", cid)));
        Fixtures.stats(cid).then().body("claims", equalTo(1));
    }

    @Test
    void onlyPrizeHoldersClaim() {
        String cid = created(liveCampaign());
        Runner runner = joined(cid, "runner");
        claim(runner.token(), cid, GOOD_CLAIM)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_WINNER"));
        claim(Fixtures.login(Fixtures.unique("stranger")), cid, GOOD_CLAIM)
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void claimsCloseAtTheDeadline() {
        Map<String, Object> campaign = liveCampaign();
        String cid = created(campaign);
        Runner winner = finisher(cid, "winner", 1);

        Instant past = Instant.now().minusSeconds(5);
        Map<String, Object> closed = new HashMap<>(campaign);
        closed.put("endsAt", past.toString());
        closed.put("claimDeadline", past.toString());
        define(cid, closed).then().statusCode(200);

        claim(winner.token(), cid, GOOD_CLAIM).then().statusCode(409).body("code", equalTo("CLAIM_CLOSED"));
    }

    @Test
    void everyBrokenFieldIsNamedAndLengthsCountCodePoints() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "winner", 1);

        claim(winner.token(), cid, Map.of("name", "", "phone", "12812345678", "address", "短地址"))
                .then()
                .statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", containsInAnyOrder("name", "phone", "address"));
        claim(winner.token(), cid, Map.of("name", "😀".repeat(21), "phone", "1381234567", "address", "北".repeat(121)))
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("name", "phone", "address"));
        claim(winner.token(), cid, Map.of("name", "张\u0007三", "phone", "13812345678", "address", "北京市海淀区\n中关村"))
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("name", "address"))
                .body(
                        "errors.message",
                        org.hamcrest.Matchers.everyItem(equalTo("must not contain control characters")));
        claim(winner.token(), cid, Map.of("phone", "+8613812345678", "address", "北京市海淀区中关村"))
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("name", "phone"));

        // 20 emoji are 40 UTF-16 units but 20 characters; 120 Chinese characters is the longest address.
        claim(winner.token(), cid, Map.of("name", "😀".repeat(20), "phone", "19912345678", "address", "北".repeat(120)))
                .then()
                .statusCode(200)
                .body("name", equalTo("😀" + "*".repeat(19)));
    }

    @Test
    void riskyTextIsRefusedAndNothingIsStored() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "winner", 1);
        claim(winner.token(), cid, Map.of("name", "张三", "phone", "13812345678", "address", "北京市违禁词大街1号"))
                .then()
                .statusCode(422)
                .body("code", equalTo("CONTENT_RISKY"));
        me(winner, cid).then().body("claimed", equalTo(false));
    }

    @Test
    void whenContentSecurityIsTooSlowTheClaimIsStoredFlaggedForReview() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "winner", 1);
        long started = System.nanoTime();
        claim(winner.token(), cid, Map.of("name", "王五", "phone", "13812345678", "address", "广州市天河区__slow__路8号"))
                .then()
                .statusCode(200)
                .body("review", equalTo("PENDING"));
        assertTrue(
                Duration.ofNanos(System.nanoTime() - started).toMillis() < 4500,
                "the stub answers after 5 s; we must not wait for it");

        me(winner, cid).then().body("claimed", equalTo(true));
        Fixtures.stats(cid).then().body("claims", equalTo(1)).body("flaggedClaims", equalTo(1));
        adminWinners(cid).then().body("winners[0].status", equalTo("PENDING_REVIEW"));

        approve(cid, winner.shareCode()).then().statusCode(200).body("decision", equalTo("APPROVED"));
        adminWinners(cid).then().body("winners[0].status", equalTo("CLAIMED"));
        approve(cid, winner.shareCode()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().get("/q/metrics")
                .then()
                .body(org.hamcrest.Matchers.containsString("jiasu_prize_claims_total{outcome=\"flagged\"}"));
    }

    @Test
    void personalDataIsSealedAtRestAndNeverLogged() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
                synchronized (logged) {
                    logged.add(String.valueOf(text) + (record.getThrown() == null ? "" : " " + record.getThrown()));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String cid = created(liveCampaign());
            Runner winner = finisher(cid, "winner", 1);
            Map<String, Object> secret = Map.of("name", "赵六隐私", "phone", "13698765432", "address", "杭州市西湖区秘密路42号");
            claim(winner.token(), cid, secret).then().statusCode(200);
            claim(winner.token(), cid, Map.of("name", "赵六隐私", "phone", "136987654", "address", "杭州市西湖区秘密路42号"))
                    .then()
                    .statusCode(422);

            Document stored = mongo.getDatabase("jiasu")
                    .getCollection("claims")
                    .find(new Document("_id", winner.shareCode()))
                    .first();
            assertEquals("k2", stored.getString("keyId"));
            String raw = stored.toJson();
            for (Object value : secret.values()) {
                assertFalse(raw.contains((String) value), "stored in clear: " + value);
            }
            synchronized (logged) {
                for (String line : logged) {
                    for (Object value : secret.values()) {
                        assertFalse(line.contains((String) value), "logged: " + line);
                    }
                    assertFalse(line.contains("136987654"), "logged: " + line);
                }
            }
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void aReviewThroughAnotherCampaignsPathChangesNothing() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "winner", 1);
        claim(winner.token(), cid, Map.of("name", "赵六", "phone", "13812345678", "address", "深圳市南山区__slow__路9号"))
                .then()
                .statusCode(200)
                .body("review", equalTo("PENDING"));
        String elsewhere = created(liveCampaign());

        approve(elsewhere, winner.shareCode()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));

        adminWinners(cid).then().body("winners[0].status", equalTo("PENDING_REVIEW"));
        approve(cid, winner.shareCode()).then().statusCode(200).body("decision", equalTo("APPROVED"));
    }

    private static Response approve(String cid, String shareCode) {
        return given().auth()
                .oauth2(Fixtures.ADMIN)
                .contentType("application/json")
                .body(Map.of("decision", "APPROVED"))
                .post("/api/v1/admin/campaigns/" + cid + "/players/" + shareCode + "/claim/review");
    }

    private static Response adminWinners(String cid) {
        return given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/admin/campaigns/" + cid + "/winners");
    }

    private static Response me(Runner runner, String cid) {
        return Fixtures.me(runner.token(), cid);
    }
}
