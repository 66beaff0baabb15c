#!/usr/bin/env bash
# The fleet figures in docs/benchmarks.md ("Telemetry"): one mosquitto on loopback, `./kiosk fleet-sim` with N kiosks
# (health every 10 s or $HEALTH_SECONDS, a customer a minute, bursts of 5 errors a minute, some faults), and `./kiosk fleet --measure`
# as the consumer. Stops only what it started, by PID. Usage: docs/bench/telemetry-fleet.sh [KIOSKS] [SECONDS]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
kiosks="${1:-1000}"; seconds="${2:-120}"; port="${PORT:-18830}"
work="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
mosquitto_passwd -b -c "$work/passwd" kiosk bench-pass >/dev/null
echo bench-pass > "$work/pass"; chmod 600 "$work/pass"
cat > "$work/mq.conf" <<CONF
user $(id -un)
listener $port 127.0.0.1
allow_anonymous false
password_file $work/passwd
max_keepalive 600
CONF
mosquitto -c "$work/mq.conf" >"$work/mq.log" 2>&1 & mq=$!; pids+=("$mq")
sleep 1
auth=(--broker "tcp://127.0.0.1:$port" --username kiosk --password-file "$work/pass")
export KIOSK_CDS=off
KIOSK_JAVA_OPTS="${SIM_JAVA_OPTS:--Xmx512m}" "$here/kiosk" fleet-sim "${auth[@]}" --kiosks "$kiosks" --health-seconds "${HEALTH_SECONDS:-10}" \
  --session-seconds 60 --burst-seconds 60 --burst-size 5 --paper-out $((kiosks / 50)) --backend-down $((kiosks / 100)) \
  --duration $((seconds + 90)) >"$work/sim.log" 2>&1 & sim=$!; pids+=("$sim")
sleep 45   # every kiosk connected and past its first health round
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
sim_cpu0=$(cpu "$sim"); mq_cpu0=$(cpu "$mq"); t0=$(date +%s.%N)
/usr/bin/time -f '{"fleetMaxRssKiB": %M}' -o "$work/fleet-rss" "$here/kiosk" fleet "${auth[@]}" --measure "$seconds"
t1=$(date +%s.%N); hz=$(getconf CLK_TCK)
echo "{\"fleetSimCpuPercent\": $(echo "($(cpu "$sim") - $sim_cpu0) * 100 / $hz / ($t1 - $t0)" | bc -l | cut -c1-5), \"fleetSimRssMiB\": $(rss "$sim"), \"mosquittoCpuPercent\": $(echo "($(cpu "$mq") - $mq_cpu0) * 100 / $hz / ($t1 - $t0)" | bc -l | cut -c1-5), \"mosquittoRssMiB\": $(rss "$mq"), \"threadsInFleetSim\": $(ls /proc/$sim/task | wc -l)}"
cat "$work/fleet-rss"
tail -1 "$work/sim.log"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
