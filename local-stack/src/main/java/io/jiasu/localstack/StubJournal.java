package io.jiasu.localstack;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** What the stub has seen since the last reset: calls per path and the subscribe messages it accepted. */
final class StubJournal {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final List<SentMessage> sentMessages = new CopyOnWriteArrayList<>();

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

    void reset() {
        calls.clear();
        sentMessages.clear();
    }
}
