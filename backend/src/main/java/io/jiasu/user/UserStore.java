package io.jiasu.user;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.jiasu.media.Avatar;
import io.jiasu.platform.MongoErrors;
import io.jiasu.platform.MongoSetup;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** The users collection: one document per WeChat openid, its {@code _id} derived from the openid ({@link UserIds}). */
@ApplicationScoped
class UserStore {
    private static final String COLLECTION = "users";
    private static final String DEFAULT_NICKNAME = "微信用户";

    /** A login's answer: the user after the update, without what never leaves the store (the session key). */
    private static final FindOneAndUpdateOptions AFTER_LOGIN =
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(User.FIELDS);

    private final ReactiveMongoCollection<Document> users;
    private final UserIds ids;

    UserStore(ReactiveMongoDatabase db, UserIds ids) {
        this.users = db.getCollection(COLLECTION);
        this.ids = ids;
    }

    /**
     * The openid lookup of a login. A plain index: the derived {@code _id} keeps one user per openid, and a sharded
     * collection could not keep a unique index that does not start with its shard key. An older deployment's unique
     * one serves as well and is kept.
     */
    void createIndexes(@Observes StartupEvent start) {
        MongoSetup.await(users.createIndex(Indexes.ascending("openid"))
                .onFailure(MongoErrors::isIndexConflict)
                .recoverWithItem("openid_1"));
    }

    /**
     * Finds the user of this openid or creates them; safe when the same user logs in many times at once, with or
     * without the openid index. A returning user is one {@code findOneAndUpdate} by the id {@link UserIds} derives
     * from the openid: the always-present {@code _id} index answers it, on any MongoDB and on the stand-in, which
     * ignores plain indexes and would scan every user for the openid. Only when no user has that id is the openid
     * asked: a user stored before ids came from the openid (a random id) is found so and keeps that id. A new user is
     * then upserted by the derived id, which only the {@code _id} index decides: two parallel first logins meet on one
     * document, the loser of the insert race updates it.
     */
    Uni<User> signIn(String openid, String sessionKey, Instant now) {
        String id = ids.of(openid);
        Bson login = Updates.combine(Updates.set("sessionKey", sessionKey), Updates.set("lastLoginAt", Date.from(now)));
        return users.findOneAndUpdate(Filters.eq("_id", id), login, AFTER_LOGIN)
                .flatMap(known -> known != null
                        ? Uni.createFrom().item(known)
                        : users.findOneAndUpdate(Filters.eq("openid", openid), login, AFTER_LOGIN))
                .flatMap(known -> known != null ? Uni.createFrom().item(known) : create(id, openid, login, now))
                .map(User::from);
    }

    private Uni<Document> create(String id, String openid, Bson login, Instant now) {
        Bson byId = Filters.eq("_id", id);
        Bson update = Updates.combine(
                login,
                Updates.setOnInsert("openid", openid),
                Updates.setOnInsert("nickname", DEFAULT_NICKNAME),
                Updates.setOnInsert("createdAt", Date.from(now)));
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions()
                .upsert(true)
                .returnDocument(ReturnDocument.AFTER)
                .projection(User.FIELDS);
        return users.findOneAndUpdate(byId, update, upsert)
                .onFailure(MongoErrors::isDuplicateKey)
                .recoverWithUni(() -> users.findOneAndUpdate(byId, update, upsert));
    }

    Uni<User> find(String id) {
        return users.find(Filters.eq("_id", id)).toUni().map(doc -> doc == null ? null : User.from(doc));
    }

    /** The session_key of the user's latest login, or null; it never leaves the server. */
    Uni<String> sessionKey(String id) {
        return users.find(Filters.eq("_id", id), new FindOptions().projection(Projections.include("sessionKey")))
                .toUni()
                .map(doc -> doc == null ? null : doc.getString("sessionKey"));
    }

    Uni<List<User>> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return users.find(Filters.in("_id", ids)).map(User::from).collect().asList();
    }

    /** Sets the banned flag; repeating it is harmless. Null when there is no such user. */
    Uni<User> markBanned(String id, Instant at) {
        return users.findOneAndUpdate(
                        Filters.eq("_id", id),
                        Updates.combine(Updates.set("banned", true), Updates.max("bannedAt", Date.from(at))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null : User.from(doc));
    }

    /** Clears the banned flag; repeating it is harmless. Null when there is no such user. */
    Uni<User> markUnbanned(String id) {
        return users.findOneAndUpdate(
                        Filters.eq("_id", id),
                        Updates.combine(Updates.unset("banned"), Updates.unset("bannedAt")),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null : User.from(doc));
    }

    /** Sets what is not null; an avatar is kept by URL (what cards show) and by name (what a refusal clears). */
    Uni<User> update(String id, String nickname, Avatar avatar) {
        List<Bson> changes = new ArrayList<>();
        if (nickname != null) {
            changes.add(Updates.set("nickname", nickname));
        }
        if (avatar != null) {
            changes.add(Updates.set("avatarUrl", avatar.url()));
            changes.add(Updates.set("avatar", avatar.name()));
        }
        if (changes.isEmpty()) {
            return find(id);
        }
        return users.findOneAndUpdate(
                        Filters.eq("_id", id),
                        Updates.combine(changes),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> doc == null ? null : User.from(doc));
    }

    /** Every user showing this avatar goes back to the default one (no avatarUrl); answers how many. */
    Uni<Long> clearAvatar(String name) {
        return users.updateMany(
                        Filters.eq("avatar", name),
                        Updates.combine(Updates.unset("avatarUrl"), Updates.unset("avatar")))
                .map(result -> result.getModifiedCount());
    }
}
