#!/usr/bin/env bash
# Builds the container image as a tarball, without a Docker daemon or a registry: verticles/target/meshplane-image.tar
# (meshplane:0.1.0). Load it with `docker load -i verticles/target/meshplane-image.tar`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -DskipTests -Pimage -pl verticles -am package
ls -l verticles/target/meshplane-image.tar
