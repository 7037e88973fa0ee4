# The MongoDB stand-in stopped for 10 s. It keeps the record in memory (mongo-java-server), so a kill would lose it;
# it is frozen with SIGSTOP and thawed with SIGCONT, which is the harder case for the app: connections hang instead
# of being refused. The WeChat stub lives in the same process and freezes with it, so logins fail meanwhile too.
# Must hold: fast 503, readiness down, recovery without a restart, no half-applied help (the audit).
CASE_TITLE="MongoDB stand-in stopped 10 s (SIGSTOP)"

case_inject() {
    local pid
    pid=$(stack_pid local-stack) || return 1
    kill -STOP "$pid"
    sleep 5
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 10 \
        "http://127.0.0.1:${STACK_APP_PORTS[0]}/q/health/ready" >"$REHEARSAL_OUT/ready-during.txt"
    sleep 5
    kill -CONT "$pid"
}

case_check() {
    local slow ready failed
    read -r ready _ <"$REHEARSAL_OUT/ready-during.txt"
    slow=$(answers_in "$(fault_start)" "$(fault_end)" | awk -F, '$4 > 5000' | wc -l)
    failed=$(answers_in "$(($(fault_end) + 10))" 9999999999 | count_status 's == 0 || s >= 500')
    check_that "readiness said 503 while MongoDB was away ($ready)" [ "$ready" = 503 ]
    check_that "no answer took over 5 s while it was away ($slow did)" [ "$slow" -eq 0 ]
    check_that "recovered without a restart: no failure from 10 s after on ($failed)" [ "$failed" -eq 0 ]
}
