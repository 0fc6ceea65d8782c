#!/usr/bin/env bash
# Two running processes serving the same request (two builds of one service, on two ports),
# compared in one sitting by the CPU each spends on a request: both warmed, then ROUNDS short
# wrk runs on each in alternating order, each process's CPU read from /proc over its own runs.
# On a shared machine whose speed drifts by more than a change is worth, alternating short
# runs compares two builds where "old for a minute, then new for a minute" does not
# (decision 0007, eleventh round).
#
# Usage: bench/interleave.sh [--rounds=12] [--seconds=5] [--warmup=60] URL_A PID_A URL_B PID_B
#   e.g. the old gateway started beside the running one with HUB_PORT_GATEWAY=18080
#   HUB_PORT_GATEWAY_MANAGEMENT=19080 (the same command line, the old build's jar):
#   bench/interleave.sh http://127.0.0.1:18080/api/crm/contacts/ID OLD_PID \
#     http://127.0.0.1:8080/api/crm/contacts/ID "$(cat data/run/gateway.pid)"
# Run it once with the same build in both places too: the place alone must make no difference
# (a second instance of a service that shares its consumer group and a copied store did cost
# 25 % more whatever its build). Signs in through the running gateway as ./hub's admin.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
ROUNDS=12 SECONDS_EACH=5 WARMUP=60
usage() { echo "usage: bench/interleave.sh [--rounds=12] [--seconds=5] [--warmup=60] URL_A PID_A URL_B PID_B" >&2 && exit 2; }
args=()
for arg in "$@"; do
	case "$arg" in
	--rounds=*) ROUNDS="${arg#*=}" ;;
	--seconds=*) SECONDS_EACH="${arg#*=}" ;;
	--warmup=*) WARMUP="${arg#*=}" ;;
	--*) usage ;;
	*) args+=("$arg") ;;
	esac
done
((${#args[@]} == 4)) || usage
url=("${args[0]}" "${args[2]}") pid=("${args[1]}" "${args[3]}")
for p in "${pid[@]}"; do [[ -r "/proc/$p/stat" ]] || { echo "no process $p" >&2 && exit 1; }; done
command -v wrk >/dev/null || { echo "bench/interleave.sh needs wrk (apt-get install wrk)" >&2 && exit 1; }

HUB_DATA_DIR="${HUB_DATA_DIR:-$ROOT/data}"
password="${HUB_ADMIN_PASSWORD:-$(cat "$HUB_DATA_DIR/user-service/admin-password")}"
sign_in() { # a fresh token: one lives ten minutes, and a comparison takes longer
	curl -fsS "http://127.0.0.1:${HUB_PORT_GATEWAY:-8080}/api/auth/login" -H 'Content-Type: application/json' \
		-d "$(jq -n --arg e "${HUB_ADMIN_EMAIL:-admin@hub.local}" --arg p "$password" '{email: $e, password: $p}')" |
		jq -r .accessToken
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

token="$(sign_in)"
echo "== warm-up: ${WARMUP} s on each, alternating"
for ((w = 0; w < WARMUP; w += 10)); do
	for i in 0 1; do wrk -t2 -c16 -d10s -H "Authorization: Bearer $token" "${url[$i]}" >/dev/null; done
done

ticks=(0 0) requests=(0 0) lower=(0 0)
hz="$(getconf CLK_TCK)"
one_run() { # index: one run on that process, its CPU per request printed and added up
	local i=$1 c0 c1 out n bad
	c0="$(cpu_ticks "${pid[$i]}")"
	out="$(wrk -t2 -c16 -d"${SECONDS_EACH}s" -H "Authorization: Bearer $token" "${url[$i]}")"
	c1="$(cpu_ticks "${pid[$i]}")"
	n="$(awk '/requests in/ { print $1 }' <<<"$out")"
	bad="$(awk '/Non-2xx/ { print $5 }' <<<"$out")"
	[[ -z "$bad" ]] || { echo "${url[$i]} answered $bad requests with an error: not a comparison" >&2 && exit 1; }
	ticks[i]=$((ticks[i] + c1 - c0)) requests[i]=$((requests[i] + n))
	last[i]="$(awk -v t=$((c1 - c0)) -v n="$n" -v hz="$hz" 'BEGIN { printf "%.4f", t * 1000 / hz / n }')"
}
echo "== ${ROUNDS} rounds of ${SECONDS_EACH} s on each (ms of CPU a request)"
last=(0 0)
for ((r = 1; r <= ROUNDS; r++)); do
	((r % 4)) || token="$(sign_in)"
	if ((r % 2)); then one_run 0; one_run 1; else one_run 1; one_run 0; fi
	if awk -v a="${last[0]}" -v b="${last[1]}" 'BEGIN { exit !(a < b) }'; then lower[0]=$((lower[0] + 1)); else lower[1]=$((lower[1] + 1)); fi
	printf "  round %2d: A %s  B %s\n" "$r" "${last[0]}" "${last[1]}"
done
for i in 0 1; do
	name=$([[ $i == 0 ]] && echo A || echo B)
	awk -v t="${ticks[$i]}" -v n="${requests[$i]}" -v hz="$hz" -v name="$name" -v url="${url[$i]}" -v low="${lower[$i]}" -v r="$ROUNDS" \
		'BEGIN { printf "%s %s: %d requests, %.4f ms of CPU a request, the lower in %d of %d rounds\n", name, url, n, t * 1000 / hz / n, low, r }'
done
