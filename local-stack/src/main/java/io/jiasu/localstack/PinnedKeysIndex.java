package io.jiasu.localstack;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A unique index that also serves queries which pin every key of the index to one plain value and filter on more
 * fields, as MongoDB's planner does ({@code {_id: x, helpCount: {$lt: 5}}} is an _id lookup, then a check).
 * mongo-java-server's own index serves only queries on exactly its keys and scans the collection otherwise, which
 * turns every guarded single-document update into a full scan. The candidates it returns are still matched against
 * the whole query by the collection, so answers are unchanged; only the scan goes.
 */
final class PinnedKeysIndex extends MemoryUniqueIndex {
    PinnedKeysIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return super.canHandle(query) || (!isSparse() && keys().stream().allMatch(key -> isPlainValue(query, key)));
    }

    private static boolean isPlainValue(Document query, String key) {
        Object value = query.get(key);
        return value != null
                && !(value instanceof Document)
                && !(value instanceof Collection)
                && !(value instanceof Pattern);
    }
}
