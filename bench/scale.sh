#!/usr/bin/env bash
# One instance vs two, in one run, on a running suite (./hub up): reminders that all fall
# due at once, fired by scheduler-service and streamed by notification-service to several
# streams of one user through the gateway; first with one instance of each, then after
# ./hub scale notification-service 2 and ./hub scale scheduler-service 2, then back to one.
# Prints, for each, reminders per second and notifications per second delivered.
# Options: --count=300 --streams=4. Reads the same environment as ./hub.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
count=300 streams=4
for arg in "$@"; do
	case "$arg" in
	--count=*) count="${arg#*=}" ;;
	--streams=*) streams="${arg#*=}" ;;
	*) echo "usage: bench/scale.sh [--count=300] [--streams=4]" >&2 && exit 2 ;;
	esac
done

measure() { # INSTANCES
	"$ROOT/hub" scale notification-service "$1" >/dev/null
	"$ROOT/hub" scale scheduler-service "$1" >/dev/null
	echo "== $1 instance(s) of notification-service and scheduler-service"
	"$ROOT/bench/reminders.sh" --count="$count" --spread=0 --streams="$streams"
}

measure 1
measure 2
"$ROOT/hub" scale notification-service 1 >/dev/null
"$ROOT/hub" scale scheduler-service 1 >/dev/null
