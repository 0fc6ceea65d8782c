#!/usr/bin/env bash
# Drives load at a running suite (./hub up) and prints throughput, p50 and p99 for contact
# lists and creates, through the gateway and directly to crm-service, with the ratios
# gateway/direct. Options: --seconds=5 --rounds=3 --concurrency=8 --warmup=2
# Reads HUB_PORT_GATEWAY, HUB_PORT_CRM, HUB_ADMIN_EMAIL, HUB_ADMIN_PASSWORD, HUB_DATA_DIR.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# a relative HUB_DATA_DIR means the caller's directory, as for ./hub
case "${HUB_DATA_DIR:=$ROOT/data}" in
/*) ;;
*) HUB_DATA_DIR="$PWD/$HUB_DATA_DIR" ;;
esac
export HUB_DATA_DIR
cd "$ROOT"

./mvnw -B -q -pl e2e test-compile
./mvnw -B -q -pl e2e dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$ROOT/e2e/target/load.classpath"

exec java -Xmx256m -XX:+UseSerialGC -cp "e2e/target/test-classes:$(<e2e/target/load.classpath)" \
	hub.ameen.e2e.bench.LoadDriver "$@"
