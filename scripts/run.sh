#!/usr/bin/env bash
# scripts/run.sh — the one command to run Leadwerk locally.
#
#   scripts/run.sh            build (Release) and serve on http://127.0.0.1:5080
#   scripts/run.sh --demo     arguments after the script name are passed to the app
#   LEADWERK_URLS=http://127.0.0.1:8080 scripts/run.sh
#
# Plain http on 127.0.0.1 only (no HTTPS dev certificate on our machines).
set -euo pipefail

export NUGET_CERT_REVOCATION_MODE=offline
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false

cd "$(dirname "${BASH_SOURCE[0]}")/.."

URLS="${LEADWERK_URLS:-http://127.0.0.1:5080}"

dotnet build src/Leadwerk.Web/Leadwerk.Web.csproj -c Release

echo "==> Leadwerk: starting on ${URLS} (Ctrl-C to stop)"
exec dotnet run --no-build -c Release --project src/Leadwerk.Web --no-launch-profile \
    --urls "${URLS}" -- "$@"
