package io.jiasu.risk;

import java.time.Instant;

/**
 * One help on the review page: a counted one ({@code COUNTED}, with its number and what it added; {@code id} the held
 * help it was approved from, if any) or a held one ({@code HELD}, {@code APPROVING}, {@code APPROVED},
 * {@code REJECTED}, with its id), and who, when, from which scene and group, with its risk.
 */
public record ReviewedHelp(
        Integer n,
        String id,
        String state,
        Integer amount,
        Instant at,
        Integer scene,
        String group,
        HelperCard helper,
        Risk risk) {}
