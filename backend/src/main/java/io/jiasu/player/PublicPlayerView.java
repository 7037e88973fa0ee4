package io.jiasu.player;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** GET /players/{shareCode}: what a friend sees on the share landing page; boostedByMe only with a token. */
public record PublicPlayerView(
        String shareCode,
        String nickname,
        String avatarUrl,
        @JsonUnwrapped Progress run,
        Boolean boostedByMe) {}
