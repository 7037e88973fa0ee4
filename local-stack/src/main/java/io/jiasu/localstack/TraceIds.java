package io.jiasu.localstack;

import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** The {@code trace_id}s of content checks: unique per stub, shaped like WeChat's three dash-separated parts. */
final class TraceIds {
    private final AtomicLong issued = new AtomicLong();

    String next() {
        String hex = HexFormat.of().toHexDigits(issued.incrementAndGet());
        return hex.substring(0, 8) + "-" + hex.substring(8) + "-stub";
    }
}
