#!/usr/bin/env bash
# Coverage-guided fuzzing of a Bosporos loader with AFL++ (Debian's afl++) through SharpFuzz.
#   tests/Bosporos.Fuzz/afl.sh scenario|experiment [SECONDS]     (default 600 s)
# Installs afl++ and the sharpfuzz instrumenter if missing, builds the fuzz project in Release into a scratch folder,
# instruments the loader's assembly, and runs afl-fuzz on the committed seed corpus. Crashes land in
# $OUT/default/crashes (OUT defaults to /tmp/bosporos-afl-TARGET); fuzzer_stats has execs_done and saved_crashes.
set -euo pipefail
target=${1:?usage: afl.sh scenario|experiment [seconds]}
seconds=${2:-600}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-/tmp/bosporos-afl-build}
out=${OUT:-/tmp/bosporos-afl-$target}
tools=${TOOLS:-/tmp/bosporos-afl-tools}

command -v afl-fuzz >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++; }
[ -x "$tools/sharpfuzz" ] || dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0

dotnet build -c Release "$root/tests/Bosporos.Fuzz" -o "$work" >/dev/null
case "$target" in
  scenario) "$tools/sharpfuzz" "$work/Bosporos.Scenarios.dll" ;;
  experiment) "$tools/sharpfuzz" "$work/Bosporos.Analysis.dll" ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac

seeds=$(mktemp -d)
# AFL works best from small seeds: every committed seed under 16 KiB.
find "$root/tests/Bosporos.Fuzz/corpus/$target" -type f -size -16k -exec cp {} "$seeds/" \;
rm -rf "$out"
AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
  afl-fuzz -V "$seconds" -i "$seeds" -o "$out" -t 10000 -m none -- dotnet "$work/Bosporos.Fuzz.dll" --afl "$target"
grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|run_time) ' "$out/default/fuzzer_stats"
