#!/usr/bin/env bash
# scripts/test.sh — THE one command that runs the whole Leadwerk test suite.
#
# Works from a clean clone on a fresh Debian 12 machine (run as root, .NET 10 SDK installed):
#   * installs missing prerequisites (PostgreSQL server binaries, Chromium's headless shell, nginx for the reverse
#     proxy browser test, wrk for the benchmark
#     smoke test's HTTP scenario) with apt-get,
#   * starts a throwaway PostgreSQL cluster (own temp dir, 127.0.0.1 only, trust auth,
#     port 55432 or the next free one) and always stops/removes it on exit,
#   * builds Leadwerk.sln once in Release (warnings are errors),
#   * runs `dotnet test` for every test project tests/*/*.csproj (IsTestProject=true, i.e. it
#     references Microsoft.NET.Test.Sdk; keeps going after a failing project),
#   * adds up the <Counters> of all TRX files and prints, as the very last line,
#         N passed, M failed
#   * exits non-zero if any test failed/errored/timed out/aborted, if a project produced no
#     TRX, if a test run exited non-zero, or if zero tests ran in total.
#
# Usage: scripts/test.sh [--filter <expr>] [--no-browser]
#   --filter <expr>  passed through to every `dotnet test --filter`.
#   --no-browser     skip only tests/Leadwerk.BrowserTests (quick local loops).
#                    CI never uses it: .ci/run calls this script with no arguments.
#
# Environment (optional):
#   LEADWERK_TEST_RESULTS   directory to keep TRX files in (default: temp dir, removed on exit)
#   LEADWERK_TEST_HANG_TIMEOUT  per-project hang timeout for dotnet test (default 20m)
#   LEADWERK_TEST_SEQUENTIAL=1  run the test projects one after the other instead of side by side
#
# Tests read:
#   LEADWERK_TEST_POSTGRES="Host=127.0.0.1;Port=<port>;Username=postgres"  (append Database=...)
#   LEADWERK_CHROMIUM=/usr/bin/chromium-headless-shell  (Debian's headless shell: ADR 0013)
NGINX=/usr/sbin/nginx
#   LEADWERK_NGINX=/usr/sbin/nginx
set -euo pipefail

export NUGET_CERT_REVOCATION_MODE=offline
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
# No MSBuild worker nodes lingering after the run (they can hold CI output pipes open).
export MSBUILDDISABLENODEREUSE=1
# Test processes compile far more code once than they run hot. Without W^X (every page of new code
# mapped twice, writable and executable apart; a hardening for production servers, not for tests on
# loopback) and without profile-guided recompiling of hot methods, a sample of the API suite took
# about a quarter less CPU (68 -> 51-58 s). The app processes the tests start do the same.
export DOTNET_EnableWriteXorExecute=0 DOTNET_TieredPGO=0

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHROMIUM=/usr/bin/chromium-headless-shell
BROWSER_PROJECT_DIR=tests/Leadwerk.BrowserTests
DEFAULT_PG_PORT=55432

FILTER=""
HAVE_FILTER=0
NO_BROWSER=0
SELFTEST_POSTGRES=0   # hidden: --selftest-postgres starts the cluster, runs `select 1`, stops.

log() { printf '==> %s\n' "$*"; }
err() { printf 'ERROR: %s\n' "$*" >&2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --filter)
            [[ $# -ge 2 ]] || { err "--filter needs an expression"; exit 2; }
            FILTER="$2"; HAVE_FILTER=1; shift 2 ;;
        --filter=*)
            FILTER="${1#--filter=}"; HAVE_FILTER=1; shift ;;
        --no-browser)
            NO_BROWSER=1; shift ;;
        --selftest-postgres)
            SELFTEST_POSTGRES=1; shift ;;
        -h|--help)
            sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
            exit 0 ;;
        *)
            err "unknown argument: $1 (usage: scripts/test.sh [--filter <expr>] [--no-browser])"
            exit 2 ;;
    esac
done

# ---------------------------------------------------------------------------------------------
# Cleanup: whatever happens (error, Ctrl-C, TERM), stop PostgreSQL and remove temp dirs.
# ---------------------------------------------------------------------------------------------
PGBIN=""
PGDIR=""
PG_STARTED=0
WORKDIR=""

