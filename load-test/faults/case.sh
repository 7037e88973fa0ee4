# What every fault case shares, sourced by faults/run in a subshell with one case file. A case file sets CASE_TITLE
# and optionally CASE_STACK (stack_up options: --aof, --sentinel, --cluster) and defines case_before (once the stack
# is up, before the crowd), case_inject (runs while the crowd is on, bounded; its start and end are the fault's
# window) and case_check (after the run; reports with check_ok / check_fail). Both may use the stack's functions and variables (deploy/local/stack.sh).

# shellcheck source=../rehearsal.sh
source "$(dirname "${BASH_SOURCE[0]}")/../rehearsal.sh"

CASE_STACK=''
case_before() { :; }
case_inject() { :; }
case_check() { :; }

check_ok() { echo "check=$*" >>"$REHEARSAL_OUT/checks.txt"; }
check_fail() { echo "check_failure=$*" >>"$REHEARSAL_OUT/checks.txt"; }
# check_that DESCRIPTION COMMAND...: check_ok or check_fail by the command's exit status.
check_that() {
    local what=$1
    shift
    if "$@"; then check_ok "$what"; else check_fail "$what"; fi
}

# The fault's window in epoch seconds, once case_inject has run.
fault_start() { cut -d' ' -f1 "$REHEARSAL_OUT/fault.txt"; }
fault_end() { cut -d' ' -f2 "$REHEARSAL_OUT/fault.txt"; }

# answers_in FROM TO [REQUEST]: answers.csv rows (second,request,status,ms) with FROM <= second <= TO.
answers_in() {
    awk -F, -v from="$1" -v to="$2" -v req="${3:-}" \
        'NR > 1 && $1 >= from && $1 <= to && (req == "" || $2 == req)' "$REHEARSAL_OUT/answers.csv"
}
# percentile P: the P-th percentile of the ms column of the rows on stdin (0 when none).
percentile() {
    cut -d, -f4 | sort -n | awk -v p="$1" '{ v[NR] = $1 } END { if (NR == 0) { print 0; exit } i = int(p / 100 * NR + 0.999); if (i < 1) i = 1; print v[i] }'
}
# count_status FILTER: how many rows on stdin have a status matching the awk condition on s (e.g. 's >= 500').
count_status() { awk -F, "{ s = \$3 } $1 { n++ } END { print n + 0 }"; }

case_run() {
    local dir=$1 start deadline gatling
    rm -rf "$dir"
    rehearsal_init "$dir"
    stack_traps stack_stop
    # shellcheck disable=SC2086 # a list of options
    rehearsal_stack $CASE_STACK
    rehearsal_warm
    : >"$REHEARSAL_OUT/checks.txt"
    case_before
    rehearsal_gatling &
    gatling=$!
    deadline=$((SECONDS + 240))
    until [ -s "$REHEARSAL_OUT/load-start" ]; do
        [ $SECONDS -lt $deadline ] && kill -0 "$gatling" 2>/dev/null || { echo "the crowd never started" >&2; return 1; }
        sleep 0.5
    done
    start=$(($(cat "$REHEARSAL_OUT/load-start") + ${FAULT_AT:-$((${DURATION:-60} / 3))}))
    while [ "$(date +%s)" -lt "$start" ]; do sleep 0.2; done
    echo "fault: $CASE_TITLE" >&2
    local from
    from=$(date +%s)
    case_inject || check_fail "the injection itself failed"
    echo "$from $(date +%s)" >"$REHEARSAL_OUT/fault.txt"
    wait "$gatling" || { echo "the crowd failed" >&2; return 1; }
    case_check
    ! grep -q '^check_failure=' "$REHEARSAL_OUT/checks.txt" && grep -q '^audit=OK' "$REHEARSAL_OUT/audit.txt"
}
