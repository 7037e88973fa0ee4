package io.jiasu.player;

import java.time.Instant;

/** GET /players/{shareCode}: what a friend sees on the share landing page; boostedByMe only with a token. */
public record PublicPlayerView(
        String shareCode,
        String nickname,
        String avatarUrl,
        int progress,
        int goal,
        int helpers,
        int friendsNeeded,
        Instant finishedAt,
        Boolean boostedByMe) {}
