#!/usr/bin/env bash
# The load harness (PERF.md): builds, brings up PostgreSQL, Redis and a Kafka broker of its own, starts one Meshplane
# node pinned to core 0 (load on core 1), loads entities, measures the scenarios against baselines taken in the same
# run, prints one markdown table and writes benchmarks/results/<timestamp>.json. Usage: benchmarks/load.sh [--quick]
#   --quick   10k entities, 3 s warm-up + 5 s measured, one repetition (≈ 2 minutes); default: 100k, 10 s + 15 s, two.
# Measured so far: S1, S4, S5, S6 and their baselines (bare Vert.x, pgbench with the write's three statements).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--quick" ]; then
  ENTITIES=10000 WARM=3 MEASURE=5 REPS=1
else
  ENTITIES=100000 WARM=10 MEASURE=15 REPS=2
fi
HOT=$((ENTITIES < 10000 ? ENTITIES : 10000))
THREADS=2 CONNECTIONS=64
NODE_PORT=18180 BARE_PORT=18181 KAFKA_PORT=19192 HAZELCAST_PORT=15951
WORK=benchmarks/target/load
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULT=benchmarks/results/$STAMP.json
mkdir -p "$WORK" benchmarks/results

started=()
cleanup() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

log() { echo "[load] $*" >&2; }
wait_for() { # <what> <command…>: up to 120 s
  local what=$1; shift
  for _ in $(seq 1 240); do if "$@" >/dev/null 2>&1; then return 0; fi; sleep 0.5; done
  log "$what did not come up"; exit 1
}

scripts/services.sh up
command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
log "building"
mvn -B -ntp -q package -DskipTests -pl broker,verticles,benchmarks -am

log "starting a Kafka broker on 127.0.0.1:$KAFKA_PORT"
rm -rf "$WORK/kafka"
java -Xmx512m -jar broker/target/meshplane-broker.jar --port "$KAFKA_PORT" --data-dir "$WORK/kafka" \
  >"$WORK/kafka.log" 2>&1 &
started+=($!)
wait_for "the broker" grep -q "Kafka broker up on" "$WORK/kafka.log"

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS meshplane_bench" -c "CREATE DATABASE meshplane_bench"
MESHPLANE_AUTH_JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
export MESHPLANE_AUTH_JWT_SECRET
log "starting the node on core 0 (log: $WORK/node.log)"
taskset -c 0 java @config/jvm.options -Xms1g -Xmx1g -jar verticles/target/meshplane.jar \
  --set http.port=$NODE_PORT --set pg.database=meshplane_bench --set kafka.bootstrap=127.0.0.1:$KAFKA_PORT \
  --set hazelcast.cluster-name="bench-$STAMP" --set hazelcast.port=$HAZELCAST_PORT \
  --set redis.key-prefix="bench-$STAMP:" --set node.event-loops=2 --set cache.warmup-entries=0 \
  >"$WORK/node.log" 2>&1 &
started+=($!)
wait_for "the node" curl -sf "http://127.0.0.1:$NODE_PORT/health/ready"
TOKEN=$(java -jar verticles/target/meshplane.jar token --scope catalog:write 2>/dev/null | tail -1)
export TOKEN ENTITIES HOT THREADS

log "loading $ENTITIES entities"
MODE=put taskset -c 1 wrk -t$THREADS -c32 -d3600s -s benchmarks/load/stripes.lua "http://127.0.0.1:$NODE_PORT" \
  >/dev/null &
loader=$!
started+=($loader)
loaded=0
while [ "$loaded" -lt "$ENTITIES" ]; do
  sleep 1
  loaded=$(psql -h 127.0.0.1 -U postgres -d meshplane_bench -tAc "SELECT count(*) FROM mp_entity")
  printf '\r[load] %7d / %d entities (%3d %%)' "$loaded" "$ENTITIES" $((loaded * 100 / ENTITIES)) >&2
done
kill $loader
echo >&2
log "waiting for the outbox to drain (every write is also a change event to publish)"
outbox_empty() { [ "$(psql -h 127.0.0.1 -U postgres -d meshplane_bench -tAc 'SELECT count(*) FROM mp_outbox')" = 0 ]; }
wait_for "an empty outbox" outbox_empty

# wrk's "Requests/sec" and the 50 % / 99 % latencies of --latency, in ms
parse_wrk() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    END { printf "%s %.2f %.2f\n", rps, p50, p99 }'
}

