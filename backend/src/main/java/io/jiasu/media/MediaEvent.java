package io.jiasu.media;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A verdict WeChat pushed about an image, kept for operators: the trace id of the check, WeChat's suggestion and
 * label, the avatar it concerned (null while unknown) and whether it was refused.
 */
public record MediaEvent(
        String traceId, String avatar, String suggest, String label, boolean risky, Instant receivedAt) {
    static MediaEvent from(Document doc) {
        Date at = doc.getDate("receivedAt");
        return new MediaEvent(
                doc.getString("_id"),
                doc.getString("avatar"),
                doc.getString("suggest"),
                doc.getString("label"),
                Boolean.TRUE.equals(doc.getBoolean("risky")),
                at == null ? null : at.toInstant());
    }
}
