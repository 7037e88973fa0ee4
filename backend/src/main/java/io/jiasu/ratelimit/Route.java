package io.jiasu.ratelimit;

/** The routes that carry rate limits, each limited per user and per client address. */
public enum Route {
    LOGIN,
    HELP,
    CLAIM
}
