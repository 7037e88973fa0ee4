package io.jiasu.risk;

import static io.restassured.RestAssured.given;

import io.jiasu.Fixtures;
import io.jiasu.OperatorTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Builders for the risk tests: helps from a chosen network, the campaign's policy, the queue, decisions. */
final class Reviews {
    /** The operator who decides in these tests, signed in through the identity provider's token. */
    static final String OPERATOR_NAME = "o-risk";

    private Reviews() {}

    static String operator() {
        return OperatorTokens.of(OPERATOR_NAME, "operator");
    }

    /** A help sent as nginx would forward it from this client address (X-Real-IP, believed from loopback). */
    static Response helpFrom(String address, String token, String cid, String shareCode) {
        return helpFrom(address, token, cid, shareCode, null);
    }

    /** The same with an Idempotency-Key (none when null). */
    static Response helpFrom(String address, String token, String cid, String shareCode, String idempotencyKey) {
        RequestSpecification request = given().auth().oauth2(token).header("X-Real-IP", address);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/campaigns/" + cid + "/players/" + shareCode + "/boosts");
    }

    /** An address of its own /24 for the n-th helper, so helps from different helpers are not one network. */
    static String networkOf(int n) {
        return "10." + (n / 250 % 250) + "." + (n % 250) + ".7";
    }

    static Response setPolicy(String cid, Object policy) {
        return given().auth()
                .oauth2(Fixtures.ADMIN)
                .contentType(ContentType.JSON)
                .body(policy == null ? Map.of() : Map.of("policy", policy))
                .put("/api/v1/admin/campaigns/" + cid + "/risk-policy");
    }

    static Response queue(String cid) {
        return given().auth().oauth2(operator()).get("/api/v1/admin/campaigns/" + cid + "/review-queue");
    }

    static Response decide(String cid, String id, String decision) {
        return given().auth()
                .oauth2(operator())
                .contentType(ContentType.JSON)
                .body(Map.of("decision", decision))
                .post("/api/v1/admin/campaigns/" + cid + "/held-helps/" + id + "/review");
    }

    static Response review(String cid, String shareCode) {
        return given().auth().oauth2(operator()).get("/api/v1/admin/campaigns/" + cid + "/players/" + shareCode);
    }

    /** The value of a counter on /q/metrics for exactly these labels (0 when it was never incremented). */
    static double metric(String name, String labels) {
        String line = name + "{" + labels + "} ";
        for (String row : given().get("/q/metrics").asString().split("\n")) {
            if (row.startsWith(line)) {
                return Double.parseDouble(row.substring(line.length()).trim());
            }
        }
        return 0;
    }
}
