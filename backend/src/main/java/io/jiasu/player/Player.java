package io.jiasu.player;

import io.jiasu.leaderboard.Standing;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** A user's run in one campaign, as stored; its id is the share code. */
record Player(
        String shareCode,
        String campaignId,
        String userId,
        int helpCount,
        List<Help> helps,
        Instant joinedAt,
        Instant lastHelpAt,
        Instant finishedAt,
        Integer prizeRank,
        boolean prizeSettled,
        Long finishSeq,
        String invitedBy,
        int depth) {

    boolean helpedBy(String userId) {
        return helps.stream().anyMatch(help -> help.userId().equals(userId));
    }

    /** Reached the goal, but the prize outcome was not written: a crash between the two updates. */
    boolean needsPrizeSettling() {
        return finishedAt != null && !prizeSettled;
    }

    Finisher finisher() {
        return new Finisher(campaignId, shareCode, userId, finishedAt);
    }

    Standing standing(int progress) {
        Instant reached = finishedAt != null ? finishedAt : lastHelpAt != null ? lastHelpAt : joinedAt;
        return new Standing(shareCode, progress, reached, prizeRank, finishSeq);
    }

    static Player from(Document doc) {
        List<Help> helps = doc.getList("helps", Document.class, List.of()).stream()
                .map(h -> new Help(
                        h.getString("u"),
                        h.getDate("at").toInstant(),
                        h.getInteger("s"),
                        h.getString("g"),
                        h.getInteger("r"),
                        h.getList("k", String.class, List.of()),
                        h.getString("h")))
                .toList();
        return new Player(
                doc.getString("_id"),
                doc.getString("campaignId"),
                doc.getString("userId"),
                doc.getInteger("helpCount", 0),
                helps,
                instant(doc, "joinedAt"),
                instant(doc, "lastHelpAt"),
                instant(doc, "finishedAt"),
                doc.getInteger("prizeRank"),
                Boolean.TRUE.equals(doc.getBoolean("prizeSettled")),
                doc.get("finishSeq") == null ? null : ((Number) doc.get("finishSeq")).longValue(),
                doc.getString("invitedBy"),
                doc.getInteger("depth", 0));
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
