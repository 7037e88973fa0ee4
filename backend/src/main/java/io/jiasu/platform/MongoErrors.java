package io.jiasu.platform;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;

/** Recognises MongoDB's answers that are outcomes rather than failures. */
public final class MongoErrors {
    private static final int DUPLICATE_KEY = 11000;

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
}
