package io.jiasu.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the stub has seen since the last reset: calls per path, the subscribe messages it accepted, the media
 * checks it was asked for and the verdicts it pushed. Tests wait for pushes with {@link #awaitPushes}.
 */
final class StubJournal {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final List<SentMessage> sentMessages = new CopyOnWriteArrayList<>();
    private final List<MediaCheck> mediaChecks = new CopyOnWriteArrayList<>();
    private final List<MediaPush> pushes = new ArrayList<>();

    void called(String path) {
        calls.computeIfAbsent(path, p -> new LongAdder()).increment();
    }

    int calls(String path) {
        LongAdder count = calls.get(path);
        return count == null ? 0 : count.intValue();
    }

    /** Paths in sorted order, for a stable JSON view. */
    Map<String, Integer> allCalls() {
        Map<String, Integer> snapshot = new TreeMap<>();
        calls.forEach((path, count) -> snapshot.put(path, count.intValue()));
        return snapshot;
    }

    void sent(SentMessage message) {
        sentMessages.add(message);
    }

    List<SentMessage> sentMessages() {
        return List.copyOf(sentMessages);
    }

    void checked(MediaCheck check) {
        mediaChecks.add(check);
    }

    List<MediaCheck> mediaChecks() {
        return List.copyOf(mediaChecks);
    }

    synchronized void pushed(MediaPush push) {
        pushes.add(push);
        notifyAll();
    }

    synchronized List<MediaPush> pushes() {
        return List.copyOf(pushes);
    }

    /** The pushes so far, once there are at least {@code count} of them. */
    synchronized List<MediaPush> awaitPushes(int count, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pushes.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException(
                        "waited " + timeout + " for " + count + " media check pushes, saw " + pushes.size());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(pushes);
    }

    synchronized void reset() {
        calls.clear();
        sentMessages.clear();
        mediaChecks.clear();
        pushes.clear();
    }
}
