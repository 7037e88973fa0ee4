package io.jiasu.player;

/**
 * What the players collection did with one help, decided by a single guarded update on the player's document: the
 * help is recorded, or refused with the reason the guard found. The boost feature turns it into the API's answer.
 */
public sealed interface HelpAttempt permits HelpAttempt.Recorded, HelpAttempt.Refused {
    /** The help is stored: the player's help count including it, and the finisher when this help reached the goal. */
    record Recorded(int helpCount, Finisher finisher) implements HelpAttempt {
        public boolean finished() {
            return finisher != null;
        }
    }

    /** The guard refused the help; nothing was written. */
    record Refused(Refusal reason) implements HelpAttempt {}

    /** Why a help was refused. */
    enum Refusal {
        /** No player has this share code in this campaign. */
        NO_SUCH_PLAYER,
        /** The helper is the player. */
        OWN_PLAYER,
        /** The helper already helped this player. */
        ALREADY_HELPED,
        /** The player had already reached the goal. */
        GOAL_REACHED
    }
}
