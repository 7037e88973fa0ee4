package io.jiasu.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request id nginx sets reaches the log lines of its request. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class RequestIdsTest {
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext && "log probe".equals(ext.getMessage())) {
                // the MDC as it was on the logging thread, not as it is on the test's thread later
                ext.copyMdc();
                records.add(ext);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(LogProbeResource.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(LogProbeResource.class.getName()).removeHandler(capture);
    }

    @Test
    void aLogLineCarriesTheRequestIdNginxSet() {
        given().header("X-Request-Id", "3f2a9c0e5b7d41e8a6c2f0b9d8e7a615")
                .get("/test/log-probe")
                .then()
                .statusCode(200);
        given().header("X-Request-Id", "0123456789abcdef0123456789abcdef")
                .get("/test/log-probe")
                .then()
                .statusCode(200);

        assertEquals(2, records.size());
        assertEquals("3f2a9c0e5b7d41e8a6c2f0b9d8e7a615", records.get(0).getMdc(RequestIds.MDC_KEY));
        assertEquals("0123456789abcdef0123456789abcdef", records.get(1).getMdc(RequestIds.MDC_KEY));
    }

    @Test
    void anIdOfAnotherShapeIsNotLogged() {
        given().header("X-Request-Id", "x\"}{\"forged\": 1")
                .get("/test/log-probe")
                .then()
                .statusCode(200);
        given().get("/test/log-probe").then().statusCode(200);

        assertEquals(2, records.size());
        assertNull(records.get(0).getMdc(RequestIds.MDC_KEY));
        assertNull(records.get(1).getMdc(RequestIds.MDC_KEY));
    }
}
