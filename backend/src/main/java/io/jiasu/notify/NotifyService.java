package io.jiasu.notify;

import io.jiasu.campaign.Campaign;
import io.jiasu.prize.PlayerFinished;
import io.jiasu.user.UserService;
import io.jiasu.wechat.SubscribeOutcome;
import io.jiasu.wechat.WechatClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends the subscribe message of a player who reached the goal: won with rank N and the claim deadline, or reached
 * without a prize. It runs after the help has answered, never fails it, sends at most once per player, and records
 * refusals (43101) and failures instead of retrying. Counted in {@code jiasu.notify.messages} by outcome.
 */
@ApplicationScoped
class NotifyService {
    private static final Logger LOG = Logger.getLogger(NotifyService.class);
    private static final int THING_MAX = 20;
    private static final DateTimeFormatter WECHAT_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final NotificationStore store;
    private final UserService users;
    private final WechatClient wechat;
    private final NotifyConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    NotifyService(
            NotificationStore store,
            UserService users,
            WechatClient wechat,
            NotifyConfig config,
            Clock clock,
            MeterRegistry metrics) {
        this.store = store;
        this.users = users;
        this.wechat = wechat;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    void onFinish(@Observes PlayerFinished finished) {
        try {
            send(finished)
                    .subscribe()
                    .with(
                            ignored -> {},
                            e -> LOG.warnf(
                                    "subscribe message of %s not recorded: %s", finished.shareCode(), e.toString()));
        } catch (RuntimeException e) {
            LOG.warnf("subscribe message of %s not started: %s", finished.shareCode(), e.toString());
        }
    }

    Uni<Void> send(PlayerFinished finished) {
        return store.take(
                        finished.shareCode(),
                        finished.campaign().id(),
                        finished.userId(),
                        finished.prizeRank(),
                        clock.instant())
                .flatMap(first -> !first
                        ? Uni.createFrom().voidItem()
                        : users.user(finished.userId())
                                .flatMap(user -> wechat.sendSubscribe(
                                        user.openid(),
                                        config.templateId(),
                                        config.page() + "?cid="
                                                + finished.campaign().id(),
                                        data(finished)))
                                .map(sent -> sent == SubscribeOutcome.SENT ? Outcome.SENT : Outcome.REFUSED)
                                .onFailure()
                                .recoverWithItem(Outcome.FAILED)
                                .invoke(outcome -> metrics.counter("jiasu.notify.messages", "outcome", outcome.label())
                                        .increment())
                                .flatMap(outcome -> store.record(finished.shareCode(), outcome, clock.instant())));
    }

    private static Map<String, String> data(PlayerFinished finished) {
        Campaign campaign = finished.campaign();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", fit(campaign.title()));
        if (finished.prizeRank() != null) {
            data.put("phrase2", "获奖");
            data.put("thing3", fit("第" + finished.prizeRank() + "名，请在截止前填写收货地址"));
            data.put("time4", WECHAT_TIME.format(campaign.claimDeadline().atZone(campaign.timeZone())));
        } else {
            data.put("phrase2", "已到达");
            data.put("thing3", "奖品已发完，感谢参与");
            data.put("time4", WECHAT_TIME.format(finished.finishedAt().atZone(campaign.timeZone())));
        }
        return data;
    }

    /** A thing keyword holds at most 20 characters; a longer value makes WeChat refuse the whole message. */
    private static String fit(String text) {
        if (text.codePointCount(0, text.length()) <= THING_MAX) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, THING_MAX - 1)) + "…";
    }
}
