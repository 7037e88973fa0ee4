# Abusive clients beside the crowd: ten slowloris headers from 127.0.0.2, ten stalled bodies from 127.0.0.4 and a
# flood of 3,000 requests (100 at a time) from 127.0.0.3, with deploy/tests/edge-probes.mjs. nginx must cut the slow
# ones (10 s timeouts) and limit the flood (429 RATE_LIMITED) while real users' p99 stays where it was.
# Slow readers are not probed: every API answer fits in the socket buffers, so a client that stops reading holds
# nothing in nginx (deploy/README.md: send_timeout is untested for the same reason).
CASE_TITLE="slowloris, stalled bodies and a flood from one address"

case_inject() {
    local probes=$STACK_REPO/deploy/tests/edge-probes.mjs i slow=()
    for i in $(seq 10); do
        timeout 40 node "$probes" slow 127.0.0.1 "$STACK_NGINX_PORT" 127.0.0.2 header >"$REHEARSAL_OUT/slow-header-$i.json" &
        slow+=($!)
        timeout 40 node "$probes" slow 127.0.0.1 "$STACK_NGINX_PORT" 127.0.0.4 body >"$REHEARSAL_OUT/slow-body-$i.json" &
        slow+=($!)
    done
    timeout 60 node "$probes" burst 127.0.0.1 "$STACK_NGINX_PORT" 127.0.0.3 "/api/v1/campaigns/$REHEARSAL_CAMPAIGN" 3000 100 \
        >"$REHEARSAL_OUT/flood.json"
    # only the probes: a bare wait would also take the crowd (Gatling, started by the same shell) from case_run
    wait "${slow[@]}"
}

case_check() {
    local cut slowest limited before during
    # cut: closed by nginx, with a FIN or, when it had unread bytes, a reset (as deploy/test.sh counts it)
    cut=$(cat "$REHEARSAL_OUT"/slow-*.json | grep -cE '"how":"(closed|error:ECONNRESET)"' || true)
    slowest=$(cat "$REHEARSAL_OUT"/slow-*.json | grep -o '"seconds":[0-9.]*' | cut -d: -f2 | sort -n | tail -n1)
    limited=$(grep -o '"429":[0-9]*' "$REHEARSAL_OUT/flood.json" | cut -d: -f2)
    before=$(answers_in 0 "$(($(fault_start) - 1))" | percentile 99)
    during=$(answers_in "$(fault_start)" "$(fault_end)" | percentile 99)
    check_that "nginx cut all 20 slow clients ($cut), the last after ${slowest:-?} s" [ "$cut" -eq 20 ]
    check_that "they were cut by the 10 s timeouts, not later (${slowest:-?} s)" awk -v s="${slowest:-99}" 'BEGIN { exit !(s <= 13) }'
    check_that "the flood was limited (${limited:-0} of 3000 answered 429)" [ "${limited:-0}" -gt 0 ]
    check_that "real users' p99 held (before $before ms, during $during ms; allowed 2x + 250 ms)" [ "$during" -le $((2 * before + 250)) ]
}
