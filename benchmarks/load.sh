#!/usr/bin/env bash
# The load harness (PERF.md): builds, brings up PostgreSQL, Redis and a Kafka broker of its own, starts one Meshplane
# node pinned to core 0 (load on core 1), loads entities, measures the scenarios against baselines taken in the same
# run, prints one markdown table and writes benchmarks/results/<timestamp>.json. Usage: benchmarks/load.sh [--quick]
#   --quick   10k entities, 5k events, 2 s warm-up + 4 s measured, one repetition, for everyday checks (under 3
#             minutes here when nothing needs building); default: 100k entities, 100k events, 10 s warm-up (then 5 s
#             runs until two agree within 5 %, for up to 30 s more) + 15 s measured, two repetitions (≈ 12 minutes).
#   Each wrk figure comes with the seconds its server's JIT compiled while it was measured; no verdict is given where
#   that exceeds a fifth of the measured time (a JVM just started compiles on the core it serves from).
# Scenarios S1–S8 and their baselines: a bare Vert.x server, redis-benchmark GET, pgbench -S, pgbench with the write's
# three statements, a raw Kafka consume → produce pipe (benchmarks/load/routing.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--quick" ]; then
  ENTITIES=10000 EVENTS=5000 WARM=2 MEASURE=4 REPS=1 RESTART_WARM=0 EVENTS_WARM=2500 STEADY_MAX=0
else
  ENTITIES=100000 EVENTS=100000 WARM=10 MEASURE=15 REPS=2 RESTART_WARM=20 EVENTS_WARM=100000 STEADY_MAX=30
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

log() { echo "[load] $(date +%T) $*" >&2; }
wait_for() { # <what> <command…>: up to 120 s
  local what=$1; shift
  for _ in $(seq 1 240); do if "$@" >/dev/null 2>&1; then return 0; fi; sleep 0.5; done
  log "$what did not come up"; exit 1
}

scripts/services.sh up
command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
jars="broker/target/meshplane-broker.jar verticles/target/meshplane.jar benchmarks/target/benchmarks.jar"
newer_than() { find "${@:2}" -type f -newer "$1" 2>/dev/null | head -1; }
if ls $jars >/dev/null 2>&1 && [ -z "$(newer_than verticles/target/meshplane.jar pom.xml ./*/pom.xml codecs/src broker/src \
  verticles/src)" ] && [ -z "$(newer_than benchmarks/target/benchmarks.jar benchmarks/src)" ]; then
  log "the jars are newer than every source: not building"
else
  log "building"
  mvn -B -ntp -q package -DskipTests -pl broker,verticles,benchmarks -am
fi

log "starting a Kafka broker on 127.0.0.1:$KAFKA_PORT"
rm -rf "$WORK/kafka"
java -Xmx512m -jar broker/target/meshplane-broker.jar --port "$KAFKA_PORT" --data-dir "$WORK/kafka" \
  >"$WORK/kafka.log" 2>&1 &
started+=($!)
wait_for "the broker" grep -q "Kafka broker up on" "$WORK/kafka.log"

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS meshplane_bench" -c "CREATE DATABASE meshplane_bench"
MESHPLANE_AUTH_JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
export MESHPLANE_AUTH_JWT_SECRET
# <label> [--set key=value …]: one node on core 0 with the bench's settings (and these), ready; its pid in NODE
start_node() {
  local label=$1; shift
  log "starting the node on core 0 ($label; log: $WORK/node-$label.log)"
  # a flight recording of every node (JFR's default settings, < 1 % overhead), to explain a slow figure afterwards
  taskset -c 0 java @config/jvm.options -Xms1g -Xmx1g \
    -XX:StartFlightRecording=filename="$WORK/node-$label.jfr",dumponexit=true -jar verticles/target/meshplane.jar \
    --set http.port=$NODE_PORT --set pg.database=meshplane_bench --set kafka.bootstrap=127.0.0.1:$KAFKA_PORT \
    --set hazelcast.cluster-name="bench-$STAMP" --set hazelcast.port=$HAZELCAST_PORT \
    --set redis.key-prefix="bench-$STAMP:" --set node.event-loops=2 --set cache.warmup-entries=0 "$@" \
    >"$WORK/node-$label.log" 2>&1 &
  NODE=$!
  started+=($NODE)
  wait_for "the node" curl -sf "http://127.0.0.1:$NODE_PORT/health/ready"
}
stop_node() { kill "$NODE"; wait "$NODE" 2>/dev/null || true; }

