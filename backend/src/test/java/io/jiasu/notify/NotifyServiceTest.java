package io.jiasu.notify;

import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.schedule;
import static io.jiasu.Fixtures.unique;
import static io.jiasu.Prizes.finisher;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.jiasu.Prizes.Runner;
import io.jiasu.localstack.SentMessage;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class NotifyServiceTest {
    @Inject
    NotificationStore store;

    @Test
    void aWinnerIsToldTheirRankAndTheClaimDeadline() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "winner", 1);

        SentMessage message = awaitMessageTo(winner.code());
        assertEquals("TEMPLATE_GOAL_REACHED", message.templateId());
        assertEquals("pages/home/home?cid=" + cid, message.page());
        assertEquals("加速奔向2027", message.data().get("thing1"));
        assertEquals("获奖", message.data().get("phrase2"));
        assertTrue(
                message.data().get("thing3").startsWith("第1名"), message.data().toString());
        assertTrue(
                message.data().get("time4").matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}"),
                message.data().toString());
        awaitOutcome(winner.shareCode(), "sent");
    }

    @Test
    void aPlayerWhoArrivesAfterThePrizesAreGoneHearsThatToo() {
        Instant now = Instant.now();
        String cid =
                created(campaign(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), 1000, 1, schedule(), 5));
        finisher(cid, "first", 1);
        Runner late = finisher(cid, "late", null);
        SentMessage message = awaitMessageTo(late.code());
        assertEquals("已到达", message.data().get("phrase2"));
    }

    @Test
    void aRefusalIsRecordedAndNeverFailsTheHelp() {
        String cid = created(liveCampaign());
        // the stub answers 43101 (not subscribed) for openids starting with "nosub"; finisher() asserts each help is
        // 201
        Runner unsubscribed = finisher(cid, "nosub", 1);
        awaitOutcome(unsubscribed.shareCode(), "refused");
        assertTrue(JiasuTestStack.wechat().sentMessages().stream()
                .noneMatch(m -> m.touser().equals(unsubscribed.code())));
        given().get("/q/metrics").then().body(containsString("jiasu_notify_messages_total{outcome=\"refused\"}"));
    }

    @Test
    void settlingAgainSendsNothingMore() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "again", 1);
        awaitOutcome(winner.shareCode(), "sent");
        // reading the run again, helping after the goal, and the sweeper's settle path all leave the one message alone
        given().auth()
                .oauth2(winner.token())
                .get("/api/v1/campaigns/" + cid + "/players/me")
                .then()
                .statusCode(200);
        help(login(unique("late")), cid, winner.shareCode()).then().statusCode(409);
        assertEquals(
                false,
                store.take(winner.shareCode(), cid, "u", 1, Instant.now())
                        .await()
                        .indefinitely());
        assertEquals(
                1,
                JiasuTestStack.wechat().sentMessages().stream()
                        .filter(m -> m.touser().equals(winner.code()))
                        .count());
    }

    private static SentMessage awaitMessageTo(String openid) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> messagesTo(openid), list -> !list.isEmpty())
                .get(0);
    }

    private static List<SentMessage> messagesTo(String openid) {
        return JiasuTestStack.wechat().sentMessages().stream()
                .filter(m -> m.touser().equals(openid))
                .toList();
    }

    private void awaitOutcome(String shareCode, String outcome) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> outcome.equals(store.outcomeOf(shareCode).await().indefinitely()));
    }
}
