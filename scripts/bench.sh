#!/usr/bin/env bash
# scripts/bench.sh — THE one command that runs the Leadwerk benchmark suite (issues 6 and 17, SPEC B8).
#
# For each provider it creates a fresh database, fills it with bench/Leadwerk.Bench `generate`
# (deterministic data, bulk paths: SQLite prepared inserts in 50k-row transactions, PostgreSQL
# binary COPY), then
#   `matrix` times what users do through the real app over loopback HTTP, cell by cell beside the
#            fastest hand-written SQL (the floor), plus first-row times in Chromium;
#   `run`    times Leadwerk's own services against the same queries in plain SQL, the dashboard, the
#            forms and the HTTP throughput under wrk;
#   `jobs`   imports a CSV of 1,000,000 rows, bulk-updates those persons, undoes it and rolls the
#            import back, over HTTP, with the app's peak memory;
# and, unless --quick, runs the main matrix cells again on fresh databases of 10k and 100k persons
# and draws p95 against data size (`plot`, ScottPlot).
# Reports go to docs/performance/ (run-<provider>.md, matrix-<provider>.md, jobs-<provider>.md,
# growth-<provider>.svg); docs/performance.md is written by hand and reads them.
#
# PostgreSQL runs in a throwaway cluster (own temp dir, 127.0.0.1 only, trust auth, port 56432 or
# the next free one), stopped and removed on exit, as in scripts/test.sh. Needs the PostgreSQL
# server binaries (apt-get install postgresql); without them use --sqlite-only.
# The HTTP throughput scenario loads the app with wrk, which this script installs with apt-get when
# it is missing and it runs as root; the browser cells need Chromium (/usr/bin/chromium, or set
# LEADWERK_CHROMIUM), installed the same way.
#
# Usage: scripts/bench.sh [--quick] [--persons N] [--companies N] [--sqlite-only] [--output-dir DIR]
#   default sizes: 200,000 companies and 1,000,000 persons (a few minutes to generate per provider)
#   --quick        2,000 companies, 10,000 persons, few iterations, 2,000 job rows, no growth plot
#   --output-dir   default docs/performance
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
OUTPUT_DIR=docs/performance
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) QUICK=(--quick); shift ;;
        --persons) SIZES+=(--persons "$2"); shift 2 ;;
        --companies) SIZES+=(--companies "$2"); shift 2 ;;
        --sqlite-only) SQLITE_ONLY=1; shift ;;
        --output-dir) OUTPUT_DIR="$2"; shift 2 ;;
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

install() {
    local command=$1 package=$2 what=$3
    command -v "$command" >/dev/null 2>&1 && return 0
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        echo "$what is missing; install it with: sudo apt-get install -y $package" >&2
        exit 1
    fi
    log "installing $package (apt-get install -y $package)"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update && apt-get install -y "$package"; } >"$WORKDIR/apt.log" 2>&1 || { cat "$WORKDIR/apt.log"; echo "apt-get install -y $package failed" >&2; exit 1; }
}
install wrk wrk "wrk (the HTTP load generator)"
if [[ -z ${LEADWERK_CHROMIUM:-} ]]; then
    install chromium chromium "Chromium (the browser cells of the matrix)"
    export LEADWERK_CHROMIUM=/usr/bin/chromium
fi

log "dotnet build bench/Leadwerk.Bench -c Release"
dotnet build bench/Leadwerk.Bench -c Release -o "$WORKDIR/bin" >"$WORKDIR/build.log" 2>&1 || { cat "$WORKDIR/build.log"; exit 1; }
BENCH=(dotnet "$WORKDIR/bin/Leadwerk.Bench.dll")

bench() {
    local provider=$1 connection=$2 fresh=$3
    log "$provider: generate"
    "${BENCH[@]}" generate --provider "$provider" --connection "$connection" "${QUICK[@]}" "${SIZES[@]}"
    # The matrix first: it reads the data as generated (run's jobs change owners and add persons).
    log "$provider: matrix (what users do, over HTTP, beside the floor)"
    "${BENCH[@]}" matrix --provider "$provider" --connection "$connection" "${QUICK[@]}" --output "$WORKDIR/matrix-$provider.md"
    log "$provider: run"
    "${BENCH[@]}" run --provider "$provider" --connection "$connection" "${QUICK[@]}" --output "$WORKDIR/run-$provider.md"
    log "$provider: jobs (import, bulk update, undo, rollback)"
    "${BENCH[@]}" jobs --provider "$provider" --connection "$connection" "${QUICK[@]}" --output "$WORKDIR/jobs-$provider.md"
    if [[ ${#QUICK[@]} -eq 0 ]]; then
        local persons numbers=("$WORKDIR/matrix-$provider.json")
        for persons in 10000 100000; do
            log "$provider: main cells at $persons persons (the growth plot)"
            "$fresh"
            "${BENCH[@]}" generate --provider "$provider" --connection "$connection" --persons "$persons" --companies $((persons / 5))
            "${BENCH[@]}" matrix --provider "$provider" --connection "$connection" --main --output "$WORKDIR/matrix-$provider-$persons.md"
            numbers+=("$WORKDIR/matrix-$provider-$persons.json")
        done
        "${BENCH[@]}" plot --output "$WORKDIR/growth-$provider.svg" "${numbers[@]}"
    fi
}

fresh_sqlite() { rm -f -- "$DATADIR/bench.db" "$DATADIR/bench.db-wal" "$DATADIR/bench.db-shm"; }
fresh_postgres() { as_pg_user "$PGBIN/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists leadwerk_bench; }

fresh_sqlite
bench sqlite "Data Source=$DATADIR/bench.db" fresh_sqlite
PROVIDERS=(sqlite)
if [[ $SQLITE_ONLY -eq 0 ]]; then
    start_postgres
    bench postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=leadwerk_bench" fresh_postgres
    PROVIDERS+=(postgres)
fi

mkdir -p "$OUTPUT_DIR"
for provider in "${PROVIDERS[@]}"; do
    for report in run matrix jobs; do
        # The temporary directory's name says nothing to a reader: it is written as $WORKDIR.
        { sed "s|$WORKDIR|\$WORKDIR|g" "$WORKDIR/$report-$provider.md"; echo; echo "All of the above: \`scripts/bench.sh${ARGS:+ $ARGS}\`"; } \
            >"$OUTPUT_DIR/$report-$provider.md"
    done
    cp -- "$WORKDIR/matrix-$provider.json" "$OUTPUT_DIR/"
    [[ -f $WORKDIR/growth-$provider.svg ]] && cp -- "$WORKDIR/growth-$provider.svg" "$OUTPUT_DIR/"
done
log "wrote $OUTPUT_DIR"
