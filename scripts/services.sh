#!/usr/bin/env bash
# Makes sure the services Meshplane needs answer on localhost: PostgreSQL and Redis (installed with apt on Debian if
# missing, started if stopped) and the 'meshplane' database. Idempotent: run it as often as you like.
#   scripts/services.sh up | down | status
set -euo pipefail

PG_PORT="${PG_PORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
DATABASE="${MESHPLANE_PG_DATABASE:-meshplane}"

log() { printf '[services] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

pg_answers() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }
redis_answers() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; }

apt_install() {
  command -v apt-get >/dev/null || { log "cannot install $*: no apt-get here; install it by hand"; exit 1; }
  log "installing $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

wait_for() {
  local what="$1" check="$2"
  for _ in $(seq 1 60); do
    if "$check"; then return 0; fi
    sleep 0.5
  done
  log "$what did not come up"; exit 1
}

postgres_up() {
  if ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql postgresql-contrib
  fi
  if ! pg_answers; then
    local version
    version="$(ls /etc/postgresql | sort -V | tail -n1)"
    log "starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_for PostgreSQL pg_answers
  fi
  if ! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" \
      | grep -q 1; then
    log "creating database $DATABASE"
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE \"$DATABASE\""
  fi
}

redis_up() {
  if ! command -v redis-server >/dev/null; then
    apt_install redis-server
  fi
  if ! redis_answers; then
    log "starting Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/meshplane.log
    wait_for Redis redis_answers
  fi
}

# Kafka: the broker is started by the project itself from Maven artifacts (see the run script), not here.

status() {
  pg_answers && log "PostgreSQL: up on $PG_PORT" || log "PostgreSQL: down"
  redis_answers && log "Redis: up on $REDIS_PORT" || log "Redis: down"
}

case "${1:-up}" in
  up) postgres_up; redis_up; status ;;
  down)
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave 2>/dev/null || true
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main stop || true
    status ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
