#!/usr/bin/env bash
# CPU used by the engine alone: `bluegreen upgrade` in its own process against `bluegreen sandbox up`
# (default plan and load), measured with bash's time. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/BlueGreen.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
cli=src/BlueGreen.Cli/bin/Release/net10.0/bluegreen
work=$(mktemp -d)
cp bluegreen.yaml "$work/"
"$cli" sandbox up --config "$work/bluegreen.yaml" >"$work/up.log" 2>&1 &
up=$!
trap 'kill -TERM $up 2>/dev/null; wait $up 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 120); do [ -f "$work/.bluegreen/sandbox.json" ] && break; sleep 0.5; done
start=$(date +%s%N)
TIMEFORMAT='%U %S'
cpu=$( { time "$cli" upgrade --config "$work/bluegreen.yaml" >"$work/upgrade.log" 2>&1; } 2>&1 | tail -1)
end=$(date +%s%N)
wall=$(( (end - start) / 1000000 ))
read -r user sys <<<"$cpu"
echo "engine process (bluegreen upgrade): user ${user} s + system ${sys} s of CPU over ${wall} ms wall; $(tail -1 "$work/upgrade.log")"
