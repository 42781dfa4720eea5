#!/bin/bash
# Installs and starts a one-node SLURM on this machine, so that recipe.sh can run the README's recipe:
#   bash src/test/slurm/single-node.sh          install (Debian's slurm-wlm) and start munge, slurmctld, slurmd
#   bash src/test/slurm/single-node.sh --stop   stop the three daemons again (the packages stay installed)
# It needs root and apt-get (Debian or Ubuntu), writes /etc/slurm/slurm.conf (only if absent or written
# by this script earlier: a SLURM set up otherwise is left alone) and is safe to run again: what runs already
# is left running. The node is this machine as "localhost", with its cores and 80% of its memory, in one
# partition "debug"; processes are tracked without cgroups (proctrack/linuxproc, task/none) because
# containers often give no writable cgroups. Ended jobs are kept in the controller for an hour
# (scontrol show job) and written one line each to /var/log/slurm/jobcomp.log (there is no accounting
# database, so sacct has nothing to show). Never part of CI or mvn test.
set -euo pipefail
conf=/etc/slurm/slurm.conf
marker="# written by necroptosis src/test/slurm/single-node.sh"
[ "$(id -u)" -eq 0 ] || { echo "single-node.sh: run as root" >&2; exit 2; }

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

if [ "${1:-}" = "--stop" ]; then
    for p in /run/slurmd.pid /run/slurmctld.pid /run/munge/munged.pid; do
        if running "$p"; then kill "$(cat "$p")"; echo "stopped $(basename "$p" .pid) ($(cat "$p"))"; fi
    done
    exit 0
fi

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null; then
    echo "installing slurm-wlm (slurmctld, slurmd, the client commands and munge) with apt-get"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm
fi

# munge authenticates the daemons and the client commands to each other; the package made a key.
mkdir -p /run/munge && chown munge:munge /run/munge && chmod 755 /run/munge
[ -s /etc/munge/munge.key ] || { mungekey --create --force 2>/dev/null || /usr/sbin/create-munge-key -f; chown munge:munge /etc/munge/munge.key; }
if ! running /run/munge/munged.pid; then
    runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid
    echo "started munged"
fi
munge -n | unmunge >/dev/null || { echo "single-node.sh: munge does not work" >&2; exit 1; }

if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
    echo "single-node.sh: $conf exists and was not written by this script: left as it is" >&2
else
    cpus=$(nproc)
    mem=$(awk '/^MemTotal:/ {printf "%d", $2 / 1024 * 0.8}' /proc/meminfo)
    cat > "$conf.new" <<EOF
$marker
ClusterName=single
SlurmctldHost=localhost
SlurmUser=slurm
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=/var/log/slurm/jobcomp.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MinJobAge=3600
KillWait=10
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
    mv "$conf.new" "$conf"
fi
mkdir -p /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
chown slurm:slurm /var/spool/slurmctld /var/log/slurm
touch /var/log/slurm/jobcomp.log && chown slurm:slurm /var/log/slurm/jobcomp.log

if ! running /run/slurmctld.pid; then
    /usr/sbin/slurmctld
    echo "started slurmctld"
fi
if ! running /run/slurmd.pid; then
    # -N: this machine is the configured node "localhost" whatever its host name is.
    /usr/sbin/slurmd -N localhost
    echo "started slurmd"
fi
for _ in $(seq 30); do
    state=$(sinfo -h -n localhost -o %T 2>/dev/null || true)
    case "$state" in idle*|mixed*|allocated*) break ;; esac
    sleep 1
done
case "$state" in
    idle*|mixed*|allocated*) sinfo ;;
    *) echo "single-node.sh: the node is '${state:-unknown}', not idle; see /var/log/slurm/slurmd.log and slurmctld.log" >&2; exit 1 ;;
esac
