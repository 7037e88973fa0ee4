package io.jiasu.campaign;

import io.jiasu.platform.FieldError;
import io.jiasu.platform.Text;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** PUT /admin/campaigns/{cid}: everything an operator decides about a campaign. */
public record CampaignDefinition(
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        Instant claimDeadline,
        Integer goal,
        Integer prizeTotal,
        List<Tier> schedule,
        Integer dailyHelpLimit,
        Boolean published,
        String timeZone) {

    static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";
    static final int MAX_GOAL = 1_000_000;
    static final int MAX_PRIZES = 10_000;
    static final int MAX_HELPS_TO_GOAL = 10_000;
    static final int MAX_TIERS = 20;
    static final Duration MAX_WINDOW = Duration.ofDays(90);

    ZoneId zone() {
        return ZoneId.of(timeZone == null ? DEFAULT_TIME_ZONE : timeZone);
    }

    boolean isPublished() {
        return Boolean.TRUE.equals(published);
    }

    /** Every rule this definition breaks; empty when it may be saved. */
    List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        String titleProblem = Text.problemWith(title, 1, 60);
        if (titleProblem != null) {
            errors.add(new FieldError("title", titleProblem));
        }
        if (description != null && Text.length(description) > 2000) {
            errors.add(new FieldError("description", "must be at most 2000 characters"));
        }
        checkWindow(errors);
        if (goal == null || goal < 1 || goal > MAX_GOAL) {
            errors.add(new FieldError("goal", "must be 1 to " + MAX_GOAL));
        }
        if (prizeTotal == null || prizeTotal < 1 || prizeTotal > MAX_PRIZES) {
            errors.add(new FieldError("prizeTotal", "must be 1 to " + MAX_PRIZES));
        }
        if (dailyHelpLimit == null || dailyHelpLimit < 1 || dailyHelpLimit > 1000) {
            errors.add(new FieldError("dailyHelpLimit", "must be 1 to 1000"));
        }
        if (timeZone != null) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "must be an IANA time zone such as Asia/Shanghai"));
            }
        }
        checkSchedule(errors);
        return errors;
    }

    private void checkWindow(List<FieldError> errors) {
        if (startsAt == null) {
            errors.add(new FieldError("startsAt", "is required"));
        }
        if (endsAt == null) {
            errors.add(new FieldError("endsAt", "is required"));
        }
        if (claimDeadline == null) {
            errors.add(new FieldError("claimDeadline", "is required"));
        }
        if (startsAt != null && endsAt != null) {
            if (!endsAt.isAfter(startsAt)) {
                errors.add(new FieldError("endsAt", "must be after startsAt"));
            } else if (Duration.between(startsAt, endsAt).compareTo(MAX_WINDOW) > 0) {
                errors.add(new FieldError("endsAt", "must be at most 90 days after startsAt"));
            }
        }
        if (endsAt != null && claimDeadline != null && claimDeadline.isBefore(endsAt)) {
            errors.add(new FieldError("claimDeadline", "must not be before endsAt"));
        }
    }

    private void checkSchedule(List<FieldError> errors) {
        if (schedule == null || schedule.isEmpty() || schedule.size() > MAX_TIERS) {
            errors.add(new FieldError("schedule", "must have 1 to " + MAX_TIERS + " tiers"));
            return;
        }
        boolean tiersValid = true;
        for (int i = 0; i < schedule.size(); i++) {
            Tier tier = schedule.get(i);
            boolean last = i == schedule.size() - 1;
            String field = "schedule[" + i + "]";
            if (tier == null || tier.amount() == null || tier.amount() < 1) {
                errors.add(new FieldError(field + ".amount", "must be at least 1"));
                tiersValid = false;
                continue;
            }
            if (last && tier.helpers() != null) {
                errors.add(new FieldError(field + ".helpers", "the last tier must be open-ended (null)"));
                tiersValid = false;
            }
            if (!last && (tier.helpers() == null || tier.helpers() < 1)) {
                errors.add(new FieldError(field + ".helpers", "must be at least 1; only the last tier is open-ended"));
                tiersValid = false;
            }
        }
        if (tiersValid
                && goal != null
                && goal >= 1
                && goal <= MAX_GOAL
                && new Schedule(schedule).helpsToReach(goal) > MAX_HELPS_TO_GOAL) {
            errors.add(new FieldError("schedule", "must reach the goal within " + MAX_HELPS_TO_GOAL + " helps"));
        }
    }
}
