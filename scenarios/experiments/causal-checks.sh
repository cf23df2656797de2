#!/usr/bin/env bash
# The paired counterfactuals of docs/calibration.md (2,000 runs per variant by default; RUNS=N to change).
# Run from the repository root after `dotnet build -c Release src/Bosporos.Cli`; extra arguments go to `compare`
# (for example --format json or --out causal.db).
B=${B:-src/Bosporos.Cli/bin/Release/net10.0/bosporos}
H="vanguard-horse vanguard-slavs slav-infantry armoured-infantry gepids canoe-crews bosporus-boatmen"
sup() { local r=$1 pool=$2 out=""; for c in $H; do out="$out,contingents.$c.ration-days=$r"; done; echo "${out#,},supply.forage-pool-man-days=$pool"; }
GH="contingents.field-troops.strength=6000,contingents.guards.strength=750,contingents.armenians.strength=500,contingents.sailors.strength=1000,contingents.citizens.strength=1500"
$B compare constantinople-626 --runs ${RUNS:-2000} --seed 626 "$@" \
 --variant no-canoe-attack:flotillas.horn-monoxyla.hulls=0 \
 --variant no-light-craft:flotillas.roman-light-craft.hulls=0 \
 --variant no-fleet:flotillas.roman-galleys.hulls=0,flotillas.roman-light-craft.hulls=0 \
 --variant garrison-halved:$GH \
 --variant no-reinforcements:contingents.field-troops.strength=0 \
 --variant supplies-x1-5:$(sup 18 2250000) \
 --variant supplies-x2:$(sup 24 3000000) \
 --variant supplies-x3:$(sup 36 4500000) \
 --variant signal-never-learned:diplomacy.learn-signal-when-caught=0,diplomacy.learn-signal-otherwise=0 \
 --variant signal-always-learned:diplomacy.learn-signal-when-caught=1,diplomacy.learn-signal-otherwise=1 \
 --variant untrained-defenders:contingents.field-troops.training=0.1,contingents.armenians.training=0.1 \
 --variant golden-gate-breached:wall-sectors.0.integrity=0 \
 --variant blachernae-walled:wall-sectors.3.inner-wall=true,wall-sectors.3.moat=true
