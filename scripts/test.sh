#!/usr/bin/env bash
# Runs every test: unit tests (surefire, *Test) and integration tests against the real PostgreSQL, Redis and Hazelcast
# (failsafe, *IT). Services are brought up first; each test class uses its own database, key prefix and cluster name.
# -Pimage also builds the container image tarball (no Docker needed) so that ContainerImageIT can run a node from it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/services.sh up
exec mvn -B -ntp verify -Pimage "$@"
