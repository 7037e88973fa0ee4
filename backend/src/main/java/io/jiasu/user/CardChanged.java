package io.jiasu.user;

/**
 * A CDI event, fired once the change is stored: the card others see of a user changed (nickname or avatar), or, when
 * {@code userId} is null, every card showing the avatar named {@code avatar} went back to the default.
 */
public record CardChanged(String userId, String avatar) {}