start_node all-tiers
# one token for the writes here and the rules of S7 (routing.sh takes it from the environment)
TOKEN=$(java -jar verticles/target/meshplane.jar token --scope "catalog:write routes:admin" 2>/dev/null | tail -1)
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
# wrk builds one request per thread before the run and never sends it: the loader's very first id is never written
curl -sf -X PUT -H "Content-Type: application/json" -H "Authorization: Bearer $TOKEN" \
  -d '{"type":"dataset","domain":"bench","owner":"team","tags":["a"],"attributes":{"n":1}}' \
  "http://127.0.0.1:$NODE_PORT/v1/entities/urn:bench:1" >/dev/null
log "waiting for the outbox to drain (every write is also a change event to publish)"
outbox_empty() { [ "$(psql -h 127.0.0.1 -U postgres -d meshplane_bench -tAc 'SELECT count(*) FROM mp_outbox')" = 0 ]; }
wait_for "an empty outbox" outbox_empty

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# wrk's "Requests/sec", the 50 % / 99 % latencies of --latency in ms, and the number of requests
parse_wrk() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /requests in/ { requests = $1 }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    END { printf "%s %.2f %.2f %s\n", rps, p50, p99, requests }'
}

# CPU time a process has used so far, in clock ticks (user + system; /proc/<pid>/stat fields 14 and 15)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# …and of PostgreSQL (shared by the node and the baselines, never pinned): its live processes, plus what the
# backends that have ended used (the postmaster's reaped children, fields 16 and 17)
pg_ticks() {
  local postmaster
  postmaster=$(pgrep -xo postgres)
  for pid in $(pgrep -x postgres); do cat "/proc/$pid/stat" 2>/dev/null || true; done |
    awk -v m="$postmaster" '{ t += $14 + $15; if ($1 == m) t += $16 + $17 } END { print t + 0 }'
}
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# seconds the JVM <pid> has spent compiling so far (HotSpot's counter): C2 shares the node's one core, so a figure
# taken while it still compiles is lower than the node's steady state
jit_seconds() { jstat -compiler "$1" 2>/dev/null | awk 'NR == 2 { print $4 + 0 }' || echo 0; }

# after the warm-up, 5 s runs until two in a row are within 5 % of each other (PERF.md: "or until throughput is
# steady"), for at most STEADY_MAX seconds
warm_until_steady() {
  local script=$1 port=$2 previous=0 current waited=0
  while [ "$waited" -lt "$STEADY_MAX" ]; do
    current=$(taskset -c 1 wrk -t$THREADS -c$CONNECTIONS -d5s -s "$script" "http://127.0.0.1:$port" | parse_wrk |
      awk '{ print $1 }')
    waited=$((waited + 5))
    if awk -v a="$previous" -v b="$current" 'BEGIN { exit !(a > 0 && b < a * 1.05 && b > a * 0.95) }'; then
      break
    fi
    previous=$current
  done
  [ "$waited" = 0 ] || log "  steady after $waited s more of warm-up (last 5 s: $current req/s)"
}

