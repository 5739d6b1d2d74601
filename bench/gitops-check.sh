#!/usr/bin/env bash
# Wall time of `bluegreen gitops render --check` on the committed tree, after a Release build: median and max of N runs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
dotnet build src/BlueGreen.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
cli=src/BlueGreen.Cli/bin/Release/net10.0/bluegreen
"$cli" gitops render --check >/dev/null # warm the file cache
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$cli" gitops render --check >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk -v n="$runs" 'NR == int((n + 1) / 2)')
max=$(echo "$sorted" | tail -1)
echo "bluegreen gitops render --check: median ${median} ms, max ${max} ms over ${runs} runs"
