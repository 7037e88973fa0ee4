#!/usr/bin/env bash
# Runs every local-stack test (JUnit 5 through Maven Surefire) and ends with "N passed, N failed, N skipped".
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

# JDK and Maven build and run the tests; the wxacode PNG prints its scene with a system font, which headless
# AWT finds through fontconfig.
"$root/deploy/local/need" openjdk-17-jdk-headless maven fontconfig fonts-dejavu-core

reports="$here/target/surefire-reports"
rm -rf "$reports"
# Maven 3.8 prints colour resets even when quiet and not on a terminal; strip them so the last line is clean.
mvn -q -B -f "$root/pom.xml" -pl local-stack test 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
status=${PIPESTATUS[0]}

# Sum the <testsuite tests= failures= errors= skipped=> attributes of Surefire's XML reports.
read -r tests failed skipped < <(
    cat "$reports"/TEST-*.xml 2>/dev/null | awk '
        function attr(text, name) {
            return match(text, " " name "=\"[0-9]+\"") ? substr(text, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0 : 0
        }
        match($0, /<testsuite [^>]*>/) {
            head = substr($0, RSTART, RLENGTH)
            t += attr(head, "tests"); f += attr(head, "failures") + attr(head, "errors"); s += attr(head, "skipped")
        }
        END { print t + 0, f + 0, s + 0 }'
)
passed=$((tests - failed - skipped))
# A build that failed outside the tests (compilation, a crashed fork) must not read as a pass.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
