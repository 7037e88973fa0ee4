package io.jiasu;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small builders shared by the HTTP tests: users through the WeChat stub, campaigns through the admin API. */
public final class Fixtures {
    public static final String ADMIN = "test-admin-token";

    private Fixtures() {}

    /** A fresh name, so tests never see each other's data. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Logs in the stub user whose openid is {@code code}; returns our bearer token. */
    public static String login(String code) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/v1/session")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    /** A published campaign that started an hour ago: goal 1000, 10 prizes, {@link #schedule()}, 5 helps a day. */
    public static Map<String, Object> liveCampaign() {
        Instant now = Instant.now();
        return campaign(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), 1000, 10, schedule(), 5);
    }

    public static List<Map<String, Object>> schedule() {
        return List.of(tier(5, 200), tier(10, 100), tier(null, 50));
    }

    public static Map<String, Object> tier(Integer helpers, int amount) {
        HashMap<String, Object> tier = new HashMap<>();
        tier.put("helpers", helpers);
        tier.put("amount", amount);
        return tier;
    }

    public static Map<String, Object> campaign(
            Instant startsAt,
            Instant endsAt,
            int goal,
            int prizeTotal,
            List<Map<String, Object>> schedule,
            int dailyHelpLimit) {
        return new HashMap<>(Map.of(
                "title",
                "加速奔向2027",
                "description",
                "邀请好友帮你加速",
                "startsAt",
                startsAt.toString(),
                "endsAt",
                endsAt.toString(),
                "claimDeadline",
                endsAt.plus(Duration.ofDays(7)).toString(),
                "goal",
                goal,
                "prizeTotal",
                prizeTotal,
                "schedule",
                schedule,
                "dailyHelpLimit",
                dailyHelpLimit,
                "published",
                true));
    }

    public static Response define(String cid, Map<String, Object> campaign) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(campaign)
                .put("/api/v1/admin/campaigns/" + cid);
    }

    /** Defines a campaign and insists it was accepted; returns its id. */
    public static String created(Map<String, Object> campaign) {
        String cid = unique("c");
        define(cid, campaign).then().statusCode(200);
        return cid;
    }

    /** Joins the campaign as this user; returns the share code. */
    public static String join(String token, String cid) {
        return given().auth()
                .oauth2(token)
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(201)
                .extract()
                .path("shareCode");
    }

    public static Response help(String token, String cid, String shareCode) {
        return given().auth().oauth2(token).post("/api/v1/campaigns/" + cid + "/players/" + shareCode + "/boosts");
    }

    /** A help sent with an {@code Idempotency-Key}, as a retrying client sends it. */
    public static Response help(String token, String cid, String shareCode, String idempotencyKey) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", idempotencyKey)
                .post("/api/v1/campaigns/" + cid + "/players/" + shareCode + "/boosts");
    }

    /** The caller's own run in the campaign (GET players/me). */
    public static Response me(String token, String cid) {
        return given().auth().oauth2(token).get("/api/v1/campaigns/" + cid + "/players/me");
    }

    /** The operators' counts of a campaign (GET admin stats). */
    public static Response stats(String cid) {
        return given().auth().oauth2(ADMIN).get("/api/v1/admin/campaigns/" + cid + "/stats");
    }
}
