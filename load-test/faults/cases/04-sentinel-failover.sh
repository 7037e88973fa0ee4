# Redis under Sentinel (a primary, a replica, three sentinels): kill -9 of the primary. The sentinels promote the
# replica; the instances find the new primary by themselves; acknowledged helps are not lost or doubled (the audit).
CASE_TITLE="Redis Sentinel failover (kill -9 of the primary)"
CASE_STACK=--sentinel

case_inject() {
    local old new deadline=$((SECONDS + 30))
    old=$(stack_sentinel_primary)
    stack_signal redis KILL || return 1
    until new=$(stack_sentinel_primary) && [ -n "$new" ] && [ "$new" != "$old" ]; do
        [ $SECONDS -lt $deadline ] || { echo "no new primary after 30 s" >&2; return 1; }
        sleep 0.2
    done
    echo "primary moved from $old to $new" >&2
}

case_check() {
    local failed
    # WeChat's own trouble (502 WX_UNAVAILABLE on a login) is not Redis's
    failed=$(answers_in "$(($(fault_end) + 5))" 9999999999 | count_status 's == 0 || (s >= 500 && s != 502)')
    check_that "the sentinels promoted the replica ($(stack_sentinel_primary))" [ "$(stack_sentinel_primary)" = $((STACK_REDIS_PORT + 1)) ]
    check_that "the instances follow it: no failure from 5 s after the failover on ($failed)" [ "$failed" -eq 0 ]
}
