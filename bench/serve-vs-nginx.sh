#!/usr/bin/env bash
# Serves the built example/ site with nginx and with `candor serve` (access log on), drives both with
# wrk in the same run, and prints requests/s, p99 latency and the Candor/nginx ratio.
# Loopback only; every load run is bounded by --duration. Needs: nginx (nginx-light), wrk.
#
#   bench/serve-vs-nginx.sh [--duration 10s] [--connections 64] [--threads 2] [--path /]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10s connections=64 threads=2 paths=("/" "/assets/css/site.css")
while (($#)); do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --path) paths=("$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in nginx wrk; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "$tool is missing: apt-get install nginx-light wrk" >&2; exit 2; }
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

out=$PWD/bench/out/serve
rm -rf "$out" && mkdir -p "$out/nginx" "$out/logs"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "Building Candor (Release) and the example site ..."
dotnet build -c Release src/Candor.Cli -v q -nologo >/dev/null
candor=(dotnet "$PWD/src/Candor.Cli/bin/Release/net10.0/candor.dll")
"${candor[@]}" build example -d "$out/site" >/dev/null

nginx_port=$(free_port)
cat > "$out/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log $out/nginx/access.log combined buffer=64k flush=1s;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  gzip off;
  server {
    listen 127.0.0.1:$nginx_port;
    root $out/site;
    location / { try_files \$uri \$uri.html \$uri/ =404; }
    error_page 404 /404.html;
  }
}
CONF
"$NGINX" -c "$out/nginx/nginx.conf" -p "$out/nginx"
candor_port=$(free_port)
cp -r example "$out/site-src"
"${candor[@]}" serve "$out/site-src" --port "$candor_port" --no-watch --access-log "$out/logs" > "$out/candor.log" 2>&1 &
candor_pid=$!
cleanup() { kill "$candor_pid" 2>/dev/null || true; "$NGINX" -c "$out/nginx/nginx.conf" -p "$out/nginx" -s stop 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$candor_port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$candor_port/" >/dev/null || { echo "candor serve did not start:"; cat "$out/candor.log"; exit 1; }

# wrk prints "Requests/sec: N" and, with --latency, a "99%" percentile line.
run() { # name url
  local result
  result=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' "$2")
  local rps p99
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$result")
  p99=$(awk '$1=="99%" {print $2}' <<<"$result")
  printf '%-7s %-28s %12s req/s   p99 %s\n' "$1" "$2" "$rps" "$p99" >&2
  echo "$rps"
}

echo "wrk: $threads threads, $connections connections, $duration per run, loopback only"
summary=()
for path in "${paths[@]}"; do
  n=$(run nginx "http://127.0.0.1:$nginx_port$path")
  c=$(run candor "http://127.0.0.1:$candor_port$path")
  ratio=$(python3 -c "print(f'{$c/$n*100:.0f}%')")
  summary+=("$path: Candor $c req/s vs nginx $n req/s = $ratio of nginx")
done
lines=$(cat "$out"/logs/access-*.log 2>/dev/null | grep -vc '^#' || true)
echo
echo "== Summary =="
printf '%s\n' "${summary[@]}"
echo "Candor access log lines written: $lines (five fields each; nginx logged in combined format)"
