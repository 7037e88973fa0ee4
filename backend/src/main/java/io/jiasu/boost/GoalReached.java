package io.jiasu.boost;

import io.jiasu.platform.ApiException;

/** The player already reached the goal; no more help is needed. */
final class GoalReached extends ApiException {
    GoalReached() {
        super(409, "GOAL_REACHED", "Goal reached", "Your friend has already reached the goal.");
    }
}
