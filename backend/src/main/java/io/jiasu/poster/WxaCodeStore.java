package io.jiasu.poster;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;

/** The wxacodes collection: each player's mini-program code PNG (a few KB), so WeChat is asked once per player. */
@ApplicationScoped
class WxaCodeStore {
    private static final String COLLECTION = "wxacodes";

    private final ReactiveMongoCollection<Document> codes;

    WxaCodeStore(ReactiveMongoDatabase db) {
        this.codes = db.getCollection(COLLECTION);
    }

    Uni<byte[]> find(String shareCode) {
        return codes.find(Filters.eq("_id", shareCode))
                .toUni()
                .map(doc -> doc == null ? null : doc.get("png", Binary.class).getData());
    }

    Uni<Void> put(String shareCode, String scene, byte[] png, Instant at) {
        Document doc = new Document("_id", shareCode)
                .append("scene", scene)
                .append("png", new Binary(png))
                .append("createdAt", Date.from(at));
        return codes.replaceOne(Filters.eq("_id", shareCode), doc, new ReplaceOptions().upsert(true))
                .replaceWithVoid();
    }
}