# <scenario> <script> <port> <server pid>: warm-up, then REPS measurements → "median-rps min-rps max-rps p50 p99
# cpu-us pg-cpu-us jit-s" (latencies of the median run; CPU time per request of the server and of PostgreSQL over all
# measured runs; seconds the server's JIT compiled during them)
measure() {
  local script=$2 port=$3 pid=$4 runs=() before pg_before jit_before
  taskset -c 1 wrk -t$THREADS -c$CONNECTIONS -d${WARM}s -s "$script" "http://127.0.0.1:$port" >/dev/null
  warm_until_steady "$script" "$port"
  before=$(cpu_ticks "$pid")
  pg_before=$(pg_ticks)
  jit_before=$(jit_seconds "$pid")
  for _ in $(seq 1 $REPS); do
    runs+=("$(taskset -c 1 wrk -t$THREADS -c$CONNECTIONS -d${MEASURE}s --latency -s "$script" \
      "http://127.0.0.1:$port" | parse_wrk)")
  done
  local used=$(( ($(cpu_ticks "$pid") - before) * TICK_US )) pg_used=$(( ($(pg_ticks) - pg_before) * TICK_US ))
  local jit
  jit=$(awk -v a="$jit_before" -v b="$(jit_seconds "$pid")" 'BEGIN { printf "%.1f", b - a }')
  printf '%s\n' "${runs[@]}" | sort -n | awk -v used="$used" -v pg="$pg_used" -v jit="$jit" '{ r[NR] = $0; v[NR] = $1; n += $4 }
    END { m = int((NR + 1) / 2); split(r[m], f, " ")
          printf "%s %s %s %s %s %.0f %.0f %s\n", f[1], v[1], v[NR], f[2], f[3], (n > 0 ? used / n : 0), (n > 0 ? pg / n : 0), jit }'
}

log "reading every hot entity once, then S1: reads answered from L1"
MODE=get taskset -c 1 wrk -t$THREADS -c$CONNECTIONS -d$((WARM + 5))s -s benchmarks/load/stripes.lua \
  "http://127.0.0.1:$NODE_PORT" \
  >/dev/null
read -r s1 s1min s1max s1p50 s1p99 s1cpu s1pg s1jit <<<"$(measure S1 benchmarks/load/read.lua $NODE_PORT "$NODE")"
s8_rate=$(awk -v r="$s1" 'BEGIN { printf "%d", r / 2 }')
log "S8: L1 reads at a constant $s8_rate req/s (half of S1), Hyperfoil"
# 256 sessions (and connections) hold the rate up to 7 ms of latency at 35k req/s; more only load the generator
S8_SESSIONS=256
read -r s8 s8p50 s8p99 s8p999 s8errors <<<"$(WARMUP=$WARM SESSIONS=$S8_SESSIONS \
  benchmarks/load/constant-rate.sh $NODE_PORT "$s8_rate" $MEASURE $HOT)"
log "S4: batches of 20 ids"
read -r s4 s4min s4max s4p50 s4p99 s4cpu s4pg s4jit <<<"$(measure S4 benchmarks/load/batch.lua $NODE_PORT "$NODE")"
# what PostgreSQL's backends are doing, every 2 s, while the writes run: S5 has been found both at 2 x pgbench and at
# a tenth of it, with PostgreSQL spending 35 x the CPU per write in the slow runs; the samples say on what
sample_pg_activity() {
  while true; do
    psql -h 127.0.0.1 -U postgres -tAc "SELECT now()::time(0), state, wait_event_type, wait_event, count(*),
      left(regexp_replace(query, '\s+', ' ', 'g'), 90) FROM pg_stat_activity WHERE datname = 'meshplane_bench'
      AND state <> 'idle' GROUP BY 1, 2, 3, 4, 6 ORDER BY 5 DESC" 2>/dev/null || true
    # and which of PostgreSQL's processes use the CPU (backends, checkpointer, WAL writer …), over half a second
    top -b -c -w 200 -n2 -d0.5 -u postgres 2>/dev/null | awk '/^top -/ { n++ } n == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 >= 5 {
      printf "  %5s %% %s\n", $9, substr($0, index($0, $12)) }' | head -6 || true
    sleep 2
  done >"$WORK/pg-activity-writes.txt"
}
sample_pg_activity &
pg_sampler=$!
started+=($pg_sampler)
log "S6: 95 % reads, 5 % writes"
read -r s6 s6min s6max s6p50 s6p99 s6cpu s6pg s6jit <<<"$(measure S6 benchmarks/load/mixed.lua $NODE_PORT "$NODE")"
log "S5: writes with 1 KiB attributes"
read -r s5 s5min s5max s5p50 s5p99 s5cpu s5pg s5jit <<<"$(measure S5 benchmarks/load/write.lua $NODE_PORT "$NODE")"

kill $pg_sampler 2>/dev/null || true
log "  PostgreSQL's activity during S6 and S5: $WORK/pg-activity-writes.txt"
body=$(curl -s "http://127.0.0.1:$NODE_PORT/v1/entities/urn:bench:1" | wc -c)
# the next measurements must not share the node's core with relaying what S5 and S6 wrote
wait_for "an empty outbox" outbox_empty

