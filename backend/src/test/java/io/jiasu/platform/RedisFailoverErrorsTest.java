package io.jiasu.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.redis.client.impl.types.ErrorType;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * What the Redis client reports during a Sentinel failover or a restart is an outage (503, retry), not our bug
 * (500): the exact objects the Vert.x client fails a command with.
 */
class RedisFailoverErrorsTest {

    @Test
    void aConnectionClosedUnderACommandIsAnOutage() {
        assertTrue(ProblemMapper.outage(ErrorType.create("CONNECTION_CLOSED")));
        assertTrue(ProblemMapper.outage(new CompletionException(new NoStackTraceThrowable("Connection is closed"))));
        assertTrue(ProblemMapper.outage(new NoStackTraceThrowable("Redis waiting queue is full")));
    }

    @Test
    void aDemotedOrLoadingNodeIsAnOutage() {
        assertTrue(ProblemMapper.outage(ErrorType.create("READONLY You can't write against a read only replica.")));
        assertTrue(ProblemMapper.outage(ErrorType.create("LOADING Redis is loading the dataset in memory")));
        assertTrue(ProblemMapper.outage(ErrorType.create("MASTERDOWN Link with MASTER is down")));
    }

    @Test
    void aScriptErrorIsStillOurBug() {
        assertFalse(ProblemMapper.outage(ErrorType.create("ERR Error running script")));
        assertFalse(ProblemMapper.outage(new IllegalStateException("Connection is closed soon")));
    }
}
