#!/usr/bin/env bash
# GET / side by side in one run, one dynalite with ITEMS items (default 100):
#   the sample app (Release build, as the sandbox starts it), and again with BLUEGREEN_ITEMS_CACHE=0s
#   (a scan on every request) to show what the cache is worth,
#   the reference-like app (bench/ratio/reference_app.py: FastAPI under uvicorn, a new DynamoDB
#   client per request, as the reference system's app),
#   dynalite's own Scan of the table, sent straight to it.
# Each is loaded with `wrk -t2 -c16` for SECONDS (default 15) after a 3 s warm-up, one at a time;
# prints requests/s of each and the two ratios. Exits 1 if any answer was not a 2xx.
# Needs: wrk, python3-fastapi, python3-uvicorn, python3-boto3 (Debian packages), node and the
# pinned dynalite (npm ci --prefix tools/dynalite).
# Usage: bench/sample-app-ratio.sh [SECONDS] [ITEMS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
items="${2:-100}"
python=/usr/bin/python3
table=test-dynamodb
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { # URL: waits up to 60 s for a 2xx
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "no answer from $1 within 60 s" >&2; return 1
}

dotnet build samples/SampleApp -c Release -nologo -clp:ErrorsOnly >/dev/null
mkfifo "$work/dynalite.in"
node tools/dynalite/serve.js 0 < "$work/dynalite.in" > "$work/dynalite.out" 2>&1 &
pids+=($!)
exec 3> "$work/dynalite.in"   # dynalite exits when this closes
for _ in $(seq 1 100); do grep -q '^listening ' "$work/dynalite.out" && break; sleep 0.1; done
db_port="$(sed -n 's/^listening //p' "$work/dynalite.out")"
export AWS_ENDPOINT_URL_DYNAMODB="http://127.0.0.1:$db_port" AWS_REGION=ap-northeast-1 AWS_DEFAULT_REGION=ap-northeast-1 \
  AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_EC2_METADATA_DISABLED=true BENCH_TABLE="$table"
echo "dynalite on 127.0.0.1:$db_port, items: $("$python" bench/ratio/seed.py "$items" "$table")"

app_port="$(free_port)"
BLUEGREEN_TABLE_NAME="$table" BLUEGREEN_COLOUR=blue ASPNETCORE_URLS="http://127.0.0.1:$app_port" \
  dotnet samples/SampleApp/bin/Release/net10.0/SampleApp.dll > "$work/app.out" 2>&1 &
pids+=($!)
uncached_port="$(free_port)"
BLUEGREEN_TABLE_NAME="$table" BLUEGREEN_COLOUR=blue BLUEGREEN_ITEMS_CACHE=0s ASPNETCORE_URLS="http://127.0.0.1:$uncached_port" \
  dotnet samples/SampleApp/bin/Release/net10.0/SampleApp.dll > "$work/uncached.out" 2>&1 &
pids+=($!)
ref_port="$(free_port)"
(cd bench/ratio && exec "$python" -m uvicorn reference_app:app --host 127.0.0.1 --port "$ref_port" --log-level warning) > "$work/ref.out" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$app_port/readyz"
wait_http "http://127.0.0.1:$uncached_port/readyz"
wait_http "http://127.0.0.1:$ref_port/"

failed=0
measure() { # NAME URL [wrk args...]: prints "NAME requests/s", sets $rate
  local name="$1" url="$2"; shift 2
  wrk -t2 -c16 -d3s "$@" "$url" > /dev/null
  wrk -t2 -c16 -d"${seconds}s" --latency "$@" "$url" > "$work/wrk.out"
  rate="$(awk '/^Requests\/sec:/ {print $2}' "$work/wrk.out")"
  local total p50 p99 bad
  total="$(awk '/requests in/ {print $1}' "$work/wrk.out")"
  p50="$(awk '$1=="50%" {print $2}' "$work/wrk.out")"
  p99="$(awk '$1=="99%" {print $2}' "$work/wrk.out")"
  bad="$(awk '/Non-2xx/ {print $NF}' "$work/wrk.out")"; bad="${bad:-0}"
  errors="$(awk '/Socket errors/ {print}' "$work/wrk.out")"
  [ "$bad" = 0 ] && [ -z "$errors" ] || failed=1
  printf '%-28s %10s requests/s  %8s requests  p50 %8s  p99 %8s  non-2xx %s %s\n' "$name" "$rate" "$total" "$p50" "$p99" "$bad" "$errors"
}

echo "wrk -t2 -c16, ${seconds} s each after 3 s warm-up; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure "sample app GET /" "http://127.0.0.1:$app_port/"; sample="$rate"
measure "sample app, no cache, GET /" "http://127.0.0.1:$uncached_port/"; uncached="$rate"
measure "reference-like app GET /" "http://127.0.0.1:$ref_port/"; reference="$rate"
measure "dynalite Scan (direct)" "http://127.0.0.1:$db_port/" -s bench/ratio/scan.lua; scan="$rate"
awk -v s="$sample" -v u="$uncached" -v r="$reference" -v d="$scan" 'BEGIN {
  printf "sample / reference-like: x%.1f (goal x10); sample / dynalite Scan: %.0f %% (goal 60 %%)\n", s / r, 100 * s / d
  printf "without the cache: x%.1f the reference-like app, %.0f %% of dynalite Scan\n", u / r, 100 * u / d }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$failed"