log "S7: routing through 10 rules (one enrich) against a raw consume → produce pipe"
read -r s7 s7p99 pipe pipep99 s7min s7max pipemin pipemax <<<"$(LATENCY_WARM_SECONDS=$WARM LATENCY_SECONDS=$MEASURE \
  WARM_COUNT=$EVENTS_WARM REPS=$REPS benchmarks/load/routing.sh $NODE_PORT 127.0.0.1:$KAFKA_PORT $EVENTS)"
stop_node

# S2 and S3 read the same hot set with reads skipping tiers; writes kept Redis current, so it holds every entity.
# a node just started compiles its read path on the core it serves from: warm it longer (not in quick mode)
warm_restarted() {
  [ "$RESTART_WARM" = 0 ] || taskset -c 1 wrk -t$THREADS -c$CONNECTIONS -d${RESTART_WARM}s \
    -s benchmarks/load/read.lua "http://127.0.0.1:$NODE_PORT" >/dev/null
}
start_node redis-answers --set cache.l1-reads=false
warm_restarted
log "S2: reads answered from Redis (L1 skipped)"
read -r s2 s2min s2max s2p50 s2p99 s2cpu s2pg s2jit <<<"$(measure S2 benchmarks/load/read.lua $NODE_PORT "$NODE")"
stop_node
start_node postgres-answers --set cache.l1-reads=false --set cache.l2-reads=false
warm_restarted
log "S3: reads answered from PostgreSQL (L1 and L2 skipped)"
read -r s3 s3min s3max s3p50 s3p99 s3cpu s3pg s3jit <<<"$(measure S3 benchmarks/load/read.lua $NODE_PORT "$NODE")"
stop_node


log "baseline: bare Vert.x, $body-byte body, on core 0"
taskset -c 0 java @config/jvm.options -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar \
  io.meshplane.benchmarks.BareHttpServer $BARE_PORT "$body" 2 >"$WORK/bare.log" 2>&1 &
BARE=$!
started+=($BARE)
wait_for "the bare server" curl -sf "http://127.0.0.1:$BARE_PORT/"
read -r bare baremin baremax barep50 barep99 barecpu _ barejit <<<"$(measure bare benchmarks/load/read.lua $BARE_PORT "$BARE")"
log "baseline: the bare server at S8's constant rate (what the load generator itself adds)"
read -r bare8 bare8p50 bare8p99 bare8p999 _ <<<"$(WARMUP=$WARM SESSIONS=$S8_SESSIONS \
  benchmarks/load/constant-rate.sh $BARE_PORT "$s8_rate" $MEASURE $HOT)"

# <pgbench options…>: REPS runs on core 1 → "median-tps pg-cpu-us-per-tx" (PostgreSQL's CPU over all the runs)
pgbench_runs() {
  local runs=() before
  before=$(pg_ticks)
  for _ in $(seq 1 $REPS); do
    runs+=("$(taskset -c 1 pgbench -h 127.0.0.1 -U postgres -n -c $CONNECTIONS -j $THREADS -T $MEASURE "$@" \
      meshplane_bench 2>/dev/null | awk '/^tps/ { print $3 }')")
  done
  printf '%s\n' "${runs[@]}" | sort -n | awk -v used=$(( ($(pg_ticks) - before) * TICK_US )) -v secs=$MEASURE \
    '{ v[NR] = $1; n += $1 * secs } END { printf "%s %.0f\n", v[int((NR + 1) / 2)], (n > 0 ? used / n : 0) }'
}
log "baseline: pgbench, the write's three statements per transaction"
read -r writes writes_pg <<<"$(pgbench_runs -M simple -f benchmarks/load/write.sql)"
log "baseline: pgbench -S -M prepared (scale 10)"
pgbench -h 127.0.0.1 -U postgres -i -q -s 10 meshplane_bench >/dev/null 2>&1
read -r selects selects_pg <<<"$(pgbench_runs -S -M prepared)"

