package io.jiasu.user;

import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.jiasu.localstack.MongoStandIn;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Defect 9 of issue 12, the way it happened: MongoDB comes back EMPTY (a restore into a fresh cluster, so none of the
 * indexes made at start exist) while logins go on, and one user's parallel logins still make exactly one user.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class EmptyRestoreTest {
    private static final int PARALLEL_LOGINS = 20;
    private static final int ROUNDS = 5;

    /** The first login of a cold app may outlast WeChat's bound (the access token's first fetch). */
    @BeforeEach
    void appIsWarm() {
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> loginStatus(unique("warm")) == 201);
    }

    @Test
    void parallelLoginsOfOneOpenidAfterMongoComesBackEmptyMakeOneUser() throws Exception {
        AtomicBoolean traffic = new AtomicBoolean(true);
        AtomicInteger trafficLogins = new AtomicInteger();
        Thread crowd = new Thread(() -> {
            while (traffic.get()) {
                if (loginStatus(unique("crowd")) == 201) {
                    trafficLogins.incrementAndGet();
                }
            }
        });
        try (MongoStandIn fresh = MongoStandIn.start(0);
                MongoClient direct = MongoClients.create(fresh.connectionString())) {
            crowd.start();
            Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> trafficLogins.get() > 0);
            JiasuTestStack.mongoLink().redirect(fresh.port());
            try {
                // the first round meets the empty server at once, the users collection not even there yet
                for (int round = 0; round < ROUNDS; round++) {
                    String openid = unique("restored");
                    List<Callable<String>> logins = new ArrayList<>();
                    for (int i = 0; i < PARALLEL_LOGINS; i++) {
                        logins.add(() -> loginRetrying(openid));
                    }
                    Set<String> ids = new HashSet<>();
                    for (String token : Parallel.run(PARALLEL_LOGINS, logins)) {
                        ids.add(meId(token));
                    }
                    List<Document> stored = direct.getDatabase("jiasu")
                            .getCollection("users")
                            .find(Filters.eq("openid", openid))
                            .into(new ArrayList<>());
                    assertEquals(1, stored.size(), "one user document for the openid in round " + round);
                    assertEquals(Set.of(stored.get(0).getString("_id")), ids, "every login is that user");
                    assertFalse(stored.get(0).getString("_id").contains(openid), "the id does not carry the openid");
                }
                assertTrue(trafficLogins.get() > 0);
            } finally {
                traffic.set(false);
                crowd.join(30_000);
                JiasuTestStack.mongoLink().redirect(JiasuTestStack.mongo().port());
            }
        }
    }

    @Test
    void aUserKeepsTheirIdAcrossLoginsAndTwoOpenidsNeverShareOne() {
        String alice = unique("alice");
        String first = meId(login(alice));
        assertEquals(first, meId(login(alice)));
        assertNotEquals(first, meId(login(unique("bob"))));
    }

    @Test
    void aUserStoredBeforeIdsCameFromTheOpenidKeepsTheirOldId() {
        String openid = unique("legacy");
        String legacyId = "Lg" + unique("x").substring(2);
        try (MongoClient direct = MongoClients.create(JiasuTestStack.mongo().connectionString())) {
            direct.getDatabase("jiasu")
                    .getCollection("users")
                    .insertOne(new Document("_id", legacyId)
                            .append("openid", openid)
                            .append("nickname", "老用户")
                            .append("createdAt", new Date()));
            assertEquals(legacyId, meId(login(openid)));
            assertEquals(
                    1, direct.getDatabase("jiasu").getCollection("users").countDocuments(Filters.eq("openid", openid)));
        }
    }

    private static String meId(String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
    }

    /** Logs in as the mini-program does: a 503 while MongoDB comes back is tried again. */
    private static String loginRetrying(String code) {
        for (int attempt = 1; ; attempt++) {
            var response = given().contentType(ContentType.JSON)
                    .body(Map.of("code", code))
                    .post("/api/v1/session");
            if (response.statusCode() == 201 || attempt == 10) {
                return response.then().statusCode(201).extract().path("token");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    private static int loginStatus(String code) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/v1/session")
                .statusCode();
    }
}
