#!/usr/bin/env bash
# SSE capacity of one notification-service (issue 12): StreamBenchmark from
# notification-service's test sources, with its own Kafka broker in this JVM and the
# service in a JVM of its own with the given heap, so that the service's memory is its
# own. Prints the streams opened per second, the service's heap per stream after a full GC
# and its resident memory, and each broadcast's publish -> received-by-every-stream p50/p99
# with what it cost: the service's CPU, this JVM's (the clients, on one reader thread, and
# the broker) and the bytes the service's store wrote.
#   bench/streams.sh [streams=10000] [broadcasts=3] [heap=512m] [streams-per-connection=1]
# With more than one stream a connection, the clients carry that many on each HTTP/2
# connection without TLS (h2c, which the service is then set to speak), as a proxy holding
# many streams would; 1: each stream on an HTTP/1.1 connection of its own.
# BENCH_HISTOGRAM=N also prints the N classes holding the most heap with every stream open.
# BENCH_SERVICE_ARGS="--name=value ..." starts the service with these settings too.
# Each HTTP/1.1 stream is a file descriptor on both sides: `ulimit -n` (per process) bounds
# them; streams multiplexed on HTTP/2 connections are not bound by it.
# It runs (and starts the service) on the JVM ./hub runs the suite on: `./hub java`.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
streams="${1:-10000}" broadcasts="${2:-3}" heap="${3:-512m}" per_connection="${4:-1}"
cd "$ROOT"
./mvnw -B -q -pl notification-service test-compile
./mvnw -B -q -pl notification-service dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$ROOT/notification-service/target/bench.classpath"
echo "open files per process: $(ulimit -n)"
# the JVM ./hub runs the service on (Java 25 where there is one), not whichever is on the PATH
exec "$(./hub java)" -Xmx3g -XX:+UseSerialGC -Dbench.histogram="${BENCH_HISTOGRAM:-0}" \
	-Dbench.service-args="${BENCH_SERVICE_ARGS:-}" -Dbench.streams-per-connection="$per_connection" --add-opens java.base/java.nio=ALL-UNNAMED \
	--add-exports java.base/sun.nio.ch=ALL-UNNAMED \
	-cp "notification-service/target/test-classes:notification-service/target/classes:$(<notification-service/target/bench.classpath)" \
	hub.ameen.notification.bench.StreamBenchmark "$streams" "$broadcasts" 1 0 "$heap"
