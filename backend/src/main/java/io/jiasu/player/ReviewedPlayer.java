package io.jiasu.player;

import java.util.List;

/**
 * A player as operators review them: whose run it is, how far it got, the prize, who brought them and how many they
 * brought, and every counted help, oldest first.
 */
public record ReviewedPlayer(
        String shareCode,
        String userId,
        Progress run,
        Integer prizeRank,
        InvitedBy invitedBy,
        long invited,
        List<ReceivedHelp> helps) {}
