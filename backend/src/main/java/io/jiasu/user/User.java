package io.jiasu.user;

import com.mongodb.client.model.Projections;
import java.time.Instant;
import org.bson.Document;
import org.bson.conversions.Bson;

/** A WeChat user as we store them; openid and session key never leave the server. */
public record User(String id, String openid, String nickname, String avatarUrl, boolean banned, Instant createdAt) {
    /** The fields {@link #from} reads: what a store asks for when it needs a user and nothing else. */
    static final Bson FIELDS = Projections.include("openid", "nickname", "avatarUrl", "banned", "createdAt");

    static User from(Document doc) {
        return new User(
                doc.getString("_id"),
                doc.getString("openid"),
                doc.getString("nickname"),
                doc.getString("avatarUrl"),
                Boolean.TRUE.equals(doc.getBoolean("banned")),
                doc.getDate("createdAt").toInstant());
    }

    @Override
    public String toString() {
        return "User[" + id + "]";
    }
}
