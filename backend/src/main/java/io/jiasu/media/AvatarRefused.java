package io.jiasu.media;

/** WeChat's media check found this avatar risky: whoever shows it goes back to the default (a CDI event). */
public record AvatarRefused(String name) {}