log "baseline: redis-benchmark GET of a $body-byte value"
ceiling_key="bench-$STAMP:ceiling"
head -c "$body" /dev/zero | tr '\0' x | redis-cli -h 127.0.0.1 -x SET "$ceiling_key" >/dev/null
redis_gets=()
for _ in $(seq 1 $REPS); do
  redis_gets+=("$(taskset -c 1 redis-benchmark -h 127.0.0.1 -c $CONNECTIONS --threads $THREADS -n $((MEASURE * 40000)) \
    --csv GET "$ceiling_key" | awk -F'"' 'NR == 2 { print $4 }')")
done
redis-cli -h 127.0.0.1 DEL "$ceiling_key" >/dev/null
l2_gets=$(printf '%s\n' "${redis_gets[@]}" | median)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 >= t + 0 ? "pass" : "short") }'; }
# <verdict> <jit-s>…: the verdict, unless a server compiled for more than a fifth of the measured time (a JVM just
# started, as in quick mode): then the figures are its JIT's, and no verdict is given
judged() {
  local verdict=$1; shift
  awk -v limit="$(awk -v m="$MEASURE" -v r="$REPS" 'BEGIN { print m * r / 5 }')" -v verdict="$verdict" \
    'BEGIN { for (i = 1; i < ARGC; i++) if (ARGV[i] + 0 > limit) { print "— (JIT still compiling)"; exit }
             print verdict }' "$@"
}
s1_ratio=$(ratio "$s1" "$bare")
s4_ids=$(awk -v r="$s4" 'BEGIN { printf "%.0f", r * 20 }')
s4_ratio=$(ratio "$s4_ids" "$s1")
s5_ratio=$(ratio "$s5" "$writes")
s5_verdict=$(awk -v r="$s5_ratio" -v p="$s5p99" 'BEGIN { print (r >= 2 && p < 25 ? "pass" : "short") }')
s6_ratio=$(ratio "$s6" "$s1")
s2_ratio=$(ratio "$s2" "$s1")
s3_ratio=$(ratio "$s3" "$selects")
s7_ratio=$(ratio "$s7" "$pipe")
s8_verdict=$(awk -v p="$s8p99" -v q="$s8p999" -v e="$s8errors" 'BEGIN { print (p < 2 && q < 10 && e == 0 ? "pass" : "short") }')

cat <<TABLE

Meshplane load, $STAMP: $(nproc) cores, $(java -version 2>&1 | head -1), $ENTITIES entities, wrk -t$THREADS -c$CONNECTIONS, ${WARM} s warm-up + ${MEASURE} s × $REPS

