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
summary=$(python3 - "$results" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = files = 0
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    counters = ET.parse(path).getroot().find(f"{ns}ResultSummary/{ns}Counters")
    if counters is None:
        continue
    files += 1
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(passed, failed, files)
PY
)
read -r passed failed files <<<"$summary"

if (($# == 0 && files < projects)); then
  echo "warning: found $files test result file(s) for $projects test project(s); a project did not run or its results were lost" >&2
  if ((status == 0)); then status=1; fi
fi
echo "$passed passed, $failed failed"
if ((status != 0 || failed > 0 || passed == 0)); then
  exit 1
fi
