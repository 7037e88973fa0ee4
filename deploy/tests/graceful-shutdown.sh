#!/usr/bin/env bash
# Defect 3 of issue 12: SIGTERM to a real app instance (the packaged jar, as systemd stops it) while requests are in
# flight. Every one of them is answered (quarkus.shutdown.timeout lets them finish), the instance ends by itself
# well before systemd's TimeoutStopSec, and a keyed help that was in flight at the SIGTERM replays its 201 from the
# next instance (not REQUEST_IN_PROGRESS, then ALREADY_BOOSTED). Requests are held in flight the way production
# holds them: logins wait on a slow WeChat (the stub's delay), helps on a MongoDB that stops answering for a moment
# (SIGSTOP of the stand-in, well inside the MongoDB bound). Ports from STACK_BASE (18900); part `shutdown` of
# deploy/local/test.
set -uo pipefail
DEPLOY=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK_BASE=${STACK_BASE:-18900} STACK_RUN=$DEPLOY/target/shutdown IN_FLIGHT=${IN_FLIGHT:-16}
source "$DEPLOY/local/stack.sh"
source "$DEPLOY/stack/checks.sh"
stack_ports 1 || exit 1
# systemd's TimeoutStopSec in deploy/systemd/jiasu@.service: the instance must be gone well before it.
STOP_BOUND=$(sed -n 's/^TimeoutStopSec=\([0-9]*\)s$/\1/p' "$DEPLOY/systemd/jiasu@.service")

finish() {
    stack_stop
    checks_summary
}
stack_stop
rm -rf "$STACK_RUN"
mkdir -p "$STACK_RUN/answers"
stack_traps finish
"$DEPLOY/local/need" curl jq >/dev/null || { not_ok "install packages"; exit 1; }
stack_up || { not_ok "stack starts (1 instance, Redis, MongoDB stand-in, WeChat stub)" "logs in $STACK_RUN/log"; exit 1; }
ok "stack starts (1 instance, Redis, MongoDB stand-in, WeChat stub)"
APP=${STACK_APP_PORTS[0]}
URL=http://127.0.0.1:$APP
STUB=http://127.0.0.1:$STACK_WECHAT_PORT/stub/config

# patiently COMMAND...: COMMAND, tried again (10 times, 1 s apart) while it fails: a 503 of a cold instance on a
# loaded box is tried again, as a client does
patiently() {
    local try
    for try in 1 2 3 4 5 6 7 8 9 10; do "$@" && return 0; sleep 1; done
    return 1
}
login_once() { # CODE: prints the token
    local token
    token=$(curl -fsS -X POST "$URL/api/v1/session" -H 'Content-Type: application/json' -d "{\"code\":\"$1\"}" |
        jq -r .token) && [ -n "$token" ] && [ "$token" != null ] && echo "$token"
}
login() { patiently login_once "$1"; }
# A fresh instance answers its first requests slowly on a loaded box; the test starts once it logs a user in.
warm() { login "warm-$RANDOM" >/dev/null; }
# answer NAME CURL-ARGS...: one request in the background; its status and code land in answers/NAME
answer() {
    local name=$1
    shift
    (curl -s --max-time 30 -o "$STACK_RUN/answers/$name.body" -w '%{http_code}\n' "$@" >"$STACK_RUN/answers/$name.status"
        jq -r '.code // ""' "$STACK_RUN/answers/$name.body" 2>/dev/null >"$STACK_RUN/answers/$name.code") &
}
# sigterm_and_time: SIGTERM to the instance, returns once it is gone; prints how long that took (s)
sigterm_and_time() {
    local from=$SECONDS
    stack_kill_app "$APP" TERM "$STOP_BOUND" || return 1
    echo $((SECONDS - from))
}
statuses() { cat "$STACK_RUN/answers/$1"-*.status | sort | uniq -c | tr '\n' ' '; }
all_answered() { # PREFIX STATUS
    local n
    n=$(grep -lx "$2" "$STACK_RUN/answers/$1"-*.status 2>/dev/null | wc -l)
    [ "$n" -eq "$IN_FLIGHT" ] || { echo "$n of $IN_FLIGHT answered $2: $(statuses "$1")"; return 1; }
}
# none_cut PREFIX: every request got the app's own answer: a 2xx, or a problem+json with a code (a loaded box's
# time bounds, e.g. Redis past 1 s); never a cut connection (000) nor the bare 503 a draining instance gives a request
# that arrived after the SIGTERM
none_cut() {
    local file name bad=0 ok
    for file in "$STACK_RUN/answers/$1"-*.status; do
        name=${file%.status}
        case $(cat "$file") in
            2??) ;;
            000) bad=$((bad + 1)); echo "$(basename "$name"): cut" ;;
            *) [ -n "$(cat "$name.code")" ] || { bad=$((bad + 1)); echo "$(basename "$name"): $(cat "$file") without a problem"; } ;;
        esac
    done
    ok=$(grep -lx 201 "$STACK_RUN/answers/$1"-*.status 2>/dev/null | wc -l)
    echo "$ok of $IN_FLIGHT answered 201: $(statuses "$1")"
    [ "$bad" -eq 0 ]
}

# none_cut_line PREFIX NAME: one ok/FAIL line for check_lines, with the count of 201s in it
none_cut_line() {
    local out
    if out=$(none_cut "$1"); then echo "ok $2 ($(tail -n1 <<<"$out" | tr -s " "))"; else echo "FAIL $2"; sed 's/^/     /' <<<"$out"; fi
}

