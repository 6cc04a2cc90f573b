#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migrations projects.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
export NUGET_CERT_REVOCATION_MODE=offline DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build src/Leadwerk.Web >/dev/null
dotnet ef migrations add "$name" --project src/Leadwerk.Migrations.Sqlite \
  --startup-project src/Leadwerk.Web --output-dir Migrations -- --Database:Provider=sqlite
dotnet ef migrations add "$name" --project src/Leadwerk.Migrations.Postgres \
  --startup-project src/Leadwerk.Web --output-dir Migrations -- --Database:Provider=postgres \
  "--ConnectionStrings:Leadwerk=Host=127.0.0.1;Database=design_time_only"
