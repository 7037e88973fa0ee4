package io.jiasu.user;

/** The profile a user sees of themselves, and the card others see of them. */
public record UserView(String id, String nickname, String avatarUrl) {
    public static UserView of(User user) {
        return new UserView(user.id(), user.nickname(), user.avatarUrl());
    }
}
