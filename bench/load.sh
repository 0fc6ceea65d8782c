#!/usr/bin/env bash
# Drives load at a running suite (./hub up) and prints throughput, p50 and p99 for contact
# lists and creates, through the gateway and directly to crm-service, with the ratios
# gateway/direct. Options: --seconds=5 --rounds=3 --concurrency=8 --warmup=2
# Reads HUB_PORT_GATEWAY, HUB_PORT_CRM, HUB_ADMIN_EMAIL, HUB_ADMIN_PASSWORD, HUB_DATA_DIR.
exec "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/e2e-main.sh" hub.ameen.e2e.bench.LoadDriver "$@"
