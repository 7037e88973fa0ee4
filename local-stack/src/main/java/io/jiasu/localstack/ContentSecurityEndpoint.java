package io.jiasu.localstack;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * {@code POST /wxa/msg_sec_check}: text containing the risky word is risky (label 20001); text containing
 * the slow word is answered only after the slow delay, so callers can test their timeout. Version 2 (with
 * openid and scene) answers with a verdict; the old version 1 answers 87014 for risky text.
 */
final class ContentSecurityEndpoint {
    private static final int PASS_LABEL = 100;
    private static final int RISKY_LABEL = 20001;

    private final String riskyWord;
    private final String slowWord;
    private final Duration slowDelay;
    private final TraceIds traceIds;

    ContentSecurityEndpoint(String riskyWord, String slowWord, Duration slowDelay, TraceIds traceIds) {
        this.riskyWord = riskyWord;
        this.slowWord = slowWord;
        this.slowDelay = slowDelay;
        this.traceIds = traceIds;
    }

    StubResponse check(StubRequest request) {
        String content = request.field("content");
        if (content == null) {
            return WechatError.DATA_FORMAT_ERROR.response();
        }
        StubResponse verdict = "2".equals(request.field("version")) ? verdictV2(request) : verdictV1(request);
        return content.contains(slowWord) ? new StubResponse.Delayed(slowDelay, verdict) : verdict;
    }

    private StubResponse verdictV1(StubRequest request) {
        return isRisky(request) ? WechatError.RISKY_CONTENT.response() : StubResponse.ok(StubResponse.okBody());
    }

    private StubResponse verdictV2(StubRequest request) {
        StubResponse refused = request.userAndSceneError("[1-4]");
        if (refused != null) {
            return refused;
        }
        boolean risky = isRisky(request);
        String suggest = risky ? "risky" : "pass";
        int label = risky ? RISKY_LABEL : PASS_LABEL;
        var body = StubResponse.okBody();
        body.putObject("result").put("suggest", suggest).put("label", label);
        var detail = body.putArray("detail");
        detail.addObject()
                .put("strategy", "content_model")
                .put("errcode", 0)
                .put("suggest", suggest)
                .put("label", label)
                .put("prob", risky ? 90 : 0);
        var keyword = detail.addObject()
                .put("strategy", "keyword")
                .put("errcode", 0)
                .put("suggest", suggest)
                .put("label", label);
        if (risky) {
            keyword.put("level", 90).put("keyword", riskyWord);
        }
        return StubResponse.ok(body.put("trace_id", traceIds.next()));
    }

    /** Version 2 also checks the nickname, title and signature fields. */
    private boolean isRisky(StubRequest request) {
        return Stream.of("content", "nickname", "title", "signature")
                .map(request::field)
                .anyMatch(text -> text != null && text.contains(riskyWord));
    }
}
