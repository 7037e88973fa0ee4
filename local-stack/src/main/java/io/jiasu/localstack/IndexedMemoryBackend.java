package io.jiasu.localstack;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;

/** mongo-java-server's memory backend whose unique indexes (the _id index among them) are {@link PinnedKeysIndex}es. */
final class IndexedMemoryBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected Index<Integer> openOrCreateUniqueIndex(
                    String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                return new PinnedKeysIndex(indexName, keys, sparse);
            }
        };
    }
}
