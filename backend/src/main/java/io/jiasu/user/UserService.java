package io.jiasu.user;

import io.jiasu.media.Avatar;
import io.jiasu.media.AvatarRefused;
import io.jiasu.media.MediaService;
import io.jiasu.platform.NotFound;
import io.jiasu.wechat.WechatClient;
import io.jiasu.wechat.WxLogin;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Users and their profiles: sign-in by openid, the profile a user edits, the cards others see. */
@ApplicationScoped
public class UserService {
    private final UserStore store;
    private final WechatClient wechat;
    private final BanStore bans;
    private final BannedUsers banned;
    private final MediaService media;
    private final Event<CardChanged> cardChanged;
    private final Clock clock;

    UserService(
            UserStore store,
            WechatClient wechat,
            BanStore bans,
            BannedUsers banned,
            MediaService media,
            Event<CardChanged> cardChanged,
            Clock clock) {
        this.store = store;
        this.wechat = wechat;
        this.bans = bans;
        this.banned = banned;
        this.media = media;
        this.cardChanged = cardChanged;
        this.clock = clock;
    }

    /** The user behind a WeChat login, created on first sight. */
    public Uni<User> signIn(WxLogin login) {
        return store.signIn(login.openid(), login.sessionKey(), clock.instant());
    }

    /** The session_key of the user's latest login (null if none), to open their share info; never shown or logged. */
    public Uni<String> sessionKey(String id) {
        return store.sessionKey(id);
    }

    public Uni<User> user(String id) {
        return store.find(id).onItem().ifNull().failWith(() -> new NotFound("No such user."));
    }

    public Uni<UserView> profile(String id) {
        return user(id).map(UserView::of);
    }

    /** Changes nickname and avatar (a valid {@link ProfileUpdate}); a new nickname must pass WeChat content security first. */
    public Uni<UserView> update(String id, ProfileUpdate update) {
        String nickname = update.nickname() == null ? null : update.nickname().strip();
        Uni<Avatar> avatar =
                update.avatarUrl() == null ? Uni.createFrom().nullItem() : media.issued(update.avatarUrl());
        Uni<Void> screened = nickname == null
                ? Uni.createFrom().voidItem()
                : user(id).flatMap(user -> wechat.isTextSafe(user.openid(), nickname))
                        .invoke(safe -> {
                            if (!safe) {
                                throw new ContentRisky();
                            }
                        })
                        .replaceWithVoid();
        return avatar.flatMap(issued -> screened.flatMap(ignored -> store.update(id, nickname, issued)))
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("No such user."))
                .invoke(user -> cardChanged.fire(new CardChanged(id, null)))
                .map(UserView::of);
    }

    /** Stores an uploaded image as the user's avatar; WeChat's media check of a new image follows the answer. */
    public Uni<UserView> changeAvatar(String id, Path upload, long size, String origin) {
        return user(id).flatMap(user -> media.storeAvatar(upload, size, id, user.openid(), origin))
                .flatMap(avatar -> store.update(id, null, avatar))
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("No such user."))
                .invoke(user -> cardChanged.fire(new CardChanged(id, null)))
                .map(UserView::of);
    }

    /** An avatar WeChat refused goes back to the default on every profile showing it, before the push is answered. */
    void onAvatarRefused(@ObservesAsync AvatarRefused refused) {
        store.clearAvatar(refused.name()).await().atMost(Duration.ofSeconds(10));
        cardChanged.fire(new CardChanged(null, refused.name()));
    }

    /**
     * Bans a user everywhere: the flag on the user (what login checks), then the ban list every instance refreshes
     * from, then this instance's copy of it. Each step may be repeated, so a ban that failed halfway is finished by
     * banning again.
     */
    public Uni<User> ban(String id, String campaignId, String shareCode) {
        return store.markBanned(id, clock.instant())
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("No such user."))
                .call(user -> bans.record(id, campaignId, shareCode, clock.instant()))
                .invoke(user -> banned.add(id));
    }

    /**
     * Lifts a user's ban: the flag, then the ban list (so every instance drops it within a second), then this
     * instance's copy. Repeating it is harmless; the user's sessions regain the {@code user} role on their next request.
     */
    public Uni<User> unban(String id) {
        return store.markUnbanned(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("No such user."))
                .call(user -> bans.remove(id))
                .invoke(user -> banned.remove(id));
    }

    public boolean isBanned(String id) {
        return banned.contains(id);
    }

    /** Many users at once, by id, for operators' review (what leaves the server is chosen by the caller); unknown ids are left out. */
    public Uni<Map<String, User>> accounts(Collection<String> ids) {
        return store.findAll(ids).map(users -> users.stream().collect(Collectors.toMap(User::id, Function.identity())));
    }

    /** Display cards of many users at once, by id; unknown ids are left out. */
    public Uni<Map<String, UserView>> cards(Collection<String> ids) {
        return store.findAll(ids)
                .map(users ->
                        users.stream().map(UserView::of).collect(Collectors.toMap(UserView::id, Function.identity())));
    }
}
