# Redis Cluster, three primaries: every script and multi-key command keeps its keys in one slot (a CROSSSLOT error
# would be a 500), and the rehearsal's audit is exact. Nothing is injected; the cluster is the case.
CASE_TITLE="Redis Cluster (three primaries)"
CASE_STACK=--cluster

case_check() {
    local failed crossslot keys
    failed=$(answers_in 0 9999999999 | count_status 's == 0 || s >= 500')
    crossslot=$(grep -c CROSSSLOT "$STACK_RUN"/log/app-*.log | awk -F: '{ n += $2 } END { print n + 0 }')
    keys=$(for p in "$STACK_REDIS_PORT" $((STACK_REDIS_PORT + 1)) $((STACK_REDIS_PORT + 2)); do redis-cli -p "$p" dbsize; done | paste -sd/)
    check_that "no failed request ($failed)" [ "$failed" -eq 0 ]
    check_that "no CROSSSLOT in the app logs ($crossslot)" [ "$crossslot" -eq 0 ]
    check_ok "keys per node: $keys"
}