# <scenario> <script> <port>: warm-up, then REPS measurements → "median-rps min-rps max-rps p50 p99" (of the median run)
measure() {
  local script=$2 port=$3 runs=()
  taskset -c 1 wrk -t$THREADS -c$CONNECTIONS -d${WARM}s -s "$script" "http://127.0.0.1:$port" >/dev/null
  for _ in $(seq 1 $REPS); do
    runs+=("$(taskset -c 1 wrk -t$THREADS -c$CONNECTIONS -d${MEASURE}s --latency -s "$script" \
      "http://127.0.0.1:$port" | parse_wrk)")
  done
  printf '%s\n' "${runs[@]}" | sort -n | awk '{ r[NR] = $0; v[NR] = $1 }
    END { m = int((NR + 1) / 2); split(r[m], f, " "); printf "%s %s %s %s %s\n", f[1], v[1], v[NR], f[2], f[3] }'
}

log "reading every hot entity once, then S1: reads answered from L1"
MODE=get taskset -c 1 wrk -t$THREADS -c$CONNECTIONS -d$((WARM + 5))s -s benchmarks/load/stripes.lua \
  "http://127.0.0.1:$NODE_PORT" \
  >/dev/null
read -r s1 s1min s1max s1p50 s1p99 <<<"$(measure S1 benchmarks/load/read.lua $NODE_PORT)"
log "S4: batches of 20 ids"
read -r s4 s4min s4max s4p50 s4p99 <<<"$(measure S4 benchmarks/load/batch.lua $NODE_PORT)"
log "S6: 95 % reads, 5 % writes"
read -r s6 s6min s6max s6p50 s6p99 <<<"$(measure S6 benchmarks/load/mixed.lua $NODE_PORT)"
log "S5: writes with 1 KiB attributes"
read -r s5 s5min s5max s5p50 s5p99 <<<"$(measure S5 benchmarks/load/write.lua $NODE_PORT)"

body=$(curl -s "http://127.0.0.1:$NODE_PORT/v1/entities/urn:bench:1" | wc -c)
log "baseline: bare Vert.x, $body-byte body, on core 0"
taskset -c 0 java @config/jvm.options -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar \
  io.meshplane.benchmarks.BareHttpServer $BARE_PORT "$body" 2 >"$WORK/bare.log" 2>&1 &
started+=($!)
wait_for "the bare server" curl -sf "http://127.0.0.1:$BARE_PORT/"
read -r bare baremin baremax barep50 barep99 <<<"$(measure bare benchmarks/load/read.lua $BARE_PORT)"

log "baseline: pgbench, the write's three statements per transaction"
pgbench_tps=()
for _ in $(seq 1 $REPS); do
  pgbench_tps+=("$(taskset -c 1 pgbench -h 127.0.0.1 -U postgres -n -M simple -c $CONNECTIONS -j $THREADS \
    -T $MEASURE -f benchmarks/load/write.sql meshplane_bench 2>/dev/null | awk '/^tps/ { print $3 }')")
done
writes=$(printf '%s\n' "${pgbench_tps[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 >= t + 0 ? "pass" : "short") }'; }
s1_ratio=$(ratio "$s1" "$bare")
s4_ids=$(awk -v r="$s4" 'BEGIN { printf "%.0f", r * 20 }')
s4_ratio=$(ratio "$s4_ids" "$s1")
s5_ratio=$(ratio "$s5" "$writes")
s5_verdict=$(awk -v r="$s5_ratio" -v p="$s5p99" 'BEGIN { print (r >= 2 && p < 25 ? "pass" : "short") }')
s6_ratio=$(ratio "$s6" "$s1")

cat <<TABLE

Meshplane load, $STAMP: $(nproc) cores, $(java -version 2>&1 | head -1), $ENTITIES entities, wrk -t$THREADS -c$CONNECTIONS, ${WARM} s warm-up + ${MEASURE} s × $REPS

| scenario | figure (median; spread) | baseline (same run) | ratio | target | verdict |
|---|---|---|---|---|---|
| S1 L1 hits | $s1 req/s ($s1min–$s1max); p50 $s1p50 ms, p99 $s1p99 ms | bare Vert.x $bare req/s; p99 $barep99 ms | $s1_ratio | ≥ 0.85 | $(verdict "$s1_ratio" 0.85) |
| S4 batches of 20 | $s4_ids ids/s ($s4 req/s); p99 $s4p99 ms | S1 $s1 req/s | $s4_ratio | report | — |
| S5 writes, 1 KiB | $s5 writes/s ($s5min–$s5max); p50 $s5p50 ms, p99 $s5p99 ms | pgbench, 3 statements/tx: $writes tps | $s5_ratio | ≥ 2, p99 < 25 ms | $s5_verdict |
| S6 95 % reads / 5 % writes | $s6 req/s ($s6min–$s6max); p99 $s6p99 ms | S1 $s1 req/s | $s6_ratio | report | — |
| S2, S3, S7, S8 | not measured by this harness yet | | | | |
TABLE

cat >"$RESULT" <<JSON
{"timestamp": "$STAMP", "entities": $ENTITIES, "warmupSeconds": $WARM, "measureSeconds": $MEASURE, "repetitions": $REPS,
 "wrk": {"threads": $THREADS, "connections": $CONNECTIONS},
 "baselines": {"bareVertxRps": $bare, "pgbenchWriteTps": $writes},
 "scenarios": {
  "S1": {"rps": $s1, "min": $s1min, "max": $s1max, "p50Ms": $s1p50, "p99Ms": $s1p99, "ratio": $s1_ratio},
  "S4": {"idsPerSecond": $s4_ids, "rps": $s4, "p99Ms": $s4p99, "ratioToS1": $s4_ratio},
  "S5": {"writesPerSecond": $s5, "min": $s5min, "max": $s5max, "p50Ms": $s5p50, "p99Ms": $s5p99, "ratio": $s5_ratio},
  "S6": {"rps": $s6, "min": $s6min, "max": $s6max, "p99Ms": $s6p99, "ratioToS1": $s6_ratio}}}
JSON
log "written: $RESULT"
