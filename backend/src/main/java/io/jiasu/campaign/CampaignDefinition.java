package io.jiasu.campaign;

import io.jiasu.platform.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.hibernate.validator.constraints.Range;

/**
 * PUT /admin/campaigns/{cid}: everything an operator decides about a campaign. The rules on one field are the
 * annotations; those across fields are the named validators {@link WindowInOrder} and {@link ScheduleReachesGoal}.
 */
@WindowInOrder
@ScheduleReachesGoal
public record CampaignDefinition(
        @NotNull(message = REQUIRED) @PlainText(min = 1, max = 60)
        String title,

        @PlainText(max = 2000, controlCharacters = true) String description,
        @NotNull(message = REQUIRED) Instant startsAt,
        @NotNull(message = REQUIRED) Instant endsAt,
        @NotNull(message = REQUIRED) Instant claimDeadline,

        @NotNull(message = GOAL_RANGE) @Range(min = 1, max = MAX_GOAL, message = GOAL_RANGE)
        Integer goal,

        @NotNull(message = PRIZE_RANGE) @Range(min = 1, max = MAX_PRIZES, message = PRIZE_RANGE)
        Integer prizeTotal,

        @NotNull(message = TIER_COUNT) @Size(min = 1, max = MAX_TIERS, message = TIER_COUNT) @TiersEndOpen
        List<@Valid Tier> schedule,

        @NotNull(message = DAILY_RANGE) @Range(min = 1, max = MAX_DAILY_HELPS, message = DAILY_RANGE)
        Integer dailyHelpLimit,

        Boolean published,
        @IanaTimeZone String timeZone) {

    /** What a campaign id may be: it appears in URLs, Redis keys and the poster code's scene. */
    public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,40}";

    public static final String ID_RULE = "must be 1 to 40 letters, digits, '-' or '_'";

    static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";
    static final int MAX_GOAL = 1_000_000;
    static final int MAX_PRIZES = 10_000;
    static final int MAX_DAILY_HELPS = 1000;
    static final int MAX_HELPS_TO_GOAL = 10_000;
    static final int MAX_TIERS = 20;
    static final Duration MAX_WINDOW = Duration.ofDays(90);

    private static final String REQUIRED = "is required";
    private static final String GOAL_RANGE = "must be 1 to " + MAX_GOAL;
    private static final String PRIZE_RANGE = "must be 1 to " + MAX_PRIZES;
    private static final String DAILY_RANGE = "must be 1 to " + MAX_DAILY_HELPS;
    private static final String TIER_COUNT = "must have 1 to " + MAX_TIERS + " tiers";

    ZoneId zone() {
        return ZoneId.of(timeZone == null ? DEFAULT_TIME_ZONE : timeZone);
    }

    boolean isPublished() {
        return Boolean.TRUE.equals(published);
    }
}
