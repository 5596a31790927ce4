#!/usr/bin/env bash
# The test command of Coordinaat:  scripts/test.sh [EXTRA MAVEN ARGS...]
#
#   1. installs the Debian packages the tests drive for real, when one is missing
#      (chromium + chromium-driver for the browser tests, PostgreSQL 15 server + contrib, fusioninventory-agent,
#      and a JDK 17 if there is none);
#   2. runs the whole suite with the Maven wrapper:  ./mvnw -B verify
#      (the tests use the embedded PostgreSQL, as nothing sets SPRING_DATASOURCE_URL);
#   3. starts a throwaway cluster of Debian's PostgreSQL 15 (scripts/external-postgres.sh) and runs the
#      integration tests (JUnit tag "integration") again against it, the way production connects:
#      SPRING_DATASOURCE_URL=... ./mvnw -B test -Dsurefire.groups=integration
#      The cluster is stopped and removed afterwards, also on failure or Ctrl-C.
#
# Every step runs even when an earlier one failed, so one run shows everything; the exit status is non-zero
# when any step failed. FAIL_FAST=1 stops at the first failing step. Extra arguments go to both Maven runs.
# Works unattended (CI=true, no stdin, no terminal). Written for Debian 12; run as root or with sudo rights
# when packages are missing. Ctrl-C stops everything and removes the cluster; a SIGTERM to this script alone
# removes it once the running Maven has finished; a cluster left by a SIGKILL is removed by the next run.
set -Eeuo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/external-postgres.sh
source scripts/external-postgres.sh

export DEBIAN_FRONTEND=noninteractive
PACKAGES=(chromium chromium-driver postgresql postgresql-contrib fusioninventory-agent)
START=$SECONDS
RESULTS=()
FAILED=0

section() {
    if [[ -t 1 ]]; then printf '\n\033[1m==== %s ====\033[0m\n' "$*"; else printf '\n==== %s ====\n' "$*"; fi
}

# Records the outcome of step "$1" whose exit status is "$2" and the start time "$3".
record() {
    local name=$1 status=$2 began=$3
    if ((status == 0)); then
        RESULTS+=("PASSED  $name ($((SECONDS - began)) s)")
    else
        RESULTS+=("FAILED  $name ($((SECONDS - began)) s, exit $status)")
        FAILED=1
        if [[ ${FAIL_FAST:-0} == 1 ]]; then
            summary
            exit "$status"
        fi
    fi
}

summary() {
    section "Summary ($((SECONDS - START)) s)"
    printf '  %s\n' "${RESULTS[@]}"
}

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    local status=$?
    epg_stop
    rm -f "${log:-}"
    return "$status"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT
trap 'echo "terminated" >&2; exit 143' TERM

is_installed() {
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]
}

# Runs a command as root: directly, through sudo (non-interactive sudo when nobody can answer a prompt),
# or not at all.
as_root() {
    if ((EUID == 0)); then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        if [[ -t 0 && ${CI:-} != true ]]; then sudo "$@"; else sudo -n "$@"; fi
    else
        return 127
    fi
}

ensure_packages() {
    local missing=() pkg
    for pkg in "${PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if ! command -v javac >/dev/null 2>&1 && [[ ! -x ${JAVA_HOME:-/nonexistent}/bin/javac ]]; then
        missing+=(openjdk-17-jdk-headless)
    fi
    if ((${#missing[@]} == 0)); then
        echo "All present: ${PACKAGES[*]}, and a JDK."
        return 0
    fi
    echo "Missing Debian packages: ${missing[*]}; installing them."
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
        ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; then
        echo >&2
        echo "Could not install: ${missing[*]}" >&2
        echo "Run as root (or with sudo rights) once:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        return 1
    fi
    for pkg in "${missing[@]}"; do
        is_installed "$pkg" || { echo "$pkg is still not installed" >&2; return 1; }
    done
}

section "1/3 Debian packages"
began=$SECONDS
status=0
ensure_packages || status=$?
record "Debian packages" "$status" "$began"
if ((status != 0)); then
    summary
    exit "$status"
fi

section "2/3 Whole suite, embedded PostgreSQL: ./mvnw -B verify $*"
began=$SECONDS
status=0
(
    unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD
    exec ./mvnw -B verify "$@" </dev/null
) || status=$?
record "./mvnw -B verify (embedded PostgreSQL)" "$status" "$began"

section "3/3 Integration tests against Debian's PostgreSQL 15: ./mvnw -B test -Dsurefire.groups=integration $*"
began=$SECONDS
status=0
if epg_start; then
    log=$(mktemp)
    ./mvnw -B test -Dsurefire.groups=integration "$@" </dev/null 2>&1 | tee "$log" || status=$?
    # A filter that matches nothing would pass silently: insist that integration tests really ran.
    ran=$(grep -E 'Tests run: [0-9]+, Failures' "$log" | grep -Ev ' -+ in ' | tail -n1 | sed -E 's/.*Tests run: ([0-9]+).*/\1/' || true)
    rm -f "$log"
    if ((status == 0)) && [[ ${ran:-0} == 0 ]]; then
        echo "No test tagged \"integration\" ran against the external PostgreSQL (are the test classes included by surefire?)." >&2
        status=1
    fi
else
    status=1
fi
epg_stop
record "integration tests on Debian PostgreSQL 15" "$status" "$began"

summary
exit "$FAILED"
