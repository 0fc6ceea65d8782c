#!/usr/bin/env bash
# Measures reminder latency on a running suite (./hub up): due time -> arrival on the
# notification stream through the gateway, as p50, p99 and max, with missing and duplicate
# deliveries. Options: --count=30 --spread=30 (seconds over which reminders fall due)
# --kind=event (calendar event reminders, the default) or --kind=task (task reminders)
# Reads HUB_PORT_GATEWAY, HUB_ADMIN_EMAIL, HUB_ADMIN_PASSWORD, HUB_DATA_DIR.
exec "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/e2e-main.sh" hub.ameen.e2e.ReminderLatency "$@"
