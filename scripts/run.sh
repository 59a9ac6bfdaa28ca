#!/usr/bin/env bash
# Starts Meshplane locally with everything it needs: PostgreSQL and Redis (scripts/services.sh), the schema (migrated
# by the node at start-up) and one node on http://localhost:8080. Extra arguments go to the node, e.g. --set http.port=8081.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/services.sh up
mvn -B -ntp -q -DskipTests -pl verticles -am package
exec java $(cat config/jvm.options | grep -v '^#' | xargs) -jar verticles/target/meshplane.jar "$@"
