# The 9:00 step at twice the usual rate: every run steps from idle to its full rate when the campaign starts; this
# one doubles the crowd. The kernel's own counters (the ones node exporter exports as node_netstat_TcpExt_*) must
# not move: no listen overflow, no SYN dropped. They are machine-wide, so another process's trouble would show too.
CASE_TITLE="flash crowd at 9:00 sharp, twice the rate"
export SEED_RATE=$((${SEED_RATE:-3} * 2)) FRIEND_RATE=$((${FRIEND_RATE:-30} * 2))

netstat_counters() {
    awk '/^TcpExt:/ { if (!h) { split($0, k); h = 1 } else { split($0, v); for (i = 2; i <= NF; i++) print k[i] "=" v[i] } }' /proc/net/netstat |
        grep -E '^(ListenOverflows|ListenDrops|TCPReqQFullDrop|TCPReqQFullDoCookies|SyncookiesSent)='
}

case_inject() { :; }

case_before() { netstat_counters >"$REHEARSAL_OUT/netstat-before.txt"; }

case_check() {
    local key before after p99 failed
    netstat_counters >"$REHEARSAL_OUT/netstat-after.txt"
    for key in ListenOverflows ListenDrops TCPReqQFullDrop SyncookiesSent; do
        before=$(rehearsal_value "$key" "$REHEARSAL_OUT/netstat-before.txt")
        after=$(rehearsal_value "$key" "$REHEARSAL_OUT/netstat-after.txt")
        check_that "$key did not move ($before -> $after)" [ "${after:-0}" -eq "${before:-0}" ]
    done
    p99=$(answers_in 0 9999999999 help | percentile 99)
    failed=$(answers_in 0 9999999999 | count_status '(s == 0 || s >= 500) && s != 503')
    check_that "help p99 within the budget of ${P99_BUDGET_MS:-2000} ms on this box ($p99 ms)" [ "$p99" -le "${P99_BUDGET_MS:-2000}" ]
    check_that "nothing but limiter answers failed ($failed other failures)" [ "$failed" -eq 0 ]
}
