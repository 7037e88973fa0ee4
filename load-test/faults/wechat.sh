# WeChat trouble for cases 06a-c, through the stub's runtime switches (local-stack/README.md, POST /stub/config).
# Must hold: logins fail fast with 502 WX_UNAVAILABLE (the app gives WeChat 5 s at most), nothing else slows, and
# one instance's WeChat trouble never blocks its event loops (the other requests' p99 stays where it was).

# wechat_fault JSON SECONDS: applies the stub setting, keeps it SECONDS, then restores the start options.
wechat_fault() {
    local stub=http://127.0.0.1:$STACK_WECHAT_PORT/stub/config
    curl -fsS -X POST "$stub" -H 'Content-Type: application/json' -d "$1" >/dev/null || return 1
    sleep "$2"
    curl -fsS -X POST "$stub" -H 'Content-Type: application/json' -d '{"restore": true}' >/dev/null
}

wechat_check() {
    local from to slowest_login before_p99 during_p99 logins_ok
    from=$(fault_start) to=$(fault_end)
    slowest_login=$(answers_in "$from" "$to" login | percentile 100)
    logins_ok=$(answers_in "$((from + 1))" "$((to - 1))" login | count_status 's == 201')
    before_p99=$(answers_in 0 "$((from - 1))" | grep -v ',login,' | percentile 99)
    during_p99=$(answers_in "$from" "$to" | grep -v ',login,' | percentile 99)
    check_that "logins end within 6 s while WeChat is in trouble (slowest $slowest_login ms)" [ "$slowest_login" -le 6000 ]
    check_ok "logins that still succeeded meanwhile: $logins_ok"
    check_that "everything else keeps its p99 (before $before_p99 ms, during $during_p99 ms; allowed 2x + 250 ms)" \
        [ "$during_p99" -le $((2 * before_p99 + 250)) ]
}
