#!/usr/bin/env bash
# Runs the shipped Slurm array job on a real, single-node Slurm cluster started on this machine, merges the shards,
# and checks that the merged digest equals the digest of the same experiment run on one machine.
#
#   sudo apt-get install slurm-wlm munge        # Debian 12: Slurm 22.05, MUNGE 0.5
#   sudo deploy/slurm/local-cluster.sh [EXPERIMENT.yaml] [SHARDS]
#
# Defaults: scenarios/experiments/counterfactuals-626.yaml, 4 shards. Needs root (slurmd starts jobs as their user).
# BOSPOROS=path/to/bosporos uses a program already built (CI: the Debug build) instead of building it in Release.
# Everything lives in a scratch directory (BOSPOROS_SLURM_DIR, default a new /tmp/bosporos-slurm.XXXXXX): a private
# MUNGE key and socket, slurm.conf, state, logs, shards and results. Nothing under /etc is changed; the daemons this
# script starts are stopped (by their process ids) when it ends, unless KEEP_CLUSTER=1.
# Prints "slurm: digest ... equals the one-machine run" and exits 0, or says what differed and exits 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
EXPERIMENT="$(realpath "${1:-scenarios/experiments/counterfactuals-626.yaml}")"
SHARDS="${2:-4}"
log() { printf 'slurm: %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

[ "$(id -u)" = "0" ] || fail "run as root (slurmd must be able to start jobs); e.g. sudo $0"
for tool in slurmctld slurmd munged sbatch squeue scontrol; do
  command -v "$tool" >/dev/null || fail "$tool not found: apt-get install slurm-wlm munge"
done
[ -f "$EXPERIMENT" ] || fail "no experiment file $EXPERIMENT"

WORK="${BOSPOROS_SLURM_DIR:-$(mktemp -d /tmp/bosporos-slurm.XXXXXX)}"
mkdir -p "$WORK"/{munge,state,spool,log,run}
chmod 700 "$WORK" "$WORK/munge"
log "scratch directory $WORK"

if [ -n "${BOSPOROS:-}" ]; then
  [ -x "$BOSPOROS" ] || fail "BOSPOROS=$BOSPOROS is not an executable bosporos"
  BOSPOROS="$(realpath "$BOSPOROS")"
  log "using $BOSPOROS"
else
  log "building the command line (Release)"
  dotnet build -c Release "$ROOT/src/Bosporos.Cli" >"$WORK/log/build.log" 2>&1 || { tail -n 20 "$WORK/log/build.log"; fail "build"; }
  BOSPOROS="$ROOT/src/Bosporos.Cli/bin/Release/net10.0/bosporos"
fi
export BOSPOROS
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

started=()
stop_cluster() {
  if [ "${KEEP_CLUSTER:-0}" = "1" ]; then
    log "cluster kept running (SLURM_CONF=$WORK/slurm.conf); stop it with: kill ${started[*]:-}"
    return
  fi
  local pids=()
  for pidfile in "${started[@]}"; do
    if [ -s "$pidfile" ]; then pids+=("$(cat "$pidfile")"); fi
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do   # wait (up to 10 s) until they have exited
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = "0" ] && break
    sleep 0.2
  done
}
trap stop_cluster EXIT

# MUNGE: a private key and socket, so that a MUNGE already running on the machine is left alone.
dd if=/dev/urandom of="$WORK/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$WORK/munge/munge.key"
munged --key-file="$WORK/munge/munge.key" --socket="$WORK/munge/munge.socket" --pid-file="$WORK/munge/munged.pid" \
  --log-file="$WORK/log/munged.log" --seed-file="$WORK/munge/munged.seed" --force
started+=("$WORK/munge/munged.pid")

HOST="$(hostname -s)"
CPUS="$(nproc)"
MEMORY_MB=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
cat >"$WORK/slurm.conf" <<CONF
ClusterName=bosporos-local
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$WORK/munge/munge.socket
SlurmctldPort=$(( 26817 + RANDOM % 1000 ))
SlurmdPort=$(( 27817 + RANDOM % 1000 ))
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/run/slurmctld.pid
SlurmdPidFile=$WORK/run/slurmd.pid
SlurmctldLogFile=$WORK/log/slurmctld.log
SlurmdLogFile=$WORK/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$HOST CPUs=$CPUS RealMemory=$MEMORY_MB State=UNKNOWN
PartitionName=local Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$WORK/slurm.conf"

slurmctld -f "$SLURM_CONF" -i
started+=("$WORK/run/slurmctld.pid")
slurmd -f "$SLURM_CONF"
started+=("$WORK/run/slurmd.pid")
for _ in $(seq 1 60); do
  state="$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1 || true)"
  [ "$state" = "idle" ] && break
  sleep 1
done
[ "${state:-}" = "idle" ] || { tail -n 20 "$WORK/log/slurmctld.log" "$WORK/log/slurmd.log" >&2 || true; fail "the node did not come up (state: ${state:-none})"; }
log "cluster up: $(sinfo -h -o '%P %D node(s) %c CPUs %T')"

clock_start=$(date +%s)
# The shipped scripts, unchanged; only the array size and the per-task resources are given for this small node.
mkdir -p "$WORK/job/logs"
cd "$WORK/job"
array=$(sbatch --parsable --wait --array="0-$((SHARDS - 1))" --cpus-per-task=1 --mem=1G "$ROOT/deploy/slurm/bosporos-array.sbatch" "$EXPERIMENT") \
  || { cat logs/*.out >&2 || true; fail "the array job failed"; }
log "array job $array finished: $(ls shards | tr '\n' ' ')"
merge=$(sbatch --parsable --wait --mem=1G "$ROOT/deploy/slurm/bosporos-merge.sbatch") \
  || { cat logs/*.out >&2 || true; fail "the merge job failed"; }
clock_slurm=$(( $(date +%s) - clock_start ))
merged_line=$(grep -h '^merged ' logs/bosporos-merge-"$merge".out) || { cat logs/*.out >&2; fail "no merge line in the merge job's log"; }
log "merge job $merge: $merged_line"
merged_digest=${merged_line##*digest }

one_line=$("$BOSPOROS" experiment run "$EXPERIMENT" --out "$WORK/one-machine.db" --threads "$CPUS" --format json 2>&1 >/dev/null | grep 'digest ')
one_digest=${one_line##*digest }
log "one machine: $one_line"
[ -n "$merged_digest" ] && [ "$merged_digest" = "$one_digest" ] \
  || fail "digest $merged_digest of the $SHARDS merged shards differs from the one-machine digest $one_digest"
[ -f results/sweep.parquet ] && [ -f results/sweep.json ] && [ -f results/report/index.html ] \
  || fail "the merge job did not write the export and the report"
log "digest $merged_digest of $SHARDS Slurm shards equals the one-machine run (array + merge: ${clock_slurm} s)"
cd "$ROOT"
if [ "${KEEP_CLUSTER:-0}" != "1" ] && [ -z "${BOSPOROS_SLURM_DIR:-}" ]; then
  stop_cluster
  trap - EXIT
  rm -rf "$WORK"
fi
