#!/usr/bin/env bash
# Scenario S7 of the load harness (PERF.md): routing through the 10 rules of benchmarks/load/routes (one enrich) against
# a raw Kafka consume → produce pipe with the router's client settings, same record size, no rules.
# Usage: benchmarks/load/routing.sh <node-port> <bootstrap> <count>
#   The node runs on core 0 (as load.sh starts it) with kafka.bootstrap=<bootstrap>; MESHPLANE_AUTH_JWT_SECRET is
#   exported with the node's secret (or TOKEN, with scopes catalog:write and routes:admin); broker, verticles and
#   benchmarks are built. SIZE (default 512) = data bytes; REPS (default 2) = backlogs drained by the router and by
#   the pipe.
# Prints ONE line on stdout: <router-events/s> <router-p99-ms> <pipe-events/s> <pipe-p99-ms> <router-min> <router-max>
# <pipe-min> <pipe-max> (throughputs: the median of REPS backlogs, the lower middle one of an even count; details on
# stderr). The bench rules are deleted again at the end.
#
# How it is measured (RoutingLoad's javadoc has the exact definitions):
# - Throughput: a backlog of <count> events exists BEFORE the router may read it, and the router drains it alone.
#   The rules read their own topic (bench.routing.in, through "from"), not the ingress topic: the node always consumes
#   the ingress topic, so a backlog there would be routed (or counted unmatched) while it is being produced, and
#   the figure would be the producer's rate, shared cores included. Here the backlog is produced while no rule reads
#   bench.routing.in, then the rules are PUT and the router subscribes (within router.refresh-interval-ms) and
#   drains it. The pipe drains an identical backlog in bench.pipe.in, pinned to core 0 with the node's JVM flags.
#   events/s = (N − 1) / (latest − earliest CreateTime of the N output records), the times the router's or the
#   pipe's producer stamped them: start-up and subscription delays are out of both figures alike. Before its
#   backlog, each of them handles WARM_COUNT (default <count>) events, so that neither is measured with a cold JIT
#   (the pipe's JVM is new; the router's code may not have run since the node started): the router live from
#   bench.routing.in, the pipe from bench.pipe.warm, switching to bench.pipe.in when told (as the router switches
#   when its rules change).
# - Latency: end-to-end p99 only means something without a backlog (a drained backlog's "latency" is its queueing
#   time). So afterwards, with the router and the pipe live, events are produced at a fixed rate — half the lower of
#   the two throughputs (RATE_FRACTION), the same rate for both — for LATENCY_WARM_SECONDS + LATENCY_SECONDS, and a
#   drain already positioned at the end of the output topics measures its poll's arrival time − ce_time (the
#   producer's send time; producer linger 5 ms included, alike for both) of the events sent after the warm-up
#   (RoutingLoad roundtrip: drain and producer in one JVM, as for the warm-ups).
# Each rule matches exactly one of the 10 event types, so every event is routed once: N in → N out.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=$1 BOOTSTRAP=$2 COUNT=$3
SIZE=${SIZE:-512} TYPES=10 ENTITIES=1000 PARTITIONS=6 LATENCY_SECONDS=${LATENCY_SECONDS:-15}
RATE_FRACTION=${RATE_FRACTION:-0.5} LATENCY_WARM_SECONDS=${LATENCY_WARM_SECONDS:-5} WARM_COUNT=${WARM_COUNT:-$COUNT}
REPS=${REPS:-2}
IN=bench.routing.in OUT=bench.routing.out.a,bench.routing.out.b,bench.routing.out.c
PIPE_IN=bench.pipe.backlog PIPE_OUT=bench.pipe.out PIPE_WARM=bench.pipe.warm
RUN=s7-$(date +%s)
WORK=benchmarks/target/load/routing
NODE=http://127.0.0.1:$PORT
mkdir -p "$WORK"

log() { echo "[routing] $*" >&2; }
started=()
cleanup() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -z "${TOKEN:-}" ] || delete_rules
}
trap cleanup EXIT INT TERM
# the load side runs on core 1 (PERF.md)
LOGGING=-Dlogback.configurationFile=benchmarks/load/routing-logback.xml
tool() { taskset -c 1 java -Xms256m -Xmx1g $LOGGING -cp benchmarks/target/benchmarks.jar io.meshplane.benchmarks.RoutingLoad "$@"; }

