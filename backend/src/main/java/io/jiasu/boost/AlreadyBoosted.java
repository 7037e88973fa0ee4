package io.jiasu.boost;

import io.jiasu.platform.ApiException;

/** This helper already helped this player. */
final class AlreadyBoosted extends ApiException {
    AlreadyBoosted() {
        super(409, "ALREADY_BOOSTED", "Already boosted", "You have already helped this friend.");
    }
}
