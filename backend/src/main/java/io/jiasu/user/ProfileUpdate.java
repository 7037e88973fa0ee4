package io.jiasu.user;

import io.jiasu.platform.PlainText;
import jakarta.validation.constraints.Pattern;

/** PATCH /me: the fields a user may change; a missing field stays as it is. */
public record ProfileUpdate(
        @PlainText(min = 1, max = 20) String nickname,

        @Pattern(regexp = "https?://[^\\s]{1,500}", message = "must be an http(s) URL of at most 500 characters")
        String avatarUrl) {}
