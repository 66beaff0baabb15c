#!/usr/bin/env bash
# The kiosk's own cost of telemetry (docs/benchmarks.md, "Telemetry"): a real `./kiosk --config` (in-memory reader
# and printer, nobody at the glass) on Xvfb, idle, once without a "telemetry" section and once with /healthz,
# /metrics and a broker link to a local mosquitto (health every HEALTH_SECONDS, 10 by default; the shipped default
# is 60). After WARM seconds, CPU time over SECONDS and the resident size at the end. Stops only what it started.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
warm="${WARM:-40}"; seconds="${1:-60}"; port="${PORT:-18833}"; health="${HEALTH_SECONDS:-10}"
work="$(mktemp -d)"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
mosquitto_passwd -b -c "$work/passwd" kiosk bench-pass >/dev/null
echo bench-pass > "$work/pass"; chmod 600 "$work/pass"
printf 'user %s\nlistener %s 127.0.0.1\nallow_anonymous false\npassword_file %s\n' "$(id -un)" "$port" "$work/passwd" > "$work/mq.conf"
mosquitto -c "$work/mq.conf" >"$work/mq.log" 2>&1 & pids+=("$!")
config() {
  cat <<JSON
{"storeId": "store-0042", "kioskId": "kiosk-01", "reader": {"type": "memory"}, "printer": {"type": "memory"},
 "backends": [{"name": "sim", "baseUrl": "http://127.0.0.1:9", "clientId": "c", "clientSecret": "s", "iccidPrefixes": ["8981"]}],
 "stateDirectory": "$work/state",
 "maintenancePin": {"iterations": 600000, "salt": "KKB47rpw22rW4LuR/8JxUA==", "hash": "6fqbDaU2vfPH30VV873oFEJ4Y7vUQbcm3eTdgjVqrHI="}
 $1}
JSON
}
config "" > "$work/plain.json"
config ", \"telemetry\": {\"httpPort\": 0, \"mqtt\": {\"broker\": \"tcp://127.0.0.1:$port\", \"username\": \"kiosk\", \"passwordFile\": \"$work/pass\", \"healthSeconds\": $health}}" > "$work/telemetry.json"
chmod 600 "$work"/*.json
hz=$(getconf CLK_TCK)
export KIOSK_CDS=off
for variant in plain telemetry; do
  xvfb-run -a -s '-screen 0 1920x1080x24' "$here/kiosk" --config "$work/$variant.json" --windowed >"$work/$variant.log" 2>&1 &
  runner=$!; pids+=("$runner")
  pid=""
  for _ in $(seq 1 300); do pid="$(pgrep -f "kiosk.Main --config $work/$variant.json" || true)"; [ -n "$pid" ] && break; sleep 0.2; done
  sleep "$warm"
  c0=$(awk '{print $14 + $15}' "/proc/$pid/stat"); t0=$(date +%s.%N)
  sleep "$seconds"
  c1=$(awk '{print $14 + $15}' "/proc/$pid/stat"); t1=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  echo "{\"variant\": \"$variant\", \"cpuPercentOfOneCore\": $(echo "($c1 - $c0) * 100 / $hz / ($t1 - $t0)" | bc -l | cut -c1-5), \"rssMiB\": $rss, \"threads\": $(ls /proc/$pid/task | wc -l)}"
  kill "$pid" 2>/dev/null || true; wait "$runner" 2>/dev/null || true
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
