#!/usr/bin/env bash
# Wall time of a full synthesis of every stack, CDK runtime start included: `bluegreen synth` and
# `npx cdk synth` (which also runs the incremental build named in cdk.json). Median and max of N runs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
[ -d node_modules/aws-cdk ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build src/BlueGreen.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build src/BlueGreen.Infrastructure -c Release -nologo -clp:ErrorsOnly >/dev/null
cli=src/BlueGreen.Cli/bin/Release/net10.0/bluegreen

measure() { # $1: label; the rest: the command
  local label="$1"; shift
  local times=()
  for _ in $(seq "$runs"); do
    rm -rf bench/out/synth cdk.out
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted median max
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | awk -v n="$runs" 'NR == int((n + 1) / 2)')
  max=$(echo "$sorted" | tail -1)
  echo "$label: median ${median} ms, max ${max} ms over ${runs} runs"
}

measure "bluegreen synth" "$cli" synth --out bench/out/synth
measure "npx cdk synth" npx cdk synth -q
# Both paths must write the same templates: the last runs of each are still on disk.
"$cli" synth --out bench/out/synth >/dev/null 2>&1
for template in bench/out/synth/*.template.json; do
  cmp -s "$template" "cdk.out/$(basename "$template")" || { echo "differs: $(basename "$template")"; exit 1; }
done
echo "bluegreen synth and npx cdk synth wrote identical templates"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
