#!/usr/bin/env bash
# Benchmarks Candor against Jekyll on a site made by bench/generate-site.py.
#
#   bench/site-build.sh [--small] [--posts N] [--pages N] [--runs N]
#
# Measures (1) a full build with Jekyll (best of 1 run) and with Candor's Release build (best of 3),
# printing both and the ratio Jekyll/Candor, and (2) how long `candor serve` takes, after one post's
# body changes, until that post's output file contains the change (median of 5). Everything runs
# locally; the server listens on a free 127.0.0.1 port. Work files go to bench/out (gitignored).
# --small uses 200 posts / 20 pages; --runs N uses N runs for both tools.
set -euo pipefail
cd "$(dirname "$0")/.."

posts=2000 pages=200 candor_runs=3 jekyll_runs=1
while (($# > 0)); do
  case $1 in
    --small) posts=200 pages=20 ;;
    --posts) posts=$2; shift ;;
    --pages) pages=$2; shift ;;
    --runs) candor_runs=$2 jekyll_runs=$2; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

command -v jekyll >/dev/null || { echo "jekyll not found: apt-get install jekyll ruby-jekyll-paginate (see .ci/run)" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=bench/out
mkdir -p "$out"
echo "Generating $posts posts and $pages pages into $out/site ..."
python3 bench/generate-site.py "$out/site" --posts "$posts" --pages "$pages"

echo "Building Candor (Release) ..."
dotnet build -c Release src/Candor.Cli -nologo -v q >"$out/dotnet-build.log" 2>&1 || { cat "$out/dotnet-build.log"; exit 1; }
candor_dll=src/Candor.Cli/bin/Release/net10.0/candor.dll
[[ -f $candor_dll ]] || { echo "missing $candor_dll" >&2; exit 1; }

exec python3 - "$out" "$candor_dll" "$posts" "$pages" "$candor_runs" "$jekyll_runs" <<'PY'
import os, shutil, socket, statistics, subprocess, sys, time, urllib.request, uuid

out, dll, posts, pages = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3], sys.argv[4]
candor_runs, jekyll_runs = int(sys.argv[5]), int(sys.argv[6])
site = os.path.abspath(os.path.join(out, "site"))

def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    return path

def timed(cmd, env=None, timeout=1800):
    start = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stdout}")
    return elapsed

jekyll_env = dict(os.environ, JEKYLL_NO_BUNDLER_REQUIRE="true", JEKYLL_ENV="production")
jekyll_times = []
for i in range(jekyll_runs):
    shutil.rmtree(os.path.join(site, ".jekyll-cache"), ignore_errors=True)
    dest = fresh(os.path.abspath(os.path.join(out, "jekyll-site")))
    t = timed(["jekyll", "build", "-s", site, "-d", dest], env=jekyll_env)
    jekyll_times.append(t)
    print(f"Jekyll full build {i + 1}/{jekyll_runs}: {t:.2f} s", flush=True)
shutil.rmtree(os.path.join(site, ".jekyll-cache"), ignore_errors=True)

candor_times = []
for i in range(candor_runs):
    dest = fresh(os.path.abspath(os.path.join(out, "candor-site")))
    t = timed(["dotnet", dll, "build", site, "-d", dest])
    candor_times.append(t)
    print(f"Candor full build {i + 1}/{candor_runs}: {t:.2f} s", flush=True)

# One-file change while serving.
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
serve_dest = fresh(os.path.abspath(os.path.join(out, "serve-site")))
log_path = os.path.join(out, "serve.log")
post_name = sorted(os.listdir(os.path.join(site, "_posts")))[0]
post_path = os.path.join(site, "_posts", post_name)
slug = os.path.splitext(post_name)[0][11:]
original = open(post_path, encoding="utf-8").read()
samples = []
with open(log_path, "w") as log:
    server = subprocess.Popen(["dotnet", dll, "serve", site, "-d", serve_dest, "--port", str(port), "--host", "127.0.0.1"],
                              stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        def log_text():
            with open(log_path, encoding="utf-8", errors="replace") as f:
                return f.read()

        def refreshes():
            text = log_text()
            return text.count("refreshed site") + text.count("Rebuild failed")

        def wait_for(condition, timeout, what):
            deadline = time.perf_counter() + timeout
            while time.perf_counter() < deadline:
                if server.poll() is not None:
                    sys.exit(f"candor serve exited ({server.returncode}) while waiting for {what}:\n{log_text()}")
                value = condition()
                if value:
                    return value
                time.sleep(0.005)
            sys.exit(f"timed out after {timeout} s waiting for {what}:\n{log_text()[-3000:]}")

        def up():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    return r.status == 200
            except OSError:
                return False

        start = time.perf_counter()
        wait_for(up, 600, "the server to answer")
        print(f"candor serve up on 127.0.0.1:{port} after {time.perf_counter() - start:.2f} s", flush=True)

        def append(marker):
            with open(post_path, "a", encoding="utf-8") as f:
                f.write(f"\n\n{marker}\n")

        # Find the post's output file once (the first change, not timed).
        marker = "bench-probe-" + uuid.uuid4().hex
        seen = refreshes()
        append(marker)
        def locate():
            for root, _, files in os.walk(serve_dest):
                for name in files:
                    path = os.path.join(root, name)
                    if slug in os.path.relpath(path, serve_dest) and name.endswith(".html"):
                        with open(path, encoding="utf-8", errors="replace") as f:
                            if marker in f.read():
                                return path
            return None
        target = wait_for(locate, 120, f"{post_name}'s output to change")
        wait_for(lambda: refreshes() > seen, 600, "the site refresh after the first change")
        print(f"Timing changes to _posts/{post_name} -> {os.path.relpath(target, serve_dest)}", flush=True)

        for i in range(5):
            marker = "bench-probe-" + uuid.uuid4().hex
            seen = refreshes()
            append(marker)
            t0 = time.perf_counter()
            def changed():
                try:
                    with open(target, encoding="utf-8", errors="replace") as f:
                        return marker in f.read()
                except OSError:
                    return False
            wait_for(changed, 60, "the changed post to be written")
            samples.append(time.perf_counter() - t0)
            print(f"Serve one-file change {i + 1}/5: {samples[-1] * 1000:.0f} ms", flush=True)
            # Let the full in-memory refresh that follows finish before the next change.
            wait_for(lambda: refreshes() > seen, 600, "the site refresh")
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        with open(post_path, "w", encoding="utf-8", newline="\n") as f:
            f.write(original)

best_j, best_c = min(jekyll_times), min(candor_times)
print()
print(f"== Summary: {posts} posts, {pages} pages ==")
print(f"Jekyll full build (best of {jekyll_runs}):  {best_j:8.2f} s")
print(f"Candor full build (best of {candor_runs}):  {best_c:8.2f} s")
print(f"Ratio Jekyll/Candor:          {best_j / best_c:8.1f}x")
print(f"Serve one-file change (median of 5): {statistics.median(samples) * 1000:.0f} ms  (runs: {', '.join(f'{s * 1000:.0f}' for s in samples)} ms)")
PY
