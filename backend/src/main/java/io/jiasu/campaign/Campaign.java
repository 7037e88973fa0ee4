package io.jiasu.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * A campaign as stored: its definition, whether players have locked its rules, and how many prizes are taken. The
 * views show the definition as it is; what is not public is left out of them here.
 */
public record Campaign(
        String id,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        Instant claimDeadline,
        int goal,
        int prizeTotal,
        Schedule schedule,
        int dailyHelpLimit,
        ZoneId timeZone,
        @JsonIgnore boolean published,
        @JsonIgnore boolean locked,
        @JsonIgnore int prizesTaken) {

    public CampaignStatus status(Instant now) {
        if (now.isBefore(startsAt)) {
            return CampaignStatus.UPCOMING;
        }
        return now.isBefore(endsAt) ? CampaignStatus.LIVE : CampaignStatus.ENDED;
    }

    /** Throws the API's answer for joining or helping outside the window. */
    public void requireLive(Instant now) {
        switch (status(now)) {
            case UPCOMING -> throw new CampaignNotStarted();
            case ENDED -> throw new CampaignEnded();
            case LIVE -> {}
        }
    }

    public int helpsToGoal() {
        return schedule.helpsToReach(goal);
    }

    public int progressAfter(int helps) {
        return schedule.progressAfter(helps, goal);
    }

    /** What the {@code nth} help (1-based) added. */
    public int amountOfHelp(int nth) {
        return progressAfter(nth) - progressAfter(nth - 1);
    }

    public int prizeRemaining() {
        return Math.max(0, prizeTotal - prizesTaken);
    }

    /** The campaign-local day a help counts against the daily limit. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(timeZone).toLocalDate();
    }

    /** Seconds from {@code instant} until the next campaign-local midnight, when the daily limit starts afresh. */
    public long secondsToNextDay(Instant instant) {
        Instant midnight = dayOf(instant).plusDays(1).atStartOfDay(timeZone).toInstant();
        return Math.max(1, Duration.between(instant, midnight).toSeconds());
    }

    static Campaign from(Document doc) {
        List<Tier> tiers = doc.getList("schedule", Document.class).stream()
                .map(t -> new Tier(t.getInteger("helpers"), t.getInteger("amount")))
                .toList();
        return new Campaign(
                doc.getString("_id"),
                doc.getString("title"),
                doc.getString("description"),
                instant(doc, "startsAt"),
                instant(doc, "endsAt"),
                instant(doc, "claimDeadline"),
                doc.getInteger("goal"),
                doc.getInteger("prizeTotal"),
                new Schedule(tiers),
                doc.getInteger("dailyHelpLimit"),
                ZoneId.of(doc.getString("timeZone")),
                Boolean.TRUE.equals(doc.getBoolean("published")),
                Boolean.TRUE.equals(doc.getBoolean("locked")),
                doc.getInteger("winnerCount", 0));
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
