package io.jiasu.player;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.me;
import static io.jiasu.Fixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The help's guard reads a flat list of helpers; a player stored before that list existed gets it from its helps. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class HelperListTest {
    @Inject
    MongoClient mongo;

    @Test
    void aPlayerStoredBeforeTheFlatHelperListStillRefusesASecondHelpFromTheSameFriend() {
        String cid = created(liveCampaign());
        String owner = login(unique("old"));
        String code = join(owner, cid);
        String friend = login(unique("friend"));
        help(friend, cid, code).then().statusCode(201);
        // as a player stored before the list existed: its helps, no helpers
        players().updateOne(Filters.eq("_id", code), Updates.unset("helpers"));

        help(friend, cid, code).then().statusCode(409).body("code", equalTo("ALREADY_BOOSTED"));
        help(login(unique("other")), cid, code).then().statusCode(201);

        me(owner, cid).then().body("helpers", equalTo(2));
        Document stored = players().find(Filters.eq("_id", code)).first();
        assertEquals(
                stored.getList("helps", Document.class).stream()
                        .map(h -> h.getString("u"))
                        .toList(),
                stored.getList("helpers", String.class),
                "the flat list holds every helper once, in the order of the helps");
        assertEquals(2, stored.getList("helpers", String.class).size());
        assertEquals(List.copyOf(stored.getList("helpers", String.class)).size(), stored.getInteger("helpCount"));
    }

    private MongoCollection<Document> players() {
        return mongo.getDatabase("jiasu").getCollection("players");
    }
}
