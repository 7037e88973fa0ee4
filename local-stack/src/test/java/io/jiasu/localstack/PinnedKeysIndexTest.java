package io.jiasu.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class PinnedKeysIndexTest {
    private static final PinnedKeysIndex ID = new PinnedKeysIndex("_id_", List.of(new IndexKey("_id", true)), false);

    @Test
    void servesQueriesThatPinEveryKeyAndFilterOnMore() {
        assertTrue(ID.canHandle(doc("_id", "p1")));
        assertTrue(ID.canHandle(doc("_id", "p1").append("n", doc("$lt", 3)).append("helps.u", doc("$ne", "h"))));
    }

    @Test
    void leavesQueriesThatDoNotPinTheKeyToTheScan() {
        assertFalse(ID.canHandle(doc("n", 1)));
        assertFalse(ID.canHandle(doc("_id", doc("$ne", "p1")).append("n", 1)));
        assertFalse(ID.canHandle(doc("_id", null).append("n", 1)));
    }

    @Test
    void guardedUpdatesAnswerAsBeforeOnABigCollection() {
        try (MongoStandIn server = MongoStandIn.start(0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> players = client.getDatabase("pinned").getCollection("players");
            players.createIndex(Indexes.ascending("campaignId", "userId"), new IndexOptions().unique(true));
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                docs.add(new Document("_id", "p" + i)
                        .append("campaignId", "c")
                        .append("userId", "u" + i)
                        .append("n", 0));
            }
            players.insertMany(docs);
            FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

            Document guard = new Document("_id", "p7").append("campaignId", "c").append("n", new Document("$lt", 2));
            assertEquals(
                    1,
                    players.findOneAndUpdate(guard, Updates.inc("n", 1), after).getInteger("n"));
            assertEquals(
                    2,
                    players.findOneAndUpdate(guard, Updates.inc("n", 1), after).getInteger("n"));
            assertNull(
                    players.findOneAndUpdate(guard, Updates.inc("n", 1), after), "the extra condition still refuses");
            assertNull(players.findOneAndUpdate(
                    new Document("_id", "p7").append("campaignId", "other"), Updates.inc("n", 1), after));

            Document mine =
                    new Document("campaignId", "c").append("userId", "u9").append("n", 0);
            assertEquals("p9", players.find(mine).first().getString("_id"), "the compound unique index serves it too");
            assertEquals(2000, players.countDocuments(new Document("campaignId", "c")));
        }
    }

    /** A query as the server sees it (mongo-java-server's own document type). */
    private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }
}
