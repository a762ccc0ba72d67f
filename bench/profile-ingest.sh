#!/usr/bin/env bash
# Where Candor's CPU goes while it ingests: runs `candor serve` (Release, access log on) under the same wrk load as
# bench/ingest.sh, records it with `perf` (JIT'd .NET code named through perf maps) and prints Candor's CPU time per
# event, the split by thread, and the hottest functions (self and inclusive). Not a benchmark (no ratio, no verdict):
# the tool used to decide what to change next. Loopback only; the load is bounded by --seconds.
# Needs: perf (apt-get install linux-perf), wrk, and `(cd data && npm ci)` once.
#
#   bench/profile-ingest.sh [--seconds 8] [--top 40]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=8 top=40
while (($#)); do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --top) top=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in perf wrk; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 2; }; done
[ -d data/node_modules/uap-core ] || { echo "analytics data sets are missing: (cd data && npm ci)" >&2; exit 2; }

out=$PWD/bench/out/profile-ingest
rm -rf "$out" && mkdir -p "$out"
dotnet build -c Release src/Candor.Cli -v q -nologo >/dev/null
python3 bench/generate-site.py "$out/site" --posts 20 --pages 5 >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

set -m
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet src/Candor.Cli/bin/Release/net10.0/candor.dll serve "$out/site" \
  --port "$port" --no-watch --analytics-site bench.example --data "$out/data" --trusted-proxy 127.0.0.1 \
  --access-log "$out/logs" > "$out/candor.log" 2>&1 &
pid=$!
set +m
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

load() { wrk -t2 -c64 -d"$1s" -s bench/ingest.lua "http://127.0.0.1:$port/api/event" -- bench.example "$1" | grep '^RESULT'; }
load 4 >/dev/null # warm-up: the JIT's optimised code, not its first tier, is what gets profiled
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
c0=$(cpu)
load $((seconds + 3)) > "$out/wrk.txt" &
loader=$!
sleep 1
perf record -F 499 -g -p "$pid" -o "$out/perf.data" -- sleep "$seconds" >/dev/null 2>&1
wait "$loader"
c1=$(cpu)
requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$out/wrk.txt")
python3 -c "t = ($c1 - $c0) / 100; print(f'{$requests / ($seconds + 3):.0f} events/s, Candor CPU {t:.2f} s = {t / $requests * 1e6:.1f} µs per event')"

report() { perf report -i "$out/perf.data" "$@" -g none 2>/dev/null | grep -v '^#' | grep -v '^$'; }
echo; echo "== CPU by thread (writer: 'Candor analytic'; DuckDB's own threads show as 'dotnet') =="
report --no-children --sort comm | head -8
echo; echo "== hottest functions, self =="
report --no-children --sort sym | head -"$top" | cut -c1-180
echo; echo "== Candor's functions, inclusive =="
report --children --sort sym | grep -E 'Candor\.|DuckDB|MaxMind' | head -"$top" | cut -c1-180
echo; echo "perf data: $out/perf.data (perf report -i …)"
