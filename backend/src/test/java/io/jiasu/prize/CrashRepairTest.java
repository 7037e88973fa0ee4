package io.jiasu.prize;

import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.tier;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A process that dies right after the help that reached the goal leaves the player finished but without a prize
 * outcome. The state such a crash leaves is written straight into MongoDB, then the repairs must settle it: the
 * player's next read, or the sweeper, each taking the next slot exactly once.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class CrashRepairTest {
    @Inject
    MongoClient mongo;

    @Inject
    PrizeRepair repair;

    @Test
    void aFinishCutShortIsSettledOnTheNextReadAndByTheSweeperOnce() {
        Instant now = Instant.now();
        String cid = created(campaign(
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), 1, 2, List.of(tier(null, 1)), 5));
        String first = login(unique("crashed"));
        String second = login(unique("crashed"));
        String firstCode = join(first, cid);
        String secondCode = join(second, cid);
        finishedButNotSettled(firstCode);
        finishedButNotSettled(secondCode);

        given().auth()
                .oauth2(first)
                .get("/api/v1/campaigns/" + cid + "/players/me")
                .then()
                .statusCode(200)
                .body("prizeRank", org.hamcrest.Matchers.equalTo(1))
                .body("progress", org.hamcrest.Matchers.equalTo(1));

        repair.sweep().await().atMost(Duration.ofSeconds(30));
        repair.sweep().await().atMost(Duration.ofSeconds(30));

        Document settled = players().find(Filters.eq("_id", secondCode)).first();
        assertNotNull(settled);
        assertEquals(true, settled.getBoolean("prizeSettled"));
        assertEquals(2, settled.getInteger("prizeRank"));
        List<Integer> ranks =
                given().get("/api/v1/campaigns/" + cid + "/winners").jsonPath().getList("winners.rank");
        assertEquals(List.of(1, 2), ranks, "each finisher took one slot, however often the repair ran");
    }

    /** Exactly what the help that reached the goal writes, and nothing after it. */
    private void finishedButNotSettled(String shareCode) {
        Date at = new Date();
        players()
                .updateOne(
                        Filters.eq("_id", shareCode),
                        Updates.combine(
                                Updates.set("helpCount", 1),
                                Updates.push("helps", new Document("u", unique("ghost")).append("at", at)),
                                Updates.set("lastHelpAt", at),
                                Updates.set("finishedAt", at),
                                Updates.set("prizeSettled", false)));
    }

    private MongoCollection<Document> players() {
        return mongo.getDatabase("jiasu").getCollection("players");
    }
}
