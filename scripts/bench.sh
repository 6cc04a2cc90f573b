#!/usr/bin/env bash
# scripts/bench.sh — THE one command that runs the Leadwerk benchmark suite (issue 6, SPEC B8).
#
# For each provider it creates a fresh database, fills it with bench/Leadwerk.Bench `generate`
# (deterministic data, bulk paths: SQLite prepared inserts in 50k-row transactions, PostgreSQL
# binary COPY), then `run` times Leadwerk's own services against the same queries written by hand
# in plain SQL (the floor), and writes docs/performance.md (both providers' tables, the machine,
# the date, the data sizes and the command to reproduce).
#
# PostgreSQL runs in a throwaway cluster (own temp dir, 127.0.0.1 only, trust auth, port 56432 or
# the next free one), stopped and removed on exit, as in scripts/test.sh. Needs the PostgreSQL
# server binaries (apt-get install postgresql); without them use --sqlite-only.
# The HTTP throughput scenario starts the app itself on a loopback port and loads it with wrk,
# which this script installs with apt-get when it is missing and it runs as root.
#
# Usage: scripts/bench.sh [--quick] [--persons N] [--companies N] [--sqlite-only] [--output FILE] [--matrix-output FILE]
#   default sizes: 200,000 companies and 1,000,000 persons (a few minutes to generate per provider)
#   --quick        2,000 companies, 10,000 persons, few iterations (what CI's smoke test runs)
#   --output FILE  default docs/performance.md
#   --matrix-output FILE  default docs/performance-matrix.md (issue 17: what users do over HTTP, cell by cell)
# Environment: LEADWERK_BENCH_DIR keeps the generated databases there instead of a removed temp dir.
set -euo pipefail

export NUGET_CERT_REVOCATION_MODE=offline DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export MSBUILDDISABLENODEREUSE=1

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

ARGS="$*"
QUICK=()
SIZES=()
SQLITE_ONLY=0
OUTPUT=docs/performance.md
MATRIX_OUTPUT=docs/performance-matrix.md
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) QUICK=(--quick); shift ;;
        --persons) SIZES+=(--persons "$2"); shift 2 ;;
        --companies) SIZES+=(--companies "$2"); shift 2 ;;
        --sqlite-only) SQLITE_ONLY=1; shift ;;
        --output) OUTPUT="$2"; shift 2 ;;
        --matrix-output) MATRIX_OUTPUT="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

log() { printf '==> %s\n' "$*"; }

WORKDIR="$(mktemp -d "${TMPDIR:-/tmp}/leadwerk-bench.XXXXXX")"
DATADIR="${LEADWERK_BENCH_DIR:-$WORKDIR/data}"
mkdir -p "$DATADIR"
PGDIR=""
PGBIN=""
PG_STARTED=0

as_pg_user() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# shellcheck disable=SC2317  # invoked via trap
cleanup() {
    local rc=$?
    set +e
    if [[ $PG_STARTED -eq 1 ]]; then
        as_pg_user "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w -t 60 stop >/dev/null 2>&1
    fi
    [[ -n $PGDIR ]] && rm -rf -- "$PGDIR"
    rm -rf -- "$WORKDIR"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_postgres() {
    local d p
    while IFS= read -r d; do
        if [[ -x $d/initdb && -x $d/pg_ctl ]]; then PGBIN="$d"; fi
    done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
    [[ -n $PGBIN ]] || { echo "PostgreSQL server binaries not found (apt-get install postgresql), or use --sqlite-only" >&2; exit 1; }
    PGDIR="$(mktemp -d /tmp/leadwerk-bench-pg.XXXXXX)"
    if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$PGDIR"; fi
    as_pg_user "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1
    for ((p = 56432; p < 56532; p++)); do
        if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$p" >/dev/null 2>&1; then continue; fi
        if as_pg_user "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 60 \
                -o "-p $p -k $PGDIR -c listen_addresses=127.0.0.1" start >/dev/null 2>&1; then
            PG_STARTED=1
            PG_PORT=$p
            log "PostgreSQL running on 127.0.0.1:$PG_PORT ($PGBIN)"
            return 0
        fi
    done
    echo "could not start PostgreSQL" >&2
    exit 1
}

if ! command -v wrk >/dev/null 2>&1; then
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        echo "wrk (the HTTP load generator) is missing; install it with: sudo apt-get install -y wrk" >&2
        exit 1
    fi
    log "installing wrk (apt-get install -y wrk)"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update && apt-get install -y wrk; } >"$WORKDIR/apt.log" 2>&1 || { cat "$WORKDIR/apt.log"; echo "apt-get install -y wrk failed" >&2; exit 1; }
fi

log "dotnet build bench/Leadwerk.Bench -c Release"
dotnet build bench/Leadwerk.Bench -c Release -o "$WORKDIR/bin" >"$WORKDIR/build.log" 2>&1 || { cat "$WORKDIR/build.log"; exit 1; }
BENCH=(dotnet "$WORKDIR/bin/Leadwerk.Bench.dll")

bench() {
    local provider=$1 connection=$2 report=$3
    log "$provider: generate"
    "${BENCH[@]}" generate --provider "$provider" --connection "$connection" "${QUICK[@]}" "${SIZES[@]}"
    # The matrix first: it reads the data as generated (run's jobs change owners and add persons).
    log "$provider: matrix (what users do, over HTTP, beside the floor)"
    "${BENCH[@]}" matrix --provider "$provider" --connection "$connection" "${QUICK[@]}" --output "${report%.md}.matrix.md"
    log "$provider: run"
    "${BENCH[@]}" run --provider "$provider" --connection "$connection" "${QUICK[@]}" --output "$report"
}

rm -f -- "$DATADIR/bench.db" "$DATADIR/bench.db-wal" "$DATADIR/bench.db-shm"
bench sqlite "Data Source=$DATADIR/bench.db" "$WORKDIR/sqlite.md"
REPORTS=("$WORKDIR/sqlite.md")
if [[ $SQLITE_ONLY -eq 0 ]]; then
    start_postgres
    bench postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=leadwerk_bench" "$WORKDIR/postgres.md"
    REPORTS+=("$WORKDIR/postgres.md")
fi

mkdir -p "$(dirname "$OUTPUT")"
{
    # The temporary directory's name says nothing to a reader: it is written as $WORKDIR.
    for r in "${REPORTS[@]}"; do sed "s|$WORKDIR|\$WORKDIR|g" "$r"; echo; done
    echo "All of the above: \`scripts/bench.sh${ARGS:+ $ARGS}\`"
} >"$OUTPUT"
log "wrote $OUTPUT"
{
    for r in "${REPORTS[@]}"; do sed "s|$WORKDIR|\$WORKDIR|g" "${r%.md}.matrix.md"; echo; done
    echo "All of the above: \`scripts/bench.sh${ARGS:+ $ARGS}\`"
} >"$MATRIX_OUTPUT"
log "wrote $MATRIX_OUTPUT"
