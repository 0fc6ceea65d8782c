#!/usr/bin/env bash
# Runs one main class of the e2e module's test sources against a running suite:
#   bench/e2e-main.sh CLASS [options]   (used by load.sh and reminders.sh)
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
	-Dmdep.outputFile="$ROOT/e2e/target/bench.classpath"

main="$1"
shift
exec java -Xmx256m -XX:+UseSerialGC -cp "e2e/target/test-classes:$(<e2e/target/bench.classpath)" "$main" "$@"
