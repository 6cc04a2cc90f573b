#!/usr/bin/env bash
# scripts/backup.sh — a consistent, checked copy of the Leadwerk database, while the app runs.
#
#   scripts/backup.sh               writes backups/leadwerk-YYYYMMDD-HHMMSSZ.db (SQLite) or .dump (PostgreSQL)
#   scripts/backup.sh DIR           the same file name in DIR (a path without extension is a directory)
#   scripts/backup.sh FILE.db       exactly this file, e.g. FILE.db or FILE.dump (never overwritten)
#
# It reads the same settings as the app (Database:Provider, ConnectionStrings:Leadwerk from
# src/Leadwerk.Web/appsettings.json, the environment or --Key=value after the destination), from
# the same working directory as scripts/run.sh, so it copies the database that run.sh serves.
#
# How: the app's own `backup` command (src/Leadwerk.Web/Backup/).
#   SQLite      SQLite's online backup API through Microsoft.Data.Sqlite: nothing to install beyond
#               the .NET SDK (no sqlite3 tool needed). The copy is one read transaction: it holds
#               every transaction committed before the copy began, whole, and none committed later;
#               the app keeps writing meanwhile (WAL). Then PRAGMA integrity_check on the copy.
#   PostgreSQL  pg_dump --format=custom (one snapshot, the same promise), then pg_restore --list on
#               the file. pg_dump comes from the newest /usr/lib/postgresql/N/bin, LEADWERK_PG_BIN,
#               or PATH (apt-get install -y postgresql-client); it must be as new as the server.
# A backup is written under FILE.partial and renamed only once it passed its check.
# The path of the backup is the one line on standard output; progress goes to standard error.
#
# Environment: LEADWERK_APP_DLL=path/to/Leadwerk.Web.dll uses that build instead of building
# src/Leadwerk.Web in Release first (the tests pass the build they run).
# Restore with scripts/restore.sh. Exit codes: 0 done, 1 failed, 2 refused or misused.
set -euo pipefail

export NUGET_CERT_REVOCATION_MODE=offline
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "${1:-}" in
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

DEST="${1:-$ROOT/backups/}"
[[ $# -gt 0 ]] && shift
# Relative to where the script was called from, not to the app's directory.
[[ $DEST == /* ]] || DEST="$PWD/$DEST"

DLL="${LEADWERK_APP_DLL:-}"
if [[ -z $DLL ]]; then
    dotnet build "$ROOT/src/Leadwerk.Web/Leadwerk.Web.csproj" -c Release -v quiet -nologo >&2
    DLL="$ROOT/src/Leadwerk.Web/bin/Release/net10.0/Leadwerk.Web.dll"
fi

# scripts/run.sh serves from this directory: appsettings.json and the default data/leadwerk.db.
cd "$ROOT/src/Leadwerk.Web"
exec dotnet "$DLL" backup "$DEST" "$@"