# a token with both scopes, from the environment (load.sh) or minted with the node's secret
TOKEN=${TOKEN:-$(java -jar verticles/target/meshplane.jar token --scope "catalog:write routes:admin" 2>/dev/null | tail -1)}

unmatched() { curl -s "$NODE/metrics" | awk '/^meshplane_router_records_total\{outcome="unmatched"\}/ { print $2 + 0 }'; }
handled() { curl -s "$NODE/metrics" | awk '/^meshplane_router_records_total\{/ { n += $2 } END { print n + 0 }'; }
delete_rules() {
  for file in benchmarks/load/routes/*.json; do
    curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $TOKEN" "$NODE/v1/routes/$(basename "$file" .json)"
  done
}
rules_off() {
  delete_rules
  sleep 2 # > router.refresh-interval-ms + one poll: the router has left bench.routing.in
}
# All 10 rules at once (in parallel), so that the router, which subscribes to bench.routing.in as soon as its table
# holds one rule reading it, almost always starts with the whole table; when it did not (a refresh fell between the
# PUTs), some backlog events were counted unmatched: that attempt is dropped and the phase run again.
rules_on() {
  ls benchmarks/load/routes/*.json | xargs -P 10 -I{} sh -c 'code=$(curl -s -o /dev/null -w "%{http_code}" -X PUT \
    -H "Authorization: Bearer $0" -H "Content-Type: application/json" --data-binary @{} \
    "$1/v1/routes/$(basename {} .json)"); case $code in 200|201) ;; *) echo "PUT {}: $code" >&2; exit 1 ;; esac' \
    "$TOKEN" "$NODE"
}

# the load harness has loaded these already; on their own, the entities the enrich rule looks up are written here
if curl -sf -o /dev/null "$NODE/v1/entities/urn:bench:1" && curl -sf -o /dev/null "$NODE/v1/entities/urn:bench:$ENTITIES"; then
  log "entities urn:bench:1..$ENTITIES for the enrich rule: already there"
else
  log "entities urn:bench:1..$ENTITIES for the enrich rule"
  failed=$(seq 1 $ENTITIES | xargs -P 8 -I{} curl -s --retry 3 --retry-delay 1 -o /dev/null -w '%{http_code}\n' -X PUT \
    -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
    -d '{"type":"dataset","domain":"bench","owner":"team-{}","tags":["a"],"attributes":{"n":{}}}' \
    "$NODE/v1/entities/urn:bench:{}" | grep -cv '^20[01]$' || true)
  [ "$failed" = 0 ] || { log "$failed entity writes failed"; exit 1; }
fi
backlogs=$(seq 1 "$REPS" | sed "s/^/$PIPE_IN.$RUN./" | paste -sd,)
tool topics --bootstrap "$BOOTSTRAP" --topics "$IN,$OUT,$PIPE_OUT,$PIPE_WARM,$backlogs" --partitions $PARTITIONS

# <in> <out-topics> <count> <run> [--rate R --warmup-s W]: the events of one run through the live router or pipe (a
# warm-up; at a --rate, the latency) → "eps p50 p99"
roundtrip() { tool roundtrip --bootstrap "$BOOTSTRAP" --count "$3" --size "$SIZE" --types $TYPES --entities $ENTITIES \
  --run "$4" --topic "$1" --topics "$2" --timeout-s 600 "${@:5}"; }
median_of() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[1], v[NR] }'; }

# one backlog through the router → its events/s on stdout; empty when the router read it before it had every rule
router_backlog() {
  local run=$1 before
  rules_off
  log "backlog: $COUNT events of $SIZE bytes in $IN while no rule reads it ($run)"
  tool produce --bootstrap "$BOOTSTRAP" --topic $IN --count "$COUNT" --size "$SIZE" --types $TYPES --run "$run" \
    --entities $ENTITIES
  before=$(unmatched)
  log "rules on: the router drains the backlog"
  rules_on
  sleep 2 # the table, the subscription and the first fetches
  if [ "$(unmatched)" != "$before" ]; then
    log "the router read the backlog before its table held all 10 rules ($before -> $(unmatched) unmatched); again"
    # let it finish that backlog first, so that the next attempt's is the only one
    local previous=-1
    while [ "$(handled)" != "$previous" ]; do previous=$(handled); sleep 2; done
    return 0
  fi
  tool drain --bootstrap "$BOOTSTRAP" --topics $OUT --count "$COUNT" --run "$run" --timeout-s 600 | awk '{ print $1 }'
}

log "warm-up: $WARM_COUNT events through the router"
rules_on
roundtrip $IN $OUT "$WARM_COUNT" "$RUN-rw" >/dev/null
router_runs=()
for rep in $(seq 1 "$REPS"); do
  eps=
  for attempt in 1 2 3; do
    eps=$(router_backlog "$RUN-r$rep-$attempt")
    [ -z "$eps" ] || break
  done
  [ -n "$eps" ] || { log "no clean router measurement in 3 attempts"; exit 1; }
  log "router: $eps events/s"
  router_runs+=("$eps")
done
read -r router_eps router_min router_max <<<"$(printf '%s\n' "${router_runs[@]}" | median_of)"

log "warm-up: $WARM_COUNT events through the pipe (core 0, the node's JVM flags) from $PIPE_WARM"
go=$WORK/$RUN.go ready=$WORK/$RUN.pipe-ready
rm -f "$go" "$ready"
# the pipe starts at the end of its warm-up topic (earlier runs' records are not piped), says when it is there, and
# moves to the topic named in $go whenever that changes
taskset -c 0 java @config/jvm.options -Xms1g -Xmx1g $LOGGING -cp benchmarks/target/benchmarks.jar \
  io.meshplane.benchmarks.RoutingLoad pipe --bootstrap "$BOOTSTRAP" --from $PIPE_WARM --to $PIPE_OUT \
  --group "$RUN-pipe" --go-file "$go" --ready-file "$ready" >"$WORK/pipe.log" 2>&1 &
started+=($!)
for _ in $(seq 1 120); do [ -f "$ready" ] && break; sleep 0.5; done
[ -f "$ready" ] || { log "the pipe did not start: $(cat "$WORK/pipe.log")"; exit 1; }
roundtrip $PIPE_WARM $PIPE_OUT "$WARM_COUNT" "$RUN-pw" >/dev/null
pipe_runs=()
for rep in $(seq 1 "$REPS"); do
  # a topic of its own per backlog, written while the pipe reads another one
  backlog=$PIPE_IN.$RUN.$rep
  log "backlog: $COUNT events of $SIZE bytes in $backlog while the pipe does not read it; then the pipe drains it"
  tool produce --bootstrap "$BOOTSTRAP" --topic "$backlog" --count "$COUNT" --size "$SIZE" --types $TYPES \
    --run "$RUN-p$rep" --entities $ENTITIES
  echo "$backlog" >"$go.next" && mv "$go.next" "$go"
  eps=$(tool drain --bootstrap "$BOOTSTRAP" --topics $PIPE_OUT --count "$COUNT" --run "$RUN-p$rep" --timeout-s 600 |
    awk '{ print $1 }')
  log "pipe: $eps events/s"
  pipe_runs+=("$eps")
done
read -r pipe_eps pipe_min pipe_max <<<"$(printf '%s\n' "${pipe_runs[@]}" | median_of)"

RATE=$(awk -v a="$router_eps" -v b="$pipe_eps" -v f="$RATE_FRACTION" \
  'BEGIN { m = (a < b ? a : b) * f; printf "%d", (m < 1 ? 1 : m) }')
LATENCY_COUNT=$((RATE * (LATENCY_WARM_SECONDS + LATENCY_SECONDS)))
log "latency: $LATENCY_COUNT events at $RATE/s (${LATENCY_WARM_SECONDS} s warm-up + ${LATENCY_SECONDS} s measured) \
through the router, then through the pipe"
read -r _ router_p50 router_p99 <<<"$(roundtrip $IN $OUT $LATENCY_COUNT "$RUN-lr" --rate "$RATE" \
  --warmup-s $LATENCY_WARM_SECONDS)"
read -r _ pipe_p50 pipe_p99 <<<"$(roundtrip "$backlog" $PIPE_OUT $LATENCY_COUNT "$RUN-lp" --rate "$RATE" \
  --warmup-s $LATENCY_WARM_SECONDS)"
log "router p50 $router_p50 ms, p99 $router_p99 ms; pipe p50 $pipe_p50 ms, p99 $pipe_p99 ms (at $RATE events/s)"
log "ratio router/pipe: $(awk -v a="$router_eps" -v b="$pipe_eps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
echo "$router_eps $router_p99 $pipe_eps $pipe_p99 $router_min $router_max $pipe_min $pipe_max"
