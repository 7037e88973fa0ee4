package io.jiasu.admin;

import java.time.Instant;
import java.util.List;

/** GET /admin/campaigns/{cid}/activity: helps per minute over the last hour, one point per minute, oldest first. */
public record Activity(List<Point> helpsPerMinute) {
    /** Helps received in the minute starting at {@code minute}. */
    public record Point(Instant minute, long helps) {}
}
