package io.jiasu.risk;

import io.jiasu.player.HelpAttempt;
import io.jiasu.player.Progress;

/**
 * A risky help under the hold policy: kept (refusal null) with the player's run as it stands, which the held help
 * does not change, or refused by the same rules a counted help meets ({@code ALREADY_HELPED}, {@code GOAL_REACHED}).
 */
public record Held(HelpAttempt.Refusal refusal, Progress run) {}
