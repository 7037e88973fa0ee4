package io.jiasu.wechat;

/** What WeChat did with a subscribe message: delivered it, or refused it because the user had not subscribed. */
public enum SubscribeOutcome {
    SENT,
    REFUSED
}
