# Hostile input beside the crowd (faults/hostile.mjs): malformed JSON, wrong types, duplicate keys, deep nesting,
# huge bodies and fields, operator injection in every field and path segment, unicode tricks, forged and expired
# tokens, other users' and operators' resources. Always a problem+json 4xx, never a 5xx; the victim's record
# unchanged; the crowd's audit exact.
CASE_TITLE="hostile input corpus"

case_inject() {
    timeout 120 node "$(dirname "${BASH_SOURCE[0]}")/../hostile.mjs" "$STACK_URL" "$REHEARSAL_CAMPAIGN" >"$REHEARSAL_OUT/hostile.txt"
}

case_check() {
    local sent fivexx bad
    sent=$(rehearsal_value sent "$REHEARSAL_OUT/hostile.txt")
    fivexx=$(rehearsal_value fivexx "$REHEARSAL_OUT/hostile.txt")
    bad=$(rehearsal_value not_problem_4xx "$REHEARSAL_OUT/hostile.txt")
    check_that "no 5xx or unanswered among ${sent:-0} hostile requests (${fivexx:-?})" [ "${fivexx:-1}" -eq 0 ]
    check_that "every one a problem+json 4xx with a code (${bad:-?} were not: $(grep '^finding=' "$REHEARSAL_OUT/hostile.txt" | cut -d= -f2- | head -n 8 | paste -sd';'))" [ "${bad:-1}" -eq 0 ]
    check_that "the victim's record is unchanged" grep -q '^victim_unchanged=true' "$REHEARSAL_OUT/hostile.txt"
}
