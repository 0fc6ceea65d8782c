#!/usr/bin/env bash
# Runs the store's JMH benchmark (src/test/.../bench/StoreBenchmark.java) on demand and
# prints JMH's table plus the batched/one-at-a-time write ratio. JMH options may follow:
#   platform/store/bench.sh                 # everything: 1 fork, 2 x 1 s warm-up, 3 x 2 s
#   platform/store/bench.sh write -f 2      # only the write benchmarks, two forks
set -euo pipefail

STORE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
ROOT="$(cd "$STORE/../.." && pwd)"
cd "$ROOT"

./mvnw -B -q -pl platform/store test-compile
./mvnw -B -q -pl platform/store dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$STORE/target/bench.classpath"

# the stores live under target/ (a real disk, so commits really fsync)
cd "$STORE"
exec java --add-opens=java.base/java.nio=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
	-cp "target/test-classes:target/classes:$(<target/bench.classpath)" \
	hub.ameen.platform.store.bench.StoreBenchmark "$@"
