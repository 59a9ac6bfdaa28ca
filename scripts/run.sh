#!/usr/bin/env bash
# Starts Meshplane locally with everything it needs: PostgreSQL and Redis (scripts/services.sh), the schema (migrated
# by the node at start-up), a Kafka broker and one node on http://localhost:8080. Extra arguments go to the node, e.g.
# --set http.port=8081. Kafka: MESHPLANE_KAFKA_BOOTSTRAP if set, else whatever answers on 127.0.0.1:9092, else a local
# single-node broker started here in the background (data in run/kafka, log in run/kafka.log, pid in run/kafka.pid),
# which keeps running after the node stops.
set -euo pipefail
cd "$(dirname "$0")/.."

KAFKA_PORT=9092

kafka_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; }
kafka_running() { [ -f run/kafka.pid ] && kill -0 "$(cat run/kafka.pid)" 2>/dev/null; }

kafka_up() {
  if kafka_answers; then return 0; fi
  if ! kafka_running; then
    echo "[run] starting a local Kafka broker on 127.0.0.1:$KAFKA_PORT (log: run/kafka.log)" >&2
    mvn -B -ntp -q -DskipTests -pl broker package
    mkdir -p run
    nohup java -Xmx512m -jar broker/target/meshplane-broker.jar --port "$KAFKA_PORT" --data-dir run/kafka \
      >run/kafka.log 2>&1 &
    echo $! >run/kafka.pid
  fi
  for _ in $(seq 1 120); do
    if grep -q "Kafka broker up on" run/kafka.log 2>/dev/null; then return 0; fi
    if ! kafka_running; then break; fi
    sleep 0.5
  done
  echo "[run] the Kafka broker did not come up; last lines of run/kafka.log:" >&2
  tail -n 20 run/kafka.log >&2 || true
  exit 1
}

# Writes need a bearer token; locally they are signed with a development secret made once (scripts/dev-token.sh mints).
dev_secret() {
  mkdir -p run
  if [ ! -s run/dev-jwt-secret ]; then
    head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >run/dev-jwt-secret
  fi
  cat run/dev-jwt-secret
}

scripts/services.sh up
if [ -z "${MESHPLANE_AUTH_JWT_SECRET:-}${MESHPLANE_AUTH_JWT_PUBLIC_KEY:-}${MESHPLANE_AUTH_JWT_JWKS_FILE:-}" ]; then
  MESHPLANE_AUTH_JWT_SECRET="$(dev_secret)"
  export MESHPLANE_AUTH_JWT_SECRET
fi
if [ -z "${MESHPLANE_KAFKA_BOOTSTRAP:-}" ]; then
  kafka_up
fi
mvn -B -ntp -q -DskipTests -pl verticles -am package
exec java $(cat config/jvm.options | grep -v '^#' | xargs) -jar verticles/target/meshplane.jar "$@"
