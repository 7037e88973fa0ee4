package io.jiasu.risk;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** A held help as stored: whose, from whom, when, what made it risky, and its decision. */
record HeldHelp(
        String id,
        String campaignId,
        String shareCode,
        String helperId,
        Instant at,
        Integer scene,
        Integer rank,
        List<String> signals,
        State state,
        String decidedBy,
        Instant decidedAt,
        Applied outcome) {

    /** Where a held help stands. */
    enum State {
        /** Waiting for an operator. */
        HELD,
        /** Approved; being applied to the player (a crash here is finished by the next approval). */
        APPROVING,
        /** Approved and applied: {@link Applied} says what it did. */
        APPROVED,
        /** Rejected: it never counts. */
        REJECTED
    }

    static HeldHelp from(Document doc) {
        Date decided = doc.getDate("decidedAt");
        return new HeldHelp(
                doc.getString("_id"),
                doc.getString("campaignId"),
                doc.getString("p"),
                doc.getString("u"),
                doc.getDate("at").toInstant(),
                doc.getInteger("s"),
                doc.getInteger("r"),
                doc.getList("k", String.class, List.of()),
                State.valueOf(doc.getString("state")),
                doc.getString("decidedBy"),
                decided == null ? null : decided.toInstant(),
                Applied.from(doc.get("o", Document.class)));
    }
}
