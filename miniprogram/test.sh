#!/usr/bin/env bash
# miniprogram's tests: jest + miniprogram-simulate (pages, components, the request layer, the WXML/WXSS
# compile checks), the checkJs type check, and the offline miniprogram-ci compile. The journey test needs a
# running backend and is not run here (npm run test:journey). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

npm ci --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }

work=$(mktemp -d -t jiasu-miniprogram-XXXXXX)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
count() { # name, exit status
    if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi
}

npx jest --ci --json --outputFile="$work/jest.json"
jest_status=$?
if [ -f "$work/jest.json" ]; then
    read -r jest_passed jest_failed < <(node -e 'const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)' "$work/jest.json")
    passed=$((passed + jest_passed))
    failed=$((failed + jest_failed))
    [ "$jest_status" -ne 0 ] && [ "$jest_failed" -eq 0 ] && count "jest run" 1
else
    count "jest run" 1
fi

echo "== tsc (checkJs with miniprogram-api-typings)"
npx tsc -p .
count "type check" $?

echo "== miniprogram-ci offline compile"
node tools/ci-compile.js > "$work/ci.log" 2>&1
ci_status=$?
grep -v '^\[summer-compiler\]\|^serialize' "$work/ci.log" | tail -n 5
count "miniprogram-ci compile" $ci_status

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
