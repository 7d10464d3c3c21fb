#!/usr/bin/env bash
# Runs the whole platform locally: builds the jars (no tests) and starts the local stack (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
./mvnw -q -B install -DskipTests
exec java -jar local-stack/target/local-stack-0.1.0-SNAPSHOT.jar
