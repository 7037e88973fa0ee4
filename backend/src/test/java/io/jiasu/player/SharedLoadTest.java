package io.jiasu.player;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.jiasu.campaign.CampaignService;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Readers waiting on one load of a campaign or of a share code's owner: the first client hangs up while the load is
 * under way (its Uni cancelled, as when a connection closes), and every other reader still gets the answer. With the
 * Quarkus cache these loads lived in before, the hang-up cancelled the shared load and failed the others.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class SharedLoadTest {
    private static final int READERS = 16;

    @Inject
    CampaignService campaigns;

    @Inject
    PlayerService players;

    @Test
    void aReaderHangingUpWhileACampaignLoadsFailsNoOtherReader() throws InterruptedException {
        String cid = created(liveCampaign()); // defining it dropped any snapshot: the first reader loads it
        List<Object> answers = readConcurrently(() -> campaigns.published(cid).map(campaign -> campaign.id()));
        answers.forEach(answer -> assertEquals(cid, answer));
    }

    @Test
    void aReaderHangingUpWhileAnOwnerLoadsFailsNoOtherReader() throws InterruptedException {
        String cid = created(liveCampaign());
        String owner = login(unique("owner"));
        String ownerId = players.ownerOf(cid, join(owner, cid)).await().indefinitely();
        String other = join(login(unique("other")), cid); // an owner nobody asked for yet

        List<Object> answers = readConcurrently(() -> players.ownerOf(cid, other));

        answers.forEach(answer -> assertTrue(answer instanceof String && !answer.equals(ownerId), "" + answer));
        assertEquals(1, answers.stream().distinct().count(), "one owner for every reader");
    }

    /**
     * The answer (or failure) of every reader but the first, who hangs up as soon as the load began; the first may
     * only have been answered if the load was done before it could hang up, and never with a failure.
     */
    private static List<Object> readConcurrently(Supplier<Uni<String>> read) throws InterruptedException {
        Object[] answers = new Object[READERS];
        CountDownLatch answered = new CountDownLatch(READERS - 1);
        for (int i = 0; i < READERS; i++) {
            int reader = i;
            Cancellable reading = read.get()
                    .subscribe()
                    .with(
                            answer -> {
                                answers[reader] = answer;
                                answered.countDown();
                            },
                            failure -> {
                                answers[reader] = failure;
                                answered.countDown();
                            });
            if (i == 0) {
                reading.cancel(); // the load it started is most likely still waiting for MongoDB
            }
        }
        assertTrue(answered.await(10, TimeUnit.SECONDS), "every other reader answered");
        assertTrue(answers[0] == null || answers[0] instanceof String, "the first reader: " + answers[0]);
        return Arrays.asList(answers).subList(1, READERS);
    }
}
