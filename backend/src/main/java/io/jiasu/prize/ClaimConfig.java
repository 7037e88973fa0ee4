package io.jiasu.prize;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Prize claims: the keys personal data is sealed with, and how long content security may take. */
@ConfigMapping(prefix = "jiasu.claim")
interface ClaimConfig {
    /** AES-256 keys as {@code id:base64}, comma-separated (CLAIM_KEYS); keep an old id listed until rekeyed. */
    Optional<List<String>> keys();

    /** The id of the key new claims are sealed with (CLAIM_KEY_ID). */
    Optional<String> keyId();

    /**
     * How long WeChat content security may take before a claim is stored flagged for an operator's review
     * (CLAIM_CONTENT_CHECK_TIMEOUT; its default is in application.properties).
     */
    Duration contentCheckTimeout();
}
