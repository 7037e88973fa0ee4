package io.jiasu.risk;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.jiasu.player.InvitedBy;
import io.jiasu.player.Progress;
import java.util.List;

/**
 * GET /admin/campaigns/{cid}/players/{shareCode}: one player for review. {@code held} counts helps waiting for a
 * decision, {@code mutualHelpers} the helpers this player helped back, {@code signals} every signal on the player's
 * helps ({@code ring} only from {@code RISK_RING_MIN} mutual helpers).
 */
public record PlayerReview(
        String shareCode,
        String nickname,
        String avatarUrl,
        @JsonUnwrapped Progress run,
        Integer prizeRank,
        boolean banned,
        InvitedBy invitedBy,
        long invited,
        int held,
        List<String> signals,
        int mutualHelpers,
        List<ReviewedHelp> helps) {}
