package io.jiasu.user;

import java.time.Instant;
import org.bson.Document;

/** A WeChat user as we store them; openid and session key never leave the server. */
public record User(String id, String openid, String nickname, String avatarUrl, boolean banned, Instant createdAt) {
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
