#!/usr/bin/env bash
# Measures the latency Nginx adds in front of the gateway on a running suite with its edge
# (./hub up && ./hub edge): a small authenticated GET at a fixed rate, to the gateway alone
# and through Nginx (HTTPS), interleaved request by request, p50/p90/p99/max of each and
# the differences.
# Options: --rate=25 --seconds=30 --warmup=5 (keep the rate under the edge's
# API limit of 50 a second per address). Reads HUB_PORT_GATEWAY, HUB_PORT_EDGE_HTTPS,
# HUB_ADMIN_EMAIL, HUB_ADMIN_PASSWORD, HUB_DATA_DIR. Start the suite with
# HUB_GATEWAY_API_CALLS_PER_USER=100000000: one user sends it all, past the gateway's limit.
exec "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/e2e-main.sh" hub.ameen.e2e.bench.EdgeLatency "$@"
