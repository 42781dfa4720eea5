#!/bin/bash
# Installs and starts a one-node SLURM on this machine, so that recipe.sh can run the README's recipe:
#   bash src/test/slurm/single-node.sh               install Debian's slurm-wlm; start munged, slurmctld, slurmd
#   bash src/test/slurm/single-node.sh --accounting  the same plus job accounting (sacct): also installs
#                                                    mariadb-server and slurmdbd and starts both
#   bash src/test/slurm/single-node.sh --stop        stop every daemon this script starts (packages stay)
# It needs root and apt-get (Debian or Ubuntu) and is safe to run again: what runs already is left running,
# unless the configuration it writes changed (then slurmctld and slurmd are restarted). It writes
# /etc/slurm/slurm.conf (and slurmdbd.conf) only where absent or written by this script earlier: a SLURM
# set up otherwise is left alone. The node is this machine as "localhost", with its cores and 80% of its
# memory, in one partition "debug"; processes are tracked without cgroups (proctrack/linuxproc, task/none),
# because containers often give no writable cgroups. Ended jobs stay in the controller for an hour
# (scontrol show job) and get a line each in /var/log/slurm/jobcomp.log. Never part of CI or mvn test.
set -euo pipefail
conf=/etc/slurm/slurm.conf dbdconf=/etc/slurm/slurmdbd.conf
marker="# written by necroptosis src/test/slurm/single-node.sh"
[ "$(id -u)" -eq 0 ] || { echo "single-node.sh: run as root" >&2; exit 2; }
accounting=false
case "${1:-}" in
    --accounting) accounting=true ;;
    --stop | "") ;;
    *) echo "usage: single-node.sh [--accounting | --stop]" >&2; exit 2 ;;
esac

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
stop() { # PIDFILE
    if running "$1"; then
        local pid
        pid=$(cat "$1")
        kill "$pid"
        for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        echo "stopped $(basename "$1" .pid) ($pid)"
    fi
}

if [ "${1:-}" = "--stop" ]; then
    stop /run/slurmd.pid
    stop /run/slurmctld.pid
    stop /run/slurmdbd.pid
    if [ -x /etc/init.d/mariadb ] && running /run/mysqld/mysqld.pid; then /etc/init.d/mariadb stop; fi
    stop /run/munge/munged.pid
    exit 0
fi

# Writes FILE from stdin when FILE is absent or ours; prints "changed" when its content changed.
write_conf() {
    if [ -f "$1" ] && ! grep -qF "$marker" "$1"; then
        echo "single-node.sh: $1 exists and was not written by this script: left as it is" >&2
        return
    fi
    cat > "$1.new"
    if cmp -s "$1.new" "$1"; then rm "$1.new"; else mv "$1.new" "$1"; echo changed; fi
}

packages=""
command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v sbatch >/dev/null || packages="slurm-wlm"
if $accounting; then
    command -v slurmdbd >/dev/null || packages="$packages slurmdbd"
    command -v mariadbd >/dev/null || packages="$packages mariadb-server"
fi
if [ -n "$packages" ]; then
    echo "installing$packages with apt-get"
    apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $packages
fi

# munge authenticates the daemons and the client commands to each other; the package made a key.
mkdir -p /run/munge && chown munge:munge /run/munge && chmod 755 /run/munge
[ -s /etc/munge/munge.key ] || { mungekey --create --force 2>/dev/null || /usr/sbin/create-munge-key -f; chown munge:munge /etc/munge/munge.key; }
if ! running /run/munge/munged.pid; then
    runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid
    echo "started munged"
fi
munge -n | unmunge >/dev/null || { echo "single-node.sh: munge does not work" >&2; exit 1; }

mkdir -p /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
chown slurm:slurm /var/spool/slurmctld /var/log/slurm
touch /var/log/slurm/jobcomp.log && chown slurm:slurm /var/log/slurm/jobcomp.log

if $accounting; then
    storage="AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost"
else
    storage="AccountingStorageType=accounting_storage/none"
fi

cpus=$(nproc)
mem=$(awk '/^MemTotal:/ {printf "%d", $2 / 1024 * 0.8}' /proc/meminfo)
changed=$(write_conf "$conf" <<EOF
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
$storage
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
)
if $accounting; then
    # The database: slurmdbd, running as the slurm user, logs in through the socket as that user (no password).
    running /run/mysqld/mysqld.pid || /etc/init.d/mariadb start
    mariadb -e "CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED VIA unix_socket;
                CREATE DATABASE IF NOT EXISTS slurm_acct_db;
                GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';"
    write_conf "$dbdconf" <<EOF >/dev/null
$marker
AuthType=auth/munge
DbdHost=localhost
SlurmUser=slurm
PidFile=/run/slurmdbd.pid
LogFile=/var/log/slurm/slurmdbd.log
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageUser=slurm
StorageLoc=slurm_acct_db
EOF
    chown slurm:slurm "$dbdconf" && chmod 600 "$dbdconf"
    if ! running /run/slurmdbd.pid; then
        /usr/sbin/slurmdbd
        echo "started slurmdbd"
    fi
    for _ in $(seq 30); do sacctmgr -n list cluster >/dev/null 2>&1 && break; sleep 1; done
    sacctmgr -n list cluster format=cluster | grep -qw single || sacctmgr -i add cluster single
fi

if [ -n "$changed" ]; then
    echo "wrote $conf"
    stop /run/slurmd.pid
    stop /run/slurmctld.pid
fi

if ! running /run/slurmctld.pid; then
    /usr/sbin/slurmctld
    echo "started slurmctld"
fi
if ! running /run/slurmd.pid; then
    # -N: this machine is the configured node "localhost" whatever its host name is.
    /usr/sbin/slurmd -N localhost
    echo "started slurmd"
fi
state=""
for _ in $(seq 30); do
    state=$(sinfo -h -n localhost -o %T 2>/dev/null || true)
    case "$state" in idle*|mixed*|allocated*) break ;; esac
    sleep 1
done
case "$state" in
    idle*|mixed*|allocated*) sinfo ;;
    *) echo "single-node.sh: the node is '${state:-unknown}', not idle; see /var/log/slurm/slurmd.log and slurmctld.log" >&2; exit 1 ;;
esac
if $accounting; then sacct -X -n -S now-1minute >/dev/null && echo "accounting: sacct works"; fi