| scenario | figure (median; spread; the server's CPU time per request) | baseline (same run) | ratio | target | verdict |
|---|---|---|---|---|---|
| S1 L1 hits | $s1 req/s ($s1min–$s1max); p50 $s1p50 ms, p99 $s1p99 ms; CPU $s1cpu µs/req, JIT $s1jit s | bare Vert.x $bare req/s; p99 $barep99 ms; CPU $barecpu µs/req, JIT $barejit s | $s1_ratio | ≥ 0.85 | $(judged "$(verdict "$s1_ratio" 0.85)" "$s1jit" "$barejit") |
| S2 Redis answers | $s2 req/s ($s2min–$s2max); p50 $s2p50 ms, p99 $s2p99 ms; CPU $s2cpu µs/req, JIT $s2jit s | S1 $s1 req/s (redis-benchmark GET: $l2_gets ops/s) | $s2_ratio | ≥ 0.45 | $(judged "$(verdict "$s2_ratio" 0.45)" "$s2jit" "$s1jit") |
| S3 PostgreSQL answers | $s3 req/s ($s3min–$s3max); p50 $s3p50 ms, p99 $s3p99 ms; CPU $s3cpu µs/req, PostgreSQL $s3pg µs/req, JIT $s3jit s | pgbench -S -M prepared: $selects tps; PostgreSQL $selects_pg µs/tx | $s3_ratio | ≥ 0.9 | $(judged "$(verdict "$s3_ratio" 0.9)" "$s3jit") |
| S4 batches of 20 | $s4_ids ids/s ($s4 req/s); p99 $s4p99 ms; CPU $s4cpu µs/req, JIT $s4jit s | S1 $s1 req/s | $s4_ratio | report | — |
| S5 writes, 1 KiB | $s5 writes/s ($s5min–$s5max); p50 $s5p50 ms, p99 $s5p99 ms; CPU $s5cpu µs/write, PostgreSQL $s5pg µs/write, JIT $s5jit s | pgbench, 3 statements/tx: $writes tps; PostgreSQL $writes_pg µs/tx | $s5_ratio | ≥ 2, p99 < 25 ms | $(judged "$s5_verdict" "$s5jit") |
| S6 95 % reads / 5 % writes | $s6 req/s ($s6min–$s6max); p99 $s6p99 ms; CPU $s6cpu µs/req, JIT $s6jit s | S1 $s1 req/s | $s6_ratio | report | — |
| S7 routing, 10 rules incl. enrich | $s7 events/s ($s7min–$s7max); end-to-end p99 $s7p99 ms at half the lower throughput | raw Kafka pipe $pipe events/s ($pipemin–$pipemax); p99 $pipep99 ms | $s7_ratio | ≥ 0.7 | $(verdict "$s7_ratio" 0.7) |
| S8 constant rate, L1 hits | $s8 req/s of $s8_rate asked; p50 $s8p50 ms, p99 $s8p99 ms, p99.9 $s8p999 ms; $s8errors errors | bare Vert.x at the same rate: $bare8 req/s; p50 $bare8p50 ms, p99 $bare8p99 ms, p99.9 $bare8p999 ms | | p99 < 2 ms, p99.9 < 10 ms | $s8_verdict |
TABLE

cat >"$RESULT" <<JSON
{"timestamp": "$STAMP", "entities": $ENTITIES, "warmupSeconds": $WARM, "measureSeconds": $MEASURE, "repetitions": $REPS,
 "wrk": {"threads": $THREADS, "connections": $CONNECTIONS},
 "events": $EVENTS,
 "baselines": {"bareVertxRps": $bare, "kafkaPipeEventsPerSecond": $pipe, "kafkaPipeP99Ms": $pipep99,
  "bareVertxAtS8Rate": {"rps": $bare8, "p50Ms": $bare8p50, "p99Ms": $bare8p99, "p999Ms": $bare8p999}, "bareVertxCpuMicrosPerRequest": $barecpu, "bareVertxJitSeconds": $barejit, "pgbenchWriteTps": $writes, "pgbenchWritePgCpuMicros": $writes_pg, "pgbenchSelectTps": $selects,
  "pgbenchSelectPgCpuMicros": $selects_pg,
  "redisBenchmarkGetOps": $l2_gets},
 "scenarios": {
  "S1": {"rps": $s1, "min": $s1min, "max": $s1max, "p50Ms": $s1p50, "p99Ms": $s1p99, "ratio": $s1_ratio, "cpuMicrosPerRequest": $s1cpu, "jitSeconds": $s1jit},
  "S2": {"rps": $s2, "min": $s2min, "max": $s2max, "p50Ms": $s2p50, "p99Ms": $s2p99, "ratioToS1": $s2_ratio, "cpuMicrosPerRequest": $s2cpu, "jitSeconds": $s2jit},
  "S3": {"rps": $s3, "min": $s3min, "max": $s3max, "p50Ms": $s3p50, "p99Ms": $s3p99, "ratio": $s3_ratio, "cpuMicrosPerRequest": $s3cpu, "jitSeconds": $s3jit, "pgCpuMicrosPerRequest": $s3pg},
  "S4": {"idsPerSecond": $s4_ids, "rps": $s4, "p99Ms": $s4p99, "ratioToS1": $s4_ratio, "cpuMicrosPerRequest": $s4cpu, "jitSeconds": $s4jit},
  "S5": {"writesPerSecond": $s5, "min": $s5min, "max": $s5max, "p50Ms": $s5p50, "p99Ms": $s5p99, "ratio": $s5_ratio, "cpuMicrosPerRequest": $s5cpu, "jitSeconds": $s5jit, "pgCpuMicrosPerRequest": $s5pg},
  "S7": {"eventsPerSecond": $s7, "min": $s7min, "max": $s7max, "p99Ms": $s7p99, "ratio": $s7_ratio,
   "pipeMin": $pipemin, "pipeMax": $pipemax},
  "S8": {"rateAsked": $s8_rate, "rps": $s8, "p50Ms": $s8p50, "p99Ms": $s8p99, "p999Ms": $s8p999, "errors": $s8errors},
  "S6": {"rps": $s6, "min": $s6min, "max": $s6max, "p99Ms": $s6p99, "ratioToS1": $s6_ratio, "cpuMicrosPerRequest": $s6cpu, "jitSeconds": $s6jit}}}
JSON
log "written: $RESULT"
