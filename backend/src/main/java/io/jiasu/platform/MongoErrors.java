package io.jiasu.platform;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;

/** Recognises MongoDB's answers that are outcomes rather than failures. */
public final class MongoErrors {
    private static final int DUPLICATE_KEY = 11000;
    private static final int INDEX_OPTIONS_CONFLICT = 85;
    private static final int INDEX_KEY_SPECS_CONFLICT = 86;

    private MongoErrors() {}

    /** A unique index refused the write: someone else got there first. */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException w && w.getError().getCode() == DUPLICATE_KEY) {
                return true;
            }
            if (t instanceof MongoCommandException c && c.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /** An index on the same keys exists with other options (e.g. unique): it is there, as it is. */
    public static boolean isIndexConflict(Throwable e) {
        return e instanceof MongoCommandException c
                && (c.getErrorCode() == INDEX_OPTIONS_CONFLICT || c.getErrorCode() == INDEX_KEY_SPECS_CONFLICT);
    }
}