# ---- logins in flight: WeChat answers after 1 s (inside the app's 1.8 s bound) ----------------------------------

# code2session calls the stub has received (it counts a call when it arrives, before its delay)
wechat_logins() { curl -fsS "http://127.0.0.1:$STACK_WECHAT_PORT/stub/calls" | jq '.["/sns/jscode2session"] // 0'; }
logins_arrived() { [ "$(wechat_logins)" -ge $((before + IN_FLIGHT)) ]; }
before=$(wechat_logins)
warm || { not_ok "the instance logs a user in"; exit 1; }
curl -fsS -X POST "$STUB" -H 'Content-Type: application/json' -d '{"delays": {"jscode2session": "1000ms"}}' >/dev/null
for i in $(seq 1 "$IN_FLIGHT"); do
    answer "login-$i" -X POST "$URL/api/v1/session" -H 'Content-Type: application/json' -d "{\"code\":\"inflight-$i\"}"
done
# every login is inside the app, waiting on WeChat, when the SIGTERM comes
WAIT_SECONDS=10 stack_wait logins_arrived || echo "only $(($(wechat_logins) - before)) of $IN_FLIGHT logins reached WeChat" >&2
took=$(sigterm_and_time)
wait
curl -fsS -X POST "$STUB" -H 'Content-Type: application/json' -d '{"restore": true}' >/dev/null
check_lines none_cut_line login "SIGTERM with $IN_FLIGHT logins in flight: every one answered by the app, none cut"
check "the instance ended by itself within ${took:-?} s, below TimeoutStopSec=${STOP_BOUND}s" \
    test -n "$took" -a "${took:-99}" -lt "$STOP_BOUND"
cp "$STACK_RUN/log/app-$APP.log" "$STACK_RUN/log/app-$APP.logins.log" # the next start writes the log afresh
stack_start_app "$APP" && stack_wait_app "$APP" && warm || { not_ok "the instance starts again"; exit 1; }

# ---- keyed helps in flight: MongoDB stops answering for 0.8 s around the SIGTERM -------------------------------

ADMIN="Authorization: Bearer $STACK_ADMIN_TOKEN"
now=$(date -u +%s)
patiently curl -fsS -X PUT "$URL/api/v1/admin/campaigns/shutdown" -H "$ADMIN" -H 'Content-Type: application/json' -d "$(jq -n \
    --arg s "$(date -u -d "@$((now - 3600))" +%FT%TZ)" --arg e "$(date -u -d "@$((now + 86400))" +%FT%TZ)" \
    --arg c "$(date -u -d "@$((now + 8 * 86400))" +%FT%TZ)" \
    '{title: "关机", description: "graceful shutdown", startsAt: $s, endsAt: $e, claimDeadline: $c, goal: 1000,
      prizeTotal: 5, schedule: [{helpers: null, amount: 10}], dailyHelpLimit: 5, published: true}')" >/dev/null ||
    { not_ok "campaign created"; exit 1; }
owner=$(login shutdown-owner)
join_once() { curl -fsS -X POST "$URL/api/v1/campaigns/shutdown/players" -H "Authorization: Bearer $owner" | jq -er .shareCode; }
share=$(patiently join_once) || { not_ok "the owner joined"; exit 1; }
helpers=()
for i in $(seq 1 "$IN_FLIGHT"); do helpers+=("$(login "shutdown-helper-$i")"); done
help() { # I: the helper's help, with its own key
    answer "help-$1" -X POST "$URL/api/v1/campaigns/shutdown/players/$share/boosts" \
        -H "Authorization: Bearer ${helpers[$(($1 - 1))]}" -H "Idempotency-Key: shutdown-help-$1"
}
standin=$(stack_pid local-stack)
kill -STOP "$standin"
for i in $(seq 1 "$IN_FLIGHT"); do help "$i"; done
sleep 0.3
kill -TERM "$(stack_pid "app-$APP")" # no wait: MongoDB is still stopped
sleep 0.5
kill -CONT "$standin"
stack_kill_app "$APP" TERM "$STOP_BOUND"
wait
cp "$STACK_RUN/log/app-$APP.log" "$STACK_RUN/log/app-$APP.helps.log"
check_lines none_cut_line help "SIGTERM with $IN_FLIGHT keyed helps in flight: every one answered by the app, none cut"

stack_start_app "$APP" && stack_wait_app "$APP" || { not_ok "the instance starts again"; exit 1; }
# The client's retry with the same key, as the mini-program does it: a 503 (a cold instance on a loaded box) is
# tried again after a moment; what counts is the answer that is not a 503.
replay() {
    local i=$1 try
    for try in 1 2 3 4 5 6 7 8 9 10; do
        help "$i"
        wait "$!"
        [ "$(cat "$STACK_RUN/answers/help-$i.status")" = 503 ] || return 0
        sleep 1
    done
}
for i in $(seq 1 "$IN_FLIGHT"); do replay "$i" & done
wait
check "the same keys on the next instance replay 201 (not REQUEST_IN_PROGRESS or ALREADY_BOOSTED)" all_answered help 201
counted() {
    local stats
    stats=$(curl -fsS -H "$ADMIN" "$URL/api/v1/admin/campaigns/shutdown/stats") || return 1
    jq -e --argjson n "$IN_FLIGHT" '.boosts == $n' <<<"$stats" >/dev/null || { echo "$stats"; return 1; }
}
check "the record holds each of the $IN_FLIGHT helps once" counted

[ "$failed" -eq 0 ]
