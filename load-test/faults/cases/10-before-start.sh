# Campaigns asked for before their start, by every path, beside the crowd (faults/before-start.mjs): nothing of an
# unpublished campaign is served, a published one shows only its card before the start, nothing may be cached,
# and publishing, unpublishing and the start itself show at once.
CASE_TITLE="campaign requested before its start"

case_inject() {
    timeout 120 node "$(dirname "${BASH_SOURCE[0]}")/../before-start.mjs" "$STACK_URL" \
        "http://127.0.0.1:${STACK_APP_PORTS[0]}" "$STACK_ADMIN_TOKEN" "$REHEARSAL_CAMPAIGN-early" >>"$REHEARSAL_OUT/checks.txt"
}
