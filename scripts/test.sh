#!/usr/bin/env bash
# Runs every test: unit tests (surefire, *Test) and integration tests against the real PostgreSQL, Redis and Hazelcast
# (failsafe, *IT). Services are brought up first; each test class uses its own database, key prefix and cluster name.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/services.sh up
exec mvn -B -ntp verify "$@"
