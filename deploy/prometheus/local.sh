#!/usr/bin/env bash
# `./hub prometheus [up|down|status]`: Debian's Prometheus (apt-get install prometheus)
# scraping the suite that ./hub runs, with the alert and SLO rules of deploy/prometheus/rules.
# Its config, with the suite's ports as targets, is written to $HUB_DATA_DIR/prometheus/;
# it listens on 127.0.0.1:$HUB_PORT_PROMETHEUS (9090). ./hub exports the HUB_* variables.
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
: "${HUB_DATA_DIR:?run through ./hub prometheus}" "${HUB_LOG_DIR:?run through ./hub prometheus}"
PORT="${HUB_PORT_PROMETHEUS:-9090}"
DIR="$HUB_DATA_DIR/prometheus"
PID_FILE="$HUB_DATA_DIR/run/prometheus.pid"
LOG="$HUB_LOG_DIR/prometheus.log"
# the gateway's actuator moves to its own management port when one is set
GATEWAY_METRICS_PORT="${HUB_PORT_GATEWAY_MANAGEMENT:-${HUB_PORT_GATEWAY:-8080}}"

die() {
	printf 'hub prometheus: %s\n' "$*" >&2
	exit 1
}

running_pid() {
	[[ -f "$PID_FILE" ]] || return 0
	local pid
	pid="$(<"$PID_FILE")"
	if [[ "$pid" =~ ^[0-9]+$ ]] && ps -ww -o args= -p "$pid" 2>/dev/null | grep -qF -- "$DIR/prometheus.yml"; then
		echo "$pid"
	else
		rm -f "$PID_FILE"
	fi
}

target() { # service port
	printf '      - targets: [ "localhost:%s" ]\n        labels: { service: %s }\n' "$2" "$1"
}

write_config() {
	mkdir -p "$DIR/data" "$(dirname "$PID_FILE")" "$HUB_LOG_DIR"
	{
		cat <<YAML
# written by ./hub prometheus from deploy/prometheus (targets: this suite's ports)
global:
  scrape_interval: ${HUB_PROMETHEUS_SCRAPE_INTERVAL:-5s}
  evaluation_interval: ${HUB_PROMETHEUS_SCRAPE_INTERVAL:-5s}
rule_files:
  - $HERE/rules/*.yml
scrape_configs:
  - job_name: hub
    metrics_path: /actuator/prometheus
    static_configs:
YAML
		target auth-service "${HUB_PORT_AUTH:-8081}"
		target user-service "${HUB_PORT_USERS:-8082}"
		target crm-service "${HUB_PORT_CRM:-8083}"
		target tasks-service "${HUB_PORT_TASKS:-8084}"
		target scheduler-service "${HUB_PORT_SCHEDULER:-8085}"
		target notification-service "${HUB_PORT_NOTIFICATIONS:-8086}"
		target gateway "$GATEWAY_METRICS_PORT"
		cat <<YAML
  - job_name: prometheus
    static_configs:
      - targets: [ "127.0.0.1:$PORT" ]
        labels: { service: prometheus }
YAML
	} >"$DIR/prometheus.yml"
}

up() {
	command -v prometheus >/dev/null || die "prometheus is not installed (sudo apt-get install prometheus)"
	local pid
	pid="$(running_pid)"
	[[ -z "$pid" ]] || die "already running (pid $pid) on http://127.0.0.1:$PORT; ./hub prometheus down first"
	write_config
	(exec 9>&- && exec setsid nohup prometheus --config.file="$DIR/prometheus.yml" \
		--storage.tsdb.path="$DIR/data" --storage.tsdb.retention.time=7d \
		--web.listen-address="127.0.0.1:$PORT" >>"$LOG" 2>&1 </dev/null) &
	echo $! >"$PID_FILE"
	local deadline=$((SECONDS + 60))
	until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/-/ready" 2>/dev/null; do
		kill -0 "$(<"$PID_FILE")" 2>/dev/null || die "prometheus exited; see $LOG"
		((SECONDS < deadline)) || die "not ready within 60 s; see $LOG"
		sleep 0.5
	done
	printf 'Prometheus: http://127.0.0.1:%s (config %s, log %s)\n' "$PORT" "$DIR/prometheus.yml" "$LOG"
}

down() {
	local pid
	pid="$(running_pid)"
	[[ -n "$pid" ]] || return 0
	kill -TERM "$pid" 2>/dev/null || true
	local deadline=$((SECONDS + 30))
	while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
	kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
	rm -f "$PID_FILE"
	printf 'Prometheus stopped\n'
}

status() {
	local pid
	pid="$(running_pid)"
	if [[ -n "$pid" ]]; then
		printf 'Prometheus: pid %s, http://127.0.0.1:%s\n' "$pid" "$PORT"
	else
		printf 'Prometheus: not running\n'
		return 3
	fi
}

case "${1:-up}" in
up) up ;;
down) down ;;
status) status ;;
-h | --help | help) printf 'usage: ./hub prometheus [up|down|status]   (HUB_PORT_PROMETHEUS, default 9090)\n' ;;
*) die "unknown command $1; usage: ./hub prometheus [up|down|status]" ;;
esac
