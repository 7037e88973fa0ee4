package io.jiasu.localstack;

/** {@code /stub/...}: the stub's journal over HTTP, for browser and journey tests in other languages. */
final class StubControlEndpoints {
    private final StubJournal journal;

    StubControlEndpoints(StubJournal journal) {
        this.journal = journal;
    }

    /** {@code {"/cgi-bin/token": 1, ...}} */
    StubResponse calls(StubRequest request) {
        return StubResponse.ok(Json.MAPPER.valueToTree(journal.allCalls()));
    }

    /** {@code {"messages": [{"touser", "templateId", "page", "data": {"thing1": "..."}}]}}, oldest first. */
    StubResponse subscribeMessages(StubRequest request) {
        var body = Json.object();
        body.set("messages", Json.MAPPER.valueToTree(journal.sentMessages()));
        return StubResponse.ok(body);
    }

    StubResponse reset(StubRequest request) {
        journal.reset();
        return new StubResponse.Empty(204);
    }
}
