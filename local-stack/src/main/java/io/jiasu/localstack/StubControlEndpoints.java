package io.jiasu.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * {@code /stub/...}: the stub's journal and settings over HTTP, for fault rehearsals and for browser and
 * journey tests in other languages. Errors are {@code application/problem+json} with a stable {@code code}.
 */
final class StubControlEndpoints {
    private final StubJournal journal;
    private final StubSettings settings;
    private final OpenData openData;
    private final Clock clock;

    StubControlEndpoints(StubJournal journal, StubSettings settings, OpenData openData, Clock clock) {
        this.journal = journal;
        this.settings = settings;
        this.openData = openData;
        this.clock = clock;
    }

    /** {@code {"/cgi-bin/token": 1, ...}} */
    StubResponse calls(StubRequest request) {
        return StubResponse.ok(Json.MAPPER.valueToTree(journal.allCalls()));
    }

    /** {@code {"messages": [{"touser", "templateId", "page", "data": {"thing1": "..."}}]}}, oldest first. */
    StubResponse subscribeMessages(StubRequest request) {
        return list("messages", journal.sentMessages());
    }

    /** {@code {"checks": [{"traceId", "openid", "mediaUrl", "mediaType", "scene"}]}}, oldest first. */
    StubResponse mediaChecks(StubRequest request) {
        return list("checks", journal.mediaChecks());
    }

    /** {@code {"pushes": [{"traceId", "openid", "errcode", "suggest", "url", "status", "body"}]}}, oldest first. */
    StubResponse pushes(StubRequest request) {
        return list("pushes", journal.pushes());
    }

    StubResponse reset(StubRequest request) {
        journal.reset();
        return new StubResponse.Empty(204);
    }

    /**
     * Changes what is given and answers the whole configuration: {@code restore} (back to the start options,
     * before the rest applies), {@code delays} and {@code faults} per endpoint name, {@code pushUrl},
     * {@code pushToken}, {@code riskRanks} per openid. An empty object only reads.
     */
    StubResponse config(StubRequest request) {
        JsonNode body = request.body();
        try {
            synchronized (settings) {
                if (body.path("restore").asBoolean(false)) {
                    settings.restore();
                }
                body.path("delays")
                        .properties()
                        .forEach(entry -> settings.delay(entry.getKey(), delay(entry.getValue())));
                body.path("faults")
                        .properties()
                        .forEach(entry -> settings.fault(entry.getKey(), fault(entry.getValue())));
                body.path("riskRanks")
                        .properties()
                        .forEach(entry -> settings.riskRank(entry.getKey(), rank(entry.getValue())));
                if (body.has("pushUrl") || body.has("pushToken")) {
                    String url = body.has("pushUrl") ? Json.text(body, "pushUrl") : currentPushUrl();
                    settings.push(url, Json.text(body, "pushToken"));
                }
            }
        } catch (IllegalArgumentException e) {
            return new StubResponse.Problem(400, "BAD_REQUEST", e.getMessage());
        }
        return StubResponse.ok(Json.MAPPER.valueToTree(settings.view()));
    }

    /**
     * {@code {"openid", "openGId", "kind": "share"|"groupEnter", "appid"?, "timestamp"?}} → {@code {"encryptedData",
     * "iv"}}, what {@code wx.getShareInfo} or {@code wx.getGroupEnterInfo} gives that user's mini-program; 404 when
     * the user never logged in.
     */
    StubResponse shareInfo(StubRequest request) {
        String openid = request.field("openid");
        String openGId = request.field("openGId");
        if (openid == null || openGId == null) {
            return new StubResponse.Problem(400, "BAD_REQUEST", "openid and openGId are required");
        }
        WechatStub.ShareKind kind;
        try {
            kind = WechatStub.ShareKind.fromName(request.field("kind") == null ? "share" : request.field("kind"));
        } catch (IllegalArgumentException e) {
            return new StubResponse.Problem(400, "BAD_REQUEST", e.getMessage());
        }
        JsonNode timestamp = request.body().path("timestamp");
        Instant watermarkTime =
                timestamp.canConvertToLong() ? Instant.ofEpochSecond(timestamp.asLong()) : clock.instant();
        try {
            WechatStub.EncryptedData data =
                    openData.shareInfo(openid, openGId, kind, request.field("appid"), watermarkTime);
            return StubResponse.ok(
                    Json.object().put("encryptedData", data.encryptedData()).put("iv", data.iv()));
        } catch (NoSuchElementException e) {
            return new StubResponse.Problem(404, "NO_SESSION", "no session_key was issued to this openid");
        }
    }

    private String currentPushUrl() {
        return settings.push().url() == null ? null : settings.push().url().toString();
    }

    private static StubResponse list(String name, Object items) {
        var body = Json.object();
        body.set(name, Json.MAPPER.valueToTree(items));
        return StubResponse.ok(body);
    }

    private static Duration delay(JsonNode value) {
        return value.isNumber() ? Duration.ofMillis(value.asLong()) : Durations.parse(value.asText());
    }

    private static WechatStub.Fault fault(JsonNode value) {
        return WechatStub.Fault.fromName(value.asText());
    }

    private static int rank(JsonNode value) {
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException("a risk rank is a number from 0 to 4: " + value);
        }
        return StubSettings.checkedRank(value.asInt());
    }
}
