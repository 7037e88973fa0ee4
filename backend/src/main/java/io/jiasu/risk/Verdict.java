package io.jiasu.risk;

import io.jiasu.player.RiskMarks;

/** What the risk check decided for one help: the marks to store with it, and whether it counts or is held. */
public record Verdict(RiskMarks marks, boolean held) {
    /** No signal and no rank known: counted, marked with nothing. */
    static final Verdict CLEAN = new Verdict(RiskMarks.NONE, false);

    /** A help with any signal: it is counted in the review queue's flagged players. */
    public boolean flagged() {
        return !marks.signals().isEmpty();
    }
}
