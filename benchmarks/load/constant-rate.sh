#!/usr/bin/env bash
# Scenario S8 (PERF.md): GET /v1/entities/urn:bench:<random 1..hot> against http://127.0.0.1:<port> at a constant
# rate with Hyperfoil (open model: coordinated-omission safe), the load generator pinned to core 1. A warm-up phase at
# the same rate, then the measured phase.
#   Usage: benchmarks/load/constant-rate.sh <port> <rate-per-second> <seconds> <hot>
#   Prints ONE line on stdout: <achieved-rps> <p50-ms> <p99-ms> <p99.9-ms> <errors>; everything else goes to stderr.
#   errors = connection errors + request timeouts + responses other than 2xx/3xx, in the measured phase.
# Environment (optional): WARMUP seconds (5), SESSIONS = the most requests in flight, also the connection count
# (rate / 20 within 64..1024: 50 ms of latency before Hyperfoil has to throttle, which is then said on stderr),
# LOAD_CORE (1).
# Hyperfoil is the Maven plugin (version pinned in the parent pom), run through benchmarks/load/hyperfoil.pom.xml; it
# logs its statistics and writes no report, so HyperfoilRunLog (in benchmarks.jar) reads the log. benchmarks.jar must
# be built: mvn -B -ntp -q package -DskipTests -pl broker,verticles,benchmarks -am
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ $# -ne 4 ]; then
  echo "usage: $0 <port> <rate-per-second> <seconds> <hot>" >&2
  exit 2
fi
PORT=$1 RATE=$2 SECONDS_MEASURED=$3 HOT=$4
for n in "$PORT" "$RATE" "$SECONDS_MEASURED" "$HOT"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "constant-rate: not a positive integer: $n" >&2; exit 2; }
done
WARMUP=${WARMUP:-5}
if [ -z "${SESSIONS:-}" ]; then
  SESSIONS=$((RATE / 20))
  SESSIONS=$((SESSIONS < 64 ? 64 : SESSIONS > 1024 ? 1024 : SESSIONS))
fi
LOAD_CORE=${LOAD_CORE:-1}
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "constant-rate: $JAR is missing: build it first" >&2; exit 1; }

WORK=benchmarks/target/constant-rate
mkdir -p "$WORK"
RUN="$PWD/$WORK/$(date -u +%Y%m%dT%H%M%SZ)-$$"
YAML="$RUN.hf.yaml" LOG="$RUN.log"

# the benchmark with every !param filled in (the Maven plugin passes no parameters, so its defaults would apply)
sed -E -e "s/!param PORT [0-9]+/$PORT/" -e "s/!param RATE [0-9]+/$RATE/" -e "s/!param HOT [0-9]+/$HOT/" \
  -e "s/!param WARMUP [0-9]+s/${WARMUP}s/" -e "s/!param DURATION [0-9]+s/${SECONDS_MEASURED}s/" \
  -e "s/!param (CONNECTIONS|MAX_SESSIONS) [0-9]+/$SESSIONS/" \
  benchmarks/load/constant-rate.hf.yaml >"$YAML"
if grep -v '^ *#' "$YAML" | grep -q '!param'; then
  echo "constant-rate: parameters left unfilled in $YAML:" >&2
  grep -n '!param' "$YAML" >&2
  exit 1
fi

echo "[constant-rate] $RATE req/s for ${WARMUP} s warm-up + ${SECONDS_MEASURED} s to 127.0.0.1:$PORT, ids 1..$HOT," \
  "$SESSIONS sessions/connections, Hyperfoil on core $LOAD_CORE (log: $LOG)" >&2
# the plugin logs through log4j2, whose default level (ERROR) would hide the statistics
if ! taskset -c "$LOAD_CORE" env MAVEN_OPTS="${MAVEN_OPTS:-} -Dorg.apache.logging.log4j.level=INFO" \
  mvn -B -ntp -q -f benchmarks/load/hyperfoil.pom.xml hyperfoil:run -Dhyperfoil.yaml="$YAML" >"$LOG" 2>&1; then
  echo "constant-rate: Hyperfoil failed; the end of $LOG:" >&2
  tail -30 "$LOG" >&2
  exit 1
fi
# a phase that used all its sessions was throttled ("Pool depleted"): harmless in the warm-up (cold JIT), while in the
# measured phase it means the rate was not held (HyperfoilRunLog says so)
echo "[constant-rate] sessions in use at most (of $SESSIONS):" \
  "$(sed -nE 's/.*Phase (\S+) used [0-9]+ - ([0-9]+) sessions\./\1 \2/p' "$LOG" | paste -sd, | sed 's/,/, /g')" >&2
# Hyperfoil's own watchdogs: a saturated CPU or a stalled load generator make the figures the generator's
grep -E 'CpuWatchdog' "$LOG" | sed 's/^/[constant-rate] /' >&2 || true
stalls=$(grep -c 'Jitter watchdog was not invoked' "$LOG" || true)
[ "$stalls" = 0 ] || echo "[constant-rate] the load generator stalled > 100 ms $stalls times (Jitter watchdog)" >&2
refused=$(grep -c 'Cannot create connection' "$LOG" || true)
[ "$refused" = 0 ] || echo "[constant-rate] $refused failed connection attempts to 127.0.0.1:$PORT" >&2

java -cp "$JAR" io.meshplane.benchmarks.HyperfoilRunLog "$LOG" measured/entity "$SECONDS_MEASURED" "$SESSIONS"
