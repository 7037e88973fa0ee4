package io.jiasu.campaign;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * The fixed boost schedule of a campaign. Progress is a pure function of how many friends helped, so the page can
 * always say exactly how many more friends are needed.
 */
public record Schedule(@JsonValue List<Tier> tiers) {
    public Schedule {
        tiers = List.copyOf(tiers);
    }

    /** Whether these tiers make a schedule: at least one, each well formed, only the last open-ended. */
    static boolean wellFormed(List<Tier> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            return false;
        }
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i) == null || !tiers.get(i).wellFormed(i == tiers.size() - 1)) {
                return false;
            }
        }
        return true;
    }

    /** Progress after {@code helps} helps, never past the goal. */
    public int progressAfter(int helps, int goal) {
        long progress = 0;
        int left = helps;
        for (Tier tier : tiers) {
            if (left == 0) {
                break;
            }
            int take = tier.helpers() == null ? left : Math.min(left, tier.helpers());
            progress += (long) take * tier.amount();
            left -= take;
        }
        return (int) Math.min(goal, progress);
    }

    /** How many helps it takes to reach the goal from zero. */
    public int helpsToReach(int goal) {
        long progress = 0;
        int helps = 0;
        for (Tier tier : tiers) {
            long missing = goal - progress;
            long needed = (missing + tier.amount() - 1) / tier.amount();
            if (tier.helpers() == null || needed <= tier.helpers()) {
                return (int) (helps + needed);
            }
            helps += tier.helpers();
            progress += (long) tier.helpers() * tier.amount();
        }
        throw new IllegalStateException("a schedule always ends with an open-ended tier");
    }

    /** A stable text form, to tell whether two schedules are the same. */
    String key() {
        StringBuilder key = new StringBuilder();
        for (Tier tier : tiers) {
            key.append(tier.helpers() == null ? "*" : tier.helpers())
                    .append('x')
                    .append(tier.amount())
                    .append(',');
        }
        return key.toString();
    }
}
