package io.jiasu.risk;

/** The names of the risk signals, as stored on a help and shown to operators. */
final class Signal {
    /** WeChat ranks the helper at least the configured high rank. */
    static final String WX_RISK = "wxRisk";
    /** Too many helps to one player from one network in the window. */
    static final String NETWORK = "network";
    /** The helper's account was created just before the help and never joined the campaign. */
    static final String NEW_ACCOUNT = "newAccount";
    /** The helper is a player this player helped back. */
    static final String RING = "ring";

    private Signal() {}
}
