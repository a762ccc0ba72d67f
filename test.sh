#!/usr/bin/env bash
# Runs every test project in Candor.slnx (Release) and ends with one line: "N passed, N failed".
# Exits non-zero if a test failed, the build failed, or no test ran. Extra arguments go to
# `dotnet test` (for example: ./test.sh --filter "FullyQualifiedName~Cli").
set -euo pipefail
cd "$(dirname "$0")"

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

status=0
dotnet test Candor.slnx -c Release --logger "console;verbosity=minimal" --logger trx \
  --results-directory "$results" "$@" || status=$?

projects=$(grep -c '<Project Path="tests/' Candor.slnx || true)
# Sum the counters of every TRX file (plain grep/sed: a fresh Debian machine may have no python3).
passed=0 failed=0 files=0
while IFS= read -r -d '' trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
  [[ -n $counters ]] || continue
  count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  files=$((files + 1))
  n=$(count passed); passed=$((passed + ${n:-0}))
  for key in failed error timeout aborted; do
    n=$(count "$key"); failed=$((failed + ${n:-0}))
  done
done < <(find "$results" -name '*.trx' -print0)

if (($# == 0 && files < projects)); then
  echo "warning: found $files test result file(s) for $projects test project(s); a project did not run or its results were lost" >&2
  if ((status == 0)); then status=1; fi
fi
echo "$passed passed, $failed failed"
if ((status != 0 || failed > 0 || passed == 0)); then
  exit 1
fi
