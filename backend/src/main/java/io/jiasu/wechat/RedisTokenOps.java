package io.jiasu.wechat;

import io.jiasu.platform.RandomIds;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import io.quarkus.redis.datasource.value.ValueCommands;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.redis.WxRedisOps;

/**
 * Keeps WeChat's access token in Redis so every instance shares one, and gives WxJava a Redis lock so only one
 * instance refreshes it. Called from WxJava on worker threads, hence the blocking client.
 */
class RedisTokenOps implements WxRedisOps {
    private static final Duration LOCK_LEASE = Duration.ofSeconds(10);
    private static final String RELEASE_IF_OWNER =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;

    RedisTokenOps(RedisDataSource redis) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.keys = redis.key();
    }

    @Override
    public String getValue(String key) {
        return values.get(key);
    }

    @Override
    public void setValue(String key, String value, int expire, TimeUnit unit) {
        values.setex(key, unit.toSeconds(expire), value);
    }

    @Override
    public Long getExpire(String key) {
        try {
            return keys.ttl(key);
        } catch (RedisKeyNotFoundException e) {
            return -2L;
        }
    }

    @Override
    public void expire(String key, int expire, TimeUnit unit) {
        if (expire <= 0) {
            keys.del(key);
        } else {
            keys.expire(key, unit.toSeconds(expire));
        }
    }

    @Override
    public Lock getLock(String key) {
        return new RedisLock(key);
    }

    /** A lease lock: SET NX with an expiry, released only by its owner, so a dead instance frees it by itself. */
    private final class RedisLock implements Lock {
        private final String key;
        private final ThreadLocal<String> owner = new ThreadLocal<>();

        private RedisLock(String key) {
            this.key = key;
        }

        @Override
        public boolean tryLock() {
            String token = RandomIds.token();
            boolean taken = redis.execute("SET", key, token, "NX", "PX", String.valueOf(LOCK_LEASE.toMillis())) != null;
            if (taken) {
                owner.set(token);
            }
            return taken;
        }

        @Override
        public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(time);
            while (!tryLock()) {
                if (System.nanoTime() >= deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
            return true;
        }

        @Override
        public void lock() {
            try {
                lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + key, e);
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            while (!tryLock(LOCK_LEASE.toMillis(), TimeUnit.MILLISECONDS)) {
                // the holder's lease runs out at the latest LOCK_LEASE after it took the lock
            }
        }

        @Override
        public void unlock() {
            String token = owner.get();
            if (token != null) {
                owner.remove();
                redis.execute("EVAL", RELEASE_IF_OWNER, "1", key, token);
            }
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("conditions are not supported on a Redis lock");
        }
    }
}
