package io.jiasu.player;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.user.UserService;
import io.jiasu.user.UserView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another instance's snapshots on the same real Redis as the app: what the app changes (a help, a join through a
 * player's card, a nickname) shows there within a second, although that instance would otherwise keep its snapshots
 * for ten minutes: only the change channel can have dropped them.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class SnapshotChangesTest {
    /** Within the second the contract allows, on a busy 2-core box. */
    private static final Duration WITHIN = Duration.ofSeconds(1);
    /** The other instance's snapshots live this long unless a change drops them, even without the channel. */
    private static final Duration LONG = Duration.ofMinutes(10);

    @Inject
    ChangeStore channel;

    @Inject
    PlayerStore store;

    @Inject
    CampaignService campaigns;

    @Inject
    UserService users;

    @Inject
    Vertx vertx;

    private PlayerSnapshots other;

    @BeforeEach
    void anotherInstance() {
        other = new PlayerSnapshots(channel, config(), vertx, new SimpleMeterRegistry());
        other.listen().await().indefinitely();
        assertTrue(other.listening());
    }

    @AfterEach
    void stopIt() {
        other.stop().await().indefinitely();
    }

    @Test
    void aHelpRecordedThroughTheAppShowsOnAnotherInstanceWithinASecond() {
        String cid = created(liveCampaign());
        String code = join(login(unique("owner")), cid);
        Campaign campaign = campaigns.published(cid).await().indefinitely();
        AtomicInteger loads = new AtomicInteger();
        assertEquals(0, helpers(campaign, code, loads));
        assertEquals(0, helpers(campaign, code, loads));
        assertEquals(1, loads.get(), "the second read is the snapshot's");

        help(login(unique("friend")), cid, code).then().statusCode(201);

        within(() -> helpers(campaign, code, loads) == 1);
        assertEquals(2, loads.get(), "dropped once, by the app's announcement");
    }

    @Test
    void aJoinThroughACardAndANewNicknameShowOnAnotherInstanceWithinASecond() {
        String cid = created(liveCampaign());
        String host = login(unique("host"));
        String code = join(host, cid);
        String hostId =
                given().auth().oauth2(host).get("/api/v1/me").then().extract().path("id");
        Campaign campaign = campaigns.published(cid).await().indefinitely();
        PlayerSnapshots.Mine mine = new PlayerSnapshots.Mine(cid, hostId);
        assertEquals(0, invited(campaign, mine));
        assertEquals("微信用户", nickname(hostId));

        given().auth()
                .oauth2(login(unique("guest")))
                .contentType(ContentType.JSON)
                .body(Map.of("via", code))
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(host)
                .contentType(ContentType.JSON)
                .body(Map.of("nickname", "爱丽丝"))
                .patch("/api/v1/me")
                .then()
                .statusCode(200);

        within(() -> invited(campaign, mine) == 1);
        within(() -> nickname(hostId).equals("爱丽丝"));
    }

    @Test
    void losingTheChannelDropsTheSnapshotsUntilItIsBack() {
        String cid = created(liveCampaign());
        String code = join(login(unique("owner")), cid);
        Campaign campaign = campaigns.published(cid).await().indefinitely();
        AtomicInteger loads = new AtomicInteger();
        helpers(campaign, code, loads);

        JiasuTestStack.redis().command("CLIENT KILL TYPE pubsub");

        within(() -> !other.listening());
        helpers(campaign, code, loads);
        assertEquals(2, loads.get(), "nothing kept from before the loss");
        other.listen().await().indefinitely();
        assertTrue(other.listening());
    }

    private int helpers(Campaign campaign, String code, AtomicInteger loads) {
        UserView anyone = new UserView("u", "n", null);
        return other.page(code, c -> {
                    loads.incrementAndGet();
                    return store.find(campaign.id(), c)
                            .map(player -> new PlayerPage(player, Progress.of(campaign, player)));
                })
                .map(page -> page.view(anyone, null).run().helpers())
                .await()
                .indefinitely();
    }

    private long invited(Campaign campaign, PlayerSnapshots.Mine mine) {
        return other.own(
                        mine,
                        key -> store.findMine(key.campaignId(), key.userId())
                                .flatMap(player -> store.invitedBy(player.shareCode())
                                        .map(count -> new PlayerOwn(
                                                player, Progress.of(campaign, player), false, count, null))))
                .map(own -> own.view(null, null).invited())
                .await()
                .indefinitely();
    }

    private String nickname(String userId) {
        return other.card(userId, users::profile).await().indefinitely().nickname();
    }

    private static void within(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await()
                .atMost(WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                .pollInterval(10, TimeUnit.MILLISECONDS)
                .until(condition);
    }

    private static PlayerConfig config() {
        return new PlayerConfig() {
            @Override
            public Duration snapshotMaxAge() {
                return LONG;
            }

            @Override
            public Duration snapshotKeptFor() {
                return LONG;
            }

            @Override
            public Duration changeFlushEvery() {
                return Duration.ofMillis(150);
            }

            @Override
            public long snapshots() {
                return 1000;
            }

            @Override
            public long owners() {
                return 1000;
            }

            @Override
            public Duration ownerIdle() {
                return LONG;
            }

            @Override
            public Duration loopFlushEvery() {
                return Duration.ofSeconds(1);
            }

            @Override
            public String countsRecountEvery() {
                return "off";
            }

            @Override
            public Duration countsSlot() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration countsSettle() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration countsLease() {
                return Duration.ofMinutes(2);
            }
        };
    }
}
