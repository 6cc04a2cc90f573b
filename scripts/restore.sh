#!/usr/bin/env bash
# scripts/restore.sh — puts a backup made by scripts/backup.sh into a directory or database.
#
#   scripts/restore.sh BACKUP.db DIR          SQLite: DIR/leadwerk.db (DIR is created)
#   scripts/restore.sh BACKUP.db FILE.db      SQLite: that file
#   scripts/restore.sh BACKUP.dump DATABASE   PostgreSQL: that database (created when missing) on the
#                                             server of ConnectionStrings:Leadwerk, whose Database it replaces
#   ... --force                               overwrite an existing file or a database with tables
#   scripts/restore.sh --verify BACKUP        only check a backup (integrity_check / pg_restore --list)
#
# The kind of backup is read from the file itself. The backup is checked before anything is
# written (PRAGMA integrity_check / pg_restore --list) and the result after.
# Refused without --force: a SQLite file that exists — also when a running app has it open (found
# through /proc) — and a PostgreSQL database that has tables or connected sessions. With --force:
#   SQLite      the file is overwritten through SQLite's backup API, under its write lock, so even a
#               running app's readers see the old or the new database whole; restart that app anyway,
#               as it caches lists and sessions.
#   PostgreSQL  pg_restore --clean --if-exists in one transaction: the backup, or nothing changed.
# Start the app on the result as the last line says (ConnectionStrings__Leadwerk=...).
# Settings and LEADWERK_APP_DLL as for scripts/backup.sh. Exit codes: 0 done, 1 failed, 2 refused.
set -euo pipefail

export NUGET_CERT_REVOCATION_MODE=offline
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }
COMMAND=restore
case "${1:-}" in
    -h|--help) usage; exit 0 ;;
    --verify) COMMAND=verify; shift ;;
esac
if [[ $COMMAND == restore && $# -lt 2 || $# -lt 1 ]]; then usage >&2; exit 2; fi

BACKUP="$1"; TARGET="${2:-}"; shift $(( $# < 2 ? $# : 2 ))
[[ $BACKUP == /* ]] || BACKUP="$PWD/$BACKUP"
# A SQLite target is a path, relative to the caller; a PostgreSQL target is a database name.
if [[ $(head -c 15 -- "$BACKUP" 2>/dev/null | tr -d '\0') == "SQLite format 3" && $TARGET != /* ]]; then
    TARGET="$PWD/$TARGET"
fi

DLL="${LEADWERK_APP_DLL:-}"
if [[ -z $DLL ]]; then
    dotnet build "$ROOT/src/Leadwerk.Web/Leadwerk.Web.csproj" -c Release -v quiet -nologo >&2
    DLL="$ROOT/src/Leadwerk.Web/bin/Release/net10.0/Leadwerk.Web.dll"
fi

cd "$ROOT/src/Leadwerk.Web"
if [[ $COMMAND == verify ]]; then
    exec dotnet "$DLL" verify "$BACKUP"
fi
exec dotnet "$DLL" restore "$BACKUP" "$TARGET" "$@"
