#!/usr/bin/env bash
# The rehearsal on a busy machine: BUSY CPU-bound shell loops (default 8) compete for the cores
# while `bluegreen rehearse` runs with the load left to its calibration (sandbox.requestRate: auto)
# three times: clean, --fault green:errors=20%, --fault green:errors=2%. For each: the exit code,
# the calibration's figures, user requests and failures, when the engine decided (seconds from the
# first step that gave green traffic to the rollback, or to completion), and the load average.
# Every loop ends with the script (trap) and by itself after 15 minutes (timeout).
# Usage: bench/busy-rehearsal.sh [BUSY] [STEPS]   (STEPS default "50, 100": with eight loops the
# calibrated load is small, and the configured 10 % step would lengthen the interval up to 30 times)
set -euo pipefail
cd "$(dirname "$0")/.."
busy="${1:-8}"
steps="${2:-50, 100}"
work="$(mktemp -d)"
loops=()
cleanup() {
  # timeout passes TERM on to its loop (a KILL would end timeout alone and orphan the loop).
  for pid in "${loops[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build src/BlueGreen.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
cp bluegreen.yaml "$work/bluegreen.yaml"
if [ -n "$steps" ]; then sed -i "s/^  steps: \[[^]]*\]/  steps: [$steps]/" "$work/bluegreen.yaml"; fi
grep -q '^  requestRate: auto' "$work/bluegreen.yaml" || { echo "bluegreen.yaml must leave sandbox.requestRate to the calibration (auto)" >&2; exit 2; }

for _ in $(seq 1 "$busy"); do timeout -s KILL 900 sh -c 'while :; do :; done' & loops+=($!); done
echo "$busy CPU-bound loops on $(nproc) cores; $(date -u +%FT%TZ)"

run() { # NAME [rehearse args...]
  local name="$1"; shift
  local before rc=0 report="$work/$name"
  before="$(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet src/BlueGreen.Cli/bin/Release/net10.0/bluegreen.dll rehearse --config "$work/bluegreen.yaml" --report "$report" "$@" \
    > "$work/$name.out" 2>&1 || rc=$?
  python3 - "$name" "$rc" "$before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$report" <<'PY'
import glob, json, sys
from datetime import datetime
name, rc, before, after, report = sys.argv[1:]
directory = glob.glob(f"{report}/rehearsal-*")[0]
summary = json.load(open(f"{directory}/summary.json"))
events = [json.loads(line) for line in open(f"{directory}/events.jsonl")]
at = lambda e: datetime.fromisoformat(e["at"])
first = lambda kind: next((e for e in events if e["kind"] == kind), None)
calibrated = first("load-calibrated")
lengthened = first("interval-lengthened")
step = first("weightsApplied")
decided = first("rollbackStarted") or first("drainStarted") or first("paused")
user, load = summary["userTraffic"], summary["load"]
print(f"{name}: exit {rc}, {summary['outcome']}: {summary['reason']}")
print(f"  {calibrated['message'] if calibrated else 'no calibration'}; interval {load['intervalSeconds']} s" + (" (lengthened)" if lengthened else ""))
by = ", ".join(f"{c} {v['requests']}/{v['failed']} failed" for c, v in user["byColour"].items())
print(f"  user requests {user['requests']}, failed {user['failed']} ({by}); misrouted {user['misrouted']}")
if step and decided:
    print(f"  decided ({decided['kind']}) {(at(decided) - at(step)).total_seconds():.1f} s after green first took traffic")
print(f"  load average before {before}, after {after}")
PY
}

run clean
run errors-20 --fault green:errors=20%
run errors-2 --fault green:errors=2%