as_pg_user() {
    # initdb/postgres refuse to run as root: run them as the `postgres` system user.
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_postgres() {
    if [[ $PG_STARTED -eq 1 && -n $PGDIR ]]; then
        as_pg_user "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
            || err "pg_ctl stop failed (cluster in $PGDIR)"
        PG_STARTED=0
    fi
    if [[ -n $PGDIR ]]; then
        rm -rf -- "$PGDIR"
        PGDIR=""
    fi
}

# shellcheck disable=SC2317  # invoked via trap
cleanup() {
    local rc=$?
    set +e
    # Test runs still going (the script was interrupted) end with it.
    local job
    for job in $(jobs -p); do pkill -TERM -P "$job" 2>/dev/null; kill -TERM "$job" 2>/dev/null; done
    stop_postgres
    if [[ -n $WORKDIR ]]; then
        rm -rf -- "$WORKDIR"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---------------------------------------------------------------------------------------------
# Prerequisites
# ---------------------------------------------------------------------------------------------
find_pgbin() {
    local d
    PGBIN=""
    # Highest installed major version that has both initdb and pg_ctl.
    while IFS= read -r d; do
        if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then PGBIN="$d"; fi
    done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
    [[ -n $PGBIN ]]
}

postgres_ok() {
    find_pgbin || return 1
    # As root the cluster runs as the `postgres` system user, which the package creates.
    if [[ $(id -u) -eq 0 ]]; then id -u postgres >/dev/null 2>&1 || return 1; fi
    return 0
}

need_browser() {
    [[ $NO_BROWSER -eq 0 && $SELFTEST_POSTGRES -eq 0 ]]
}

ensure_prerequisites() {
    local missing=() pkgs=()
    if ! command -v dotnet >/dev/null 2>&1; then
        err "the .NET 10 SDK ('dotnet') is not on PATH; install it first."
        exit 1
    fi
    if ! postgres_ok; then
        missing+=("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb)")
        pkgs+=(postgresql)
    fi
    if need_browser && [[ ! -x $CHROMIUM ]]; then
        missing+=("Chromium's headless shell ($CHROMIUM)")
        pkgs+=(chromium-headless-shell)
    fi
    if need_browser && [[ ! -x $NGINX ]]; then
        missing+=("nginx ($NGINX, the reverse proxy of the browser tests)")
        pkgs+=(nginx)
    fi
    if ! command -v wrk >/dev/null 2>&1; then
        missing+=("wrk (HTTP load generator of the benchmark smoke test)")
        pkgs+=(wrk)
    fi
    [[ ${#pkgs[@]} -eq 0 ]] && return 0

    if [[ $(id -u) -ne 0 ]]; then
        err "missing prerequisites: ${missing[*]}"
        err "not running as root, so they cannot be installed automatically."
        err "install them with: sudo apt-get install -y ${pkgs[*]}"
        exit 1
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        err "missing prerequisites: ${missing[*]} (and no apt-get to install: ${pkgs[*]})"
        exit 1
    fi
    log "installing missing prerequisites: ${pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get update; then
        err "apt-get update failed; cannot install: ${missing[*]}"
        exit 1
    fi
    if ! apt-get install -y "${pkgs[@]}"; then
        err "apt-get install -y ${pkgs[*]} failed; missing: ${missing[*]}"
        exit 1
    fi
    if ! postgres_ok; then
        err "PostgreSQL server binaries still missing after install (/usr/lib/postgresql/*/bin/initdb)"
        exit 1
    fi
    if need_browser && [[ ! -x $CHROMIUM ]]; then
        err "Chromium's headless shell still missing after install ($CHROMIUM)"
        exit 1
    fi
    if need_browser && [[ ! -x $NGINX ]]; then
        err "nginx still missing after install ($NGINX)"
        exit 1
    fi
    if ! command -v wrk >/dev/null 2>&1; then
        err "wrk still missing after install"
        exit 1
    fi
}

# ---------------------------------------------------------------------------------------------
# Throwaway PostgreSQL cluster
# ---------------------------------------------------------------------------------------------
port_in_use() {
    # True if something accepts TCP connections on 127.0.0.1:$1 (bash /dev/tcp, no extra tools).
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" >/dev/null 2>&1
}

start_postgres() {
    find_pgbin || { err "PostgreSQL binaries not found"; exit 1; }
    PGDIR="$(mktemp -d /tmp/leadwerk-pg.XXXXXX)"
    if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$PGDIR"; fi

    log "initialising throwaway PostgreSQL cluster in $PGDIR ($PGBIN)"
    if ! as_pg_user "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1; then
        cat "$PGDIR/initdb.log" >&2
        err "initdb failed"
        exit 1
    fi

    local candidates=("$DEFAULT_PG_PORT") p attempt=0
    for ((p = DEFAULT_PG_PORT + 1; p < DEFAULT_PG_PORT + 200; p++)); do candidates+=("$p"); done
    for p in "${candidates[@]}"; do
        if port_in_use "$p"; then
            log "port $p is taken, trying another"
            continue
        fi
        attempt=$((attempt + 1))
        # A throwaway cluster nobody needs after a power cut: no fsync, no full-page images, no waiting
        # for the WAL at commit. The tests kill app processes, never this server, so what they prove
        # about commits holds as before; the run just waits less on the disk.
        if as_pg_user "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 60 \
                -o "-p $p -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
                start >/dev/null 2>&1; then
            PG_STARTED=1
            PG_PORT="$p"
            log "PostgreSQL running on 127.0.0.1:$PG_PORT"
            return 0
        fi
        # A failed start (e.g. lost a race for the port) leaves no server; try the next port.
        log "PostgreSQL did not start on port $p"
        [[ $attempt -ge 5 ]] && break
    done
    [[ -f $PGDIR/log ]] && tail -n 30 "$PGDIR/log" >&2
    err "could not start PostgreSQL (tried $attempt port(s))"
    exit 1
}

# ---------------------------------------------------------------------------------------------
# TRX counters: prints "passed failed executed" summed over the given TRX files.
# Failed includes error, timeout and aborted outcomes.
# ---------------------------------------------------------------------------------------------
sum_trx() {
    [[ $# -eq 0 ]] && { echo "0 0 0"; return 0; }
    # Normalise to one tag per line so attribute order / line breaks do not matter.
    cat -- "$@" | tr '\n\r' '  ' | sed 's/</\n</g' | awk '
        function attr(tag, name,    re, v) {
            re = "[[:space:]]" name "=\"[0-9]+\""
            if (match(tag, re)) {
                v = substr(tag, RSTART, RLENGTH)
                sub(/^[^"]*"/, "", v); sub(/"$/, "", v)
                return v + 0
            }
            return 0
        }
        /^<Counters[[:space:]]/ {
            passed += attr($0, "passed")
            failed += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted")
            executed += attr($0, "executed")
        }
        END { printf "%d %d %d\n", passed, failed, executed }'
}

# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
cd "$REPO_ROOT"
ensure_prerequisites
PG_PORT=""
start_postgres

export LEADWERK_TEST_POSTGRES="Host=127.0.0.1;Port=${PG_PORT};Username=postgres"
export LEADWERK_CHROMIUM="$CHROMIUM"
export LEADWERK_NGINX="$NGINX"

if [[ $SELFTEST_POSTGRES -eq 1 ]]; then
    log "selftest: psql select 1 via $LEADWERK_TEST_POSTGRES"
    "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -X -A -t -c 'select 1'
    exit 0
fi

if [[ -n ${LEADWERK_TEST_RESULTS:-} ]]; then
    RESULTS_ROOT="$LEADWERK_TEST_RESULTS"
    rm -rf -- "$RESULTS_ROOT"
    mkdir -p -- "$RESULTS_ROOT"
    RESULTS_ROOT="$(cd "$RESULTS_ROOT" && pwd)"
else
    WORKDIR="$(mktemp -d "${TMPDIR:-/tmp}/leadwerk-test.XXXXXX")"
    RESULTS_ROOT="$WORKDIR/results"
    mkdir -p "$RESULTS_ROOT"
fi

SOLUTION=""
for s in Leadwerk.sln Leadwerk.slnx; do
    if [[ -f $s ]]; then SOLUTION="$s"; break; fi
done
if [[ -z $SOLUTION ]]; then
    err "no Leadwerk.sln (or Leadwerk.slnx) at $REPO_ROOT"
    echo "0 passed, 1 failed"
    exit 1
fi

log "dotnet build $SOLUTION -c Release"
if ! dotnet build "$SOLUTION" -c Release; then
    err "build failed; no tests were run"
    echo "0 passed, 1 failed"
    exit 1
fi

SLN_PROJECTS=""
if ! SLN_PROJECTS="$(dotnet sln "$SOLUTION" list | tr '\134' '/' | sed 's/[[:space:]]*$//')"; then
    err "could not list the projects of $SOLUTION; not checking that test projects are in it"
    SLN_PROJECTS=""
fi

shopt -s nullglob
projects=(tests/*/*.csproj)
shopt -u nullglob

total_passed=0
total_failed=0
tests_ran=0
problems=()
runs=()   # "name|results_dir|pid" of every started test run

# The projects run side by side: the browser tests mostly wait on Chromium and the app while the
# xunit suite keeps the cores busy, so together they take little more than the longer one alone.
# LEADWERK_TEST_SEQUENTIAL=1 runs them one after the other (output streams as it comes).
for proj in "${projects[@]}"; do
    name="$(basename "$proj" .csproj)"
    if [[ $NO_BROWSER -eq 1 && $(dirname "$proj") == "$BROWSER_PROJECT_DIR" ]]; then
        log "skipping $name (--no-browser)"
        continue
    fi
    # A project missing from the solution was not built: fail loudly rather than skip it.
    if [[ -n $SLN_PROJECTS ]] && ! grep -qxF -- "$proj" <<<"$SLN_PROJECTS"; then
        err "$proj is not in $SOLUTION, so it was not built — counted as a failure"
        problems+=("$name: not in $SOLUTION")
        total_failed=$((total_failed + 1))
        continue
    fi
    # Helper libraries under tests/ (no Microsoft.NET.Test.Sdk) are not test projects:
    # `dotnet test` would silently run nothing for them.
    is_test="$(dotnet msbuild "$proj" -getProperty:IsTestProject -p:Configuration=Release 2>/dev/null \
        | tr -d '[:space:]')" || is_test="true"
    if [[ ${is_test,,} != "true" ]]; then
        log "skipping $name (not a test project: IsTestProject is not true)"
        continue
    fi
    results_dir="$RESULTS_ROOT/$name"
    mkdir -p "$results_dir"
    args=(test "$proj" --no-build -c Release
          --logger "trx" --logger "console;verbosity=minimal"
          --results-directory "$results_dir"
          --blame-hang-timeout "${LEADWERK_TEST_HANG_TIMEOUT:-20m}" --blame-hang-dump-type none)
    if [[ $HAVE_FILTER -eq 1 ]]; then args+=(--filter "$FILTER"); fi

    log "dotnet test $proj"
    if [[ ${LEADWERK_TEST_SEQUENTIAL:-0} == 1 ]]; then
        rc=0
        dotnet "${args[@]}" || rc=$?
        echo "$rc" >"$results_dir/exit-code"
        runs+=("$name|$results_dir|")
    else
        ( rc=0; dotnet "${args[@]}" >"$results_dir/console.log" 2>&1 || rc=$?; echo "$rc" >"$results_dir/exit-code" ) &
        runs+=("$name|$results_dir|$!")
    fi
done

for run in "${runs[@]}"; do
    IFS='|' read -r name results_dir pid <<<"$run"
    if [[ -n $pid ]]; then
        wait "$pid" || true
        log "output of $name"
        cat -- "$results_dir/console.log"
    fi
    rc="$(cat -- "$results_dir/exit-code" 2>/dev/null || echo 1)"

    trx_files=()
    while IFS= read -r -d '' f; do trx_files+=("$f"); done \
        < <(find "$results_dir" -type f -name '*.trx' -print0)
    if [[ ${#trx_files[@]} -eq 0 ]]; then
        err "$name produced no TRX results (dotnet test exit code $rc) — counted as a failure"
        problems+=("$name: no results")
        total_failed=$((total_failed + 1))
        continue
    fi
    read -r p f _ < <(sum_trx "${trx_files[@]}")
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
    tests_ran=$((tests_ran + p + f))
    log "$name: $p passed, $f failed"
    if [[ $f -gt 0 ]]; then
        problems+=("$name: $f failed")
    elif [[ $rc -ne 0 ]]; then
        # E.g. the test host crashed or hung after the recorded tests.
        err "$name: dotnet test exited with $rc but its TRX shows no failure — counted as a failure"
        problems+=("$name: exit code $rc")
        total_failed=$((total_failed + 1))
    fi
done

status=0
if [[ ${#problems[@]} -gt 0 ]]; then
    err "failing projects:"
    printf '  - %s\n' "${problems[@]}" >&2
    status=1
fi
if [[ ${#projects[@]} -eq 0 ]]; then
    err "no test projects found under tests/*/*.csproj"
    status=1
fi
if [[ $tests_ran -eq 0 ]]; then
    err "zero tests ran"
    status=1
fi
[[ -n ${LEADWERK_TEST_RESULTS:-} ]] && log "TRX results kept in $RESULTS_ROOT"

# Stop PostgreSQL before the summary so the summary really is the last line.
stop_postgres
echo "${total_passed} passed, ${total_failed} failed"
exit "$status"
