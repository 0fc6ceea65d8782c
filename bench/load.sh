#!/usr/bin/env bash
# Drives load at a running suite (./hub up) and prints throughput, p50 and p99 for contact
# lists and creates, through the gateway and directly to crm-service, with the ratios
# gateway/direct. Options: --seconds=5 --rounds=3 --concurrency=8 --warmup=2
# Reads HUB_PORT_GATEWAY, HUB_PORT_CRM, HUB_ADMIN_EMAIL, HUB_ADMIN_PASSWORD, HUB_DATA_DIR.
# One user drives it: start the suite with HUB_GATEWAY_API_CALLS_PER_USER=100000000, or the
# gateway's per-user limit (600 per 30 s) answers 429, listed among the failures.
exec "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/e2e-main.sh" hub.ameen.e2e.bench.LoadDriver "$@"
