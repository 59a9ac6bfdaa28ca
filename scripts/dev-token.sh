#!/usr/bin/env bash
# Prints a bearer token for the local node started by scripts/run.sh, signed with its development secret.
#   scripts/dev-token.sh                                   # every scope, subject "dev", valid 60 minutes
#   scripts/dev-token.sh --scope catalog:write --sub alice
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -s run/dev-jwt-secret ]; then
  echo "no development secret yet: start the node once with scripts/run.sh" >&2
  exit 1
fi
if [ ! -f verticles/target/meshplane.jar ]; then
  mvn -B -ntp -q -DskipTests -pl verticles -am package
fi
MESHPLANE_AUTH_JWT_SECRET="$(cat run/dev-jwt-secret)" exec java -jar verticles/target/meshplane.jar token "$@"
