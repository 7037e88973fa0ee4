package io.jiasu.risk;

import org.bson.Document;

/**
 * What applying an approved help did: counted (with the amount, the progress after it, whether it finished the
 * player and the prize it took), or refused by the player's guard, named by the code a help would have had
 * ({@code ALREADY_BOOSTED}, {@code GOAL_REACHED}, {@code NOT_FOUND}).
 */
public record Applied(
        boolean counted, String refusal, Integer amount, Integer progress, boolean finished, Integer prizeRank) {
    Document toDocument() {
        return new Document("counted", counted)
                .append("refusal", refusal)
                .append("amount", amount)
                .append("progress", progress)
                .append("finished", finished)
                .append("prizeRank", prizeRank);
    }

    static Applied from(Document doc) {
        return doc == null
                ? null
                : new Applied(
                        Boolean.TRUE.equals(doc.getBoolean("counted")),
                        doc.getString("refusal"),
                        doc.getInteger("amount"),
                        doc.getInteger("progress"),
                        Boolean.TRUE.equals(doc.getBoolean("finished")),
                        doc.getInteger("prizeRank"));
    }
}
