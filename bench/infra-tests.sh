#!/usr/bin/env bash
# Wall time of the infrastructure test project after a build, as CI runs it (Release, --no-build).
set -euo pipefail
cd "$(dirname "$0")/.."
project=tests/BlueGreen.Infrastructure.Tests/BlueGreen.Infrastructure.Tests.csproj
dotnet build "$project" -c Release -nologo -clp:ErrorsOnly >/dev/null
start=$(date +%s%N)
dotnet test "$project" -c Release --no-build -nologo | grep -E '(Passed|Failed)!'
end=$(date +%s%N)
echo "infrastructure tests: $(( (end - start) / 1000000 )) ms wall"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
