#!/usr/bin/env bash
# Two operators race for the S3 lock on moto_server, ROUNDS rounds (default 50) with seeded start skew:
# prints each round's skew and winner, then the totals. Every round must have exactly one winner.
# Usage: bench/lock-race.sh [ROUNDS]   (after scripts/test or a Release build of the tests)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-50}"
dotnet build tests/BlueGreen.Cli.Tests -c Release -nologo -clp:ErrorsOnly >/dev/null
BLUEGREEN_LOCK_RACE_ROUNDS="$rounds" dotnet test tests/BlueGreen.Cli.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~LockRaceTests" --logger "console;verbosity=detailed" \
  | grep -E "^ *(round [0-9]+:|[0-9]+ rounds:)|Passed!|Failed!"
