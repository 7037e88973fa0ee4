package io.jiasu.media;

/** A media check still to be sent to WeChat: which avatar, the URL WeChat fetches it from, for whom, which try. */
record PendingCheck(String avatar, String url, String openid, int attempt) {
    @Override
    public String toString() {
        return "PendingCheck[" + avatar + ", attempt " + attempt + "]";
    }
}
