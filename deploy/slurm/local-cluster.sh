#!/usr/bin/env bash
# A one-node Slurm cluster in a folder of its own, from Debian's packages (slurm-wlm, munge), for the
# project's Slurm test and for trying the job scripts on one machine. Needs root.
#   local-cluster.sh start DIR   writes DIR/slurm.conf, starts munged, slurmctld and slurmd, waits for the node
#   local-cluster.sh stop DIR    stops exactly the daemons it started (by their pid files) and cancels their jobs
# Clients then need: export SLURM_CONF=DIR/slurm.conf
# Exit code 3: this machine cannot run the cluster (packages missing, not root, a daemon would not start);
# the message says why, and the project's Slurm test skips on it.
set -euo pipefail

command=${1:?usage: local-cluster.sh start|stop DIR}
dir=$(realpath -m "${2:?usage: local-cluster.sh start|stop DIR}")

stop() {
    if [[ -f $dir/slurm.conf ]]; then SLURM_CONF=$dir/slurm.conf scancel --quiet --user="$(id -un)" 2>/dev/null || true; fi
    for name in slurmd slurmctld munged; do
        local pidfile=$dir/$name.pid
        [[ -f $pidfile ]] || continue
        local pid; pid=$(cat "$pidfile")
        if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
            kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$pidfile"
    done
}

free_port() {
    local port
    while :; do
        port=$(shuf -i 20000-45000 -n 1)
        ss -Htln "sport = :$port" 2>/dev/null | grep -q . || { echo "$port"; return; }
    done
}

start() {
    for tool in munged slurmctld slurmd sbatch; do
        command -v "$tool" >/dev/null || { echo "local-cluster: $tool not found (apt-get install slurm-wlm munge)" >&2; exit 3; }
    done
    [[ $(id -u) == 0 ]] || { echo "local-cluster: must run as root (slurmd starts jobs as their users)" >&2; exit 3; }
    mkdir -p "$dir"/{state,spool,munge}
    chmod 755 "$dir"
    runuser -u munge -- test -x "$dir" ||
        { echo "local-cluster: the munge user cannot reach $dir (a parent folder is closed to others): use another folder" >&2; exit 3; }
    # munged refuses keys and sockets that others could read or replace: its own folder, its own user.
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
    chown -R munge:munge "$dir/munge"
    chmod 755 "$dir/munge"   # clients reach the socket through it; the key itself is 0400
    chmod 400 "$dir/munge/munge.key"
    runuser -u munge -- munged --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
        --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" ||
        cannot_start "munged did not start ($(tail -1 "$dir/munge/munged.log" 2>/dev/null))"
    cp "$dir/munge/munged.pid" "$dir/munged.pid"

    local host node
    host=$(hostname -s)
    # The node as slurmd sees it (CPUs, sockets, cores, memory): a mismatch would drain it.
    node=$(slurmd -C | head -1 | sed 's/^NodeName=[^ ]*//') || cannot_start "slurmd -C cannot describe this node"
    cat > "$dir/slurm.conf" <<CONF
ClusterName=pipelinetest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
MinJobAge=3600
NodeName=$host NodeAddr=127.0.0.1 $node State=UNKNOWN
PartitionName=batch Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF=$dir/slurm.conf
    slurmctld -c -f "$SLURM_CONF" || cannot_start "slurmctld did not start ($(tail -1 "$dir/slurmctld.log" 2>/dev/null))"
    slurmd -f "$SLURM_CONF" -N "$host" || cannot_start "slurmd did not start ($(tail -1 "$dir/slurmd.log" 2>/dev/null))"
    for _ in $(seq 150); do
        if sinfo -h -N -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
            echo "local-cluster: up ($SLURM_CONF)"
            return
        fi
        sleep 0.2
    done
    sinfo -N -l >&2 || true
    cannot_start "the node did not come up in 30 s"
}

# The machine cannot run the cluster: stop what did start, say why, exit 3.
cannot_start() {
    echo "local-cluster: $1; logs in $dir" >&2
    stop
    exit 3
}

case $command in
    start) start ;;
    stop) stop ;;
    *) echo "usage: local-cluster.sh start|stop DIR" >&2; exit 2 ;;
esac
