# The pass/fail bookkeeping shared by deploy/test.sh and grafana/test.sh. Source it; end with `checks_summary`.

passed=0 failed=0
ok() { passed=$((passed + 1)); printf 'ok   %s\n' "$1"; }
not_ok() { failed=$((failed + 1)); printf 'FAIL %s\n' "$1"; [ -z "${2:-}" ] || printf '     %s\n' "$2"; }

# check NAME COMMAND...: passes when COMMAND succeeds; its output is shown only on failure.
check() {
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$(printf '%s' "$out" | tail -n 15)"; fi
}

# check_lines COMMAND...: COMMAND prints one "ok ..." or "FAIL ..." line per check (continuation lines indented);
# each counts. Fails as a whole if COMMAND fails without saying why.
check_lines() {
    local out rc line before=$failed
    out=$("$@" 2>&1)
    rc=$?
    while IFS= read -r line; do
        case $line in
            "ok "*) ok "${line#ok }" ;;
            "FAIL "*) not_ok "${line#FAIL }" ;;
            *) printf '     %s\n' "$line" ;;
        esac
    done <<<"$out"
    [ "$rc" -eq 0 ] || [ "$failed" -gt "$before" ] || not_ok "$1 exited $rc"
}

checks_summary() { printf '%d passed, %d failed\n' "$passed" "$failed"; }
