package io.jiasu.prize;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;

/** A claim as stored: who and which prize, the sealed personal data with its key id, and its review state. */
record Claim(
        String shareCode,
        String campaignId,
        String userId,
        int prizeRank,
        ClaimCipher.Sealed sealed,
        Review review,
        Instant claimedAt) {

    Document toDocument() {
        return new Document("_id", shareCode)
                .append("campaignId", campaignId)
                .append("userId", userId)
                .append("prizeRank", prizeRank)
                .append("keyId", sealed.keyId())
                .append("iv", new Binary(sealed.iv()))
                .append("data", new Binary(sealed.ciphertext()))
                .append("review", review.name())
                .append("claimedAt", Date.from(claimedAt));
    }

    static Claim from(Document doc) {
        return new Claim(
                doc.getString("_id"),
                doc.getString("campaignId"),
                doc.getString("userId"),
                doc.getInteger("prizeRank"),
                new ClaimCipher.Sealed(
                        doc.getString("keyId"),
                        doc.get("iv", Binary.class).getData(),
                        doc.get("data", Binary.class).getData()),
                Review.valueOf(doc.getString("review")),
                doc.getDate("claimedAt").toInstant());
    }
}
