#!/usr/bin/env bash
# The CRM benchmark (on demand, not a test): starts crm-service in this JVM on a real Kafka
# broker with LMDB in a temp dir, imports COMPANIES companies and CONTACTS contacts through
# the CSV import, then prints list/search p50 and p99 as ratios of a get by id measured in
# the same run, and the import rate.
#   bench/crm.sh [contacts=100000] [companies=10000] [samples=2000]
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$ROOT"

# with -am the platform modules come from this checkout; the last classpath written is
# crm-service's (it comes after them in the reactor)
./mvnw -B -q -pl crm-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$ROOT/crm-service/target/bench.classpath"

exec java -Xmx1g --add-opens java.base/java.nio=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED \
	-cp "crm-service/target/test-classes:crm-service/target/classes:$(<crm-service/target/bench.classpath)" \
	hub.ameen.crm.bench.CrmBenchmark "$@"
