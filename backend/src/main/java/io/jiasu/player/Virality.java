package io.jiasu.player;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.util.List;

/**
 * GET /admin/campaigns/{cid}/virality: the viral loop read from the record. {@code kFactor} is invitedPlayers /
 * players; {@code tree} is a sample of the share tree (the first players to join, with their inviter) for the console's
 * picture.
 */
public record Virality(
        long players,
        long seedPlayers,
        long invitedPlayers,
        double kFactor,
        List<Generation> generations,
        List<Scene> scenes,
        Groups groups,
        Funnel funnel,
        TimeToGoal timeToGoal,
        List<Node> tree) {
    /** Players at one depth of the share tree (0 = seed). */
    public record Generation(int depth, long players) {}

    /** Joins and helps by launch scene; {@code scene} null is unknown. */
    public record Scene(Integer scene, long joins, long helps) {}

    /** How many group chats brought anyone, and the busiest, by opaque id. */
    public record Groups(long distinct, List<Group> top) {}

    public record Group(String group, long joins, long helps) {}

    /** The loop in people, from a helper's first tap to a claimed prize. */
    public record Funnel(
            long helpers,
            long helpersWhoJoined,
            long players,
            long playersHelped,
            long finished,
            long winners,
            long claimed) {}

    /** How long from joining to the goal: median and 90th percentile (null before anyone finished). */
    public record TimeToGoal(
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration p50,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration p90) {}

    /** One player in the tree sample with their card; {@code invitedBy} null for a seed. */
    public record Node(
            String shareCode, String invitedBy, int depth, String nickname, String avatarUrl, boolean finished) {}
}
