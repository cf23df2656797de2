#!/usr/bin/env bash
# Instructions per run of the shipped scenario, counted by valgrind's callgrind (independent of the machine's load):
# the difference between 41 runs and 1 run (start-up, loading and JIT cancel out), divided by 40. The JIT is asked
# for fully optimised code at once (no tiering, no PGO, no ready-to-run images), so the count is repeatable.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
dotnet build -c Release bench/Bosporos.Bench -v q --nologo >/dev/null
dll=bench/Bosporos.Bench/bin/Release/net10.0/Bosporos.Bench.dll
count() {
  DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0 DOTNET_ReadyToRun=0 \
    valgrind --tool=callgrind --callgrind-out-file=/dev/null dotnet "$dll" --plain-runs "$1" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
one=$(count 1)
many=$(count 41)
echo "instructions per run: $(( (many - one) / 40 ))"
