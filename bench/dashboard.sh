#!/usr/bin/env bash
# Times the analytics dashboard and the Stats API on a big, realistic data set (issue 5's benchmark):
# bench/DashboardBench generates EVENTS events (default 10 million) over the last 12 months for one site into a
# real DuckDB store — power-law pages, referrers and countries, weekly and diurnal rhythm, 1–20 pageviews per
# session with engagement, outbound-link, file-download and 404 events — then `candor serve` runs on it
# (public dashboard, an API key from `candor keys create`) and every call is timed warm: p50/p95 over RUNS runs.
# Target (issue 5): the 30-day dashboard (all panels) in <= 300 ms p50.
# Loopback only. The generated store is kept in bench/out/dashboard/data and reused while it is from today and
# the same size (generation takes minutes); --regenerate forces a new one.
#
#   bench/dashboard.sh [--events 10000000] [--runs 20] [--regenerate]
set -euo pipefail
cd "$(dirname "$0")/.."

events=10000000 runs=20 regenerate=no
while (($#)); do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --regenerate) regenerate=yes; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -d data/node_modules/uap-core ] || { echo "analytics data sets are missing: (cd data && npm ci)" >&2; exit 2; }

site=bench.example
out=$PWD/bench/out/dashboard
mkdir -p "$out"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "Building Candor and bench/DashboardBench (Release) ..."
dotnet build -c Release src/Candor.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/DashboardBench -v q -nologo >/dev/null
candor=(dotnet "$PWD/src/Candor.Cli/bin/Release/net10.0/candor.dll")
bench=(dotnet "$PWD/bench/DashboardBench/bin/Release/net10.0/DashboardBench.dll")

stamp="$events $(date -u +%F)"
if [ "$regenerate" = yes ] || [ "$(cat "$out/data/.generated" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$out/data" && mkdir -p "$out/data"
  echo "Generating $events events (takes a few minutes) ..."
  "${bench[@]}" generate "$out/data" "$site" "$events"
  echo "$stamp" > "$out/data/.generated"
else
  echo "Reusing the generated store in $out/data ($stamp)"
fi
rm -f "$out/data/api-keys.json"
key=$("${candor[@]}" keys create --site "$site" --data "$out/data" | tail -n 1)

rm -rf "$out/site" && mkdir -p "$out/site" && echo "<h1>bench</h1>" > "$out/site/index.html"
port=$(free_port)
"${candor[@]}" serve "$out/site" --port "$port" --no-watch --analytics-site "$site" --data "$out/data" \
  --public-stats --access-log off > "$out/candor.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { echo "candor serve did not start:"; cat "$out/candor.log"; exit 1; }

echo "Store: $(du -h "$out/data/analytics.duckdb" | cut -f1), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"${bench[@]}" measure "http://127.0.0.1:$port" "$site" "$key" "$runs" | tee "$out/result.txt"
p50=$(awk '/^dashboard 30d \(all panels\)/ {print $(NF-2)}' "$out/result.txt")
[ -n "$p50" ] && python3 -c "import sys; p=float(sys.argv[1]); print(f'30-day dashboard p50 {p:.0f} ms (target <= 300 ms)  ' + ('PASS' if p <= 300 else 'MISS'))" "$p50"
