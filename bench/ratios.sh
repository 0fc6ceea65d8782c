#!/usr/bin/env bash
# The speed of the running suite, in one sitting, as ratios (issue 12's figures):
#   nginx static        Debian's nginx serving a small JSON file: the machine's ceiling
#   get by id           crm-service GET /api/crm/contacts/{id} with a token, direct, through the gateway,
#                       and through nginx as a plain reverse proxy (kept-alive upstream): what any proxy,
#                       one that checks nothing, costs on this machine
#   list                GET /api/crm/contacts?limit=20, direct and through the gateway
#   create              POST /api/crm/contacts, direct and through the gateway
# each with wrk (-t2 -c16) at saturation, with the CPU time the gateway and crm-service spent
# on each request (from /proc: steadier than throughput on a noisy machine) and the heap each
# allocated for it (from jstat: the steadiest of all, the same to a few tenths of a KB from run
# to run, so a change to the request path shows in it first); then the
# gateway's added latency at a fixed moderate rate (bench/latency: the gateway vs
# notification-service direct, same request); then the suite's RSS (and PSS: shared pages
# counted once), right after the load and once the suite has been quiet for --quiet seconds;
# with --restart also `./hub down && ./hub up` to all healthy, with the CPU the suite spent
# on it and the JIT compilers' share (half of it or so: docs/decisions/0007).
#
# The figures a ratio compares are measured in alternating rounds (--rounds of --seconds
# each, the order reversed every other round), and a ratio is the median of its rounds'
# ratios, with their range: on a machine shared with noisy neighbours, two figures taken
# minutes apart can differ by half from the neighbours alone, and a ratio of such figures
# says more about the neighbours than about the suite.
#
# Every figure follows a warm-up of its own request (--warmup seconds, default 30): a JVM
# just started runs interpreted and C1 code until C2 has compiled the request path, which
# takes tens of seconds of load on 2 cores; a figure taken before measures the JIT. Right
# after --restart every JVM still compiles at once, so its figures run low: run it again
# without --restart for the steady ones.
#
# Usage: bench/ratios.sh [--seconds=4] [--rounds=5] [--warmup=30] [--rate=200] [--quiet=30] [--restart]
# Against a running ./hub up started with HUB_GATEWAY_API_CALLS_PER_USER=100000000 (one user
# sends everything). Reads the same HUB_* variables as ./hub.
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SECONDS_EACH=4 ROUNDS=5 WARMUP=30 RATE=200 RESTART=0 QUIET=30
for arg in "$@"; do
	case "$arg" in
	--seconds=*) SECONDS_EACH="${arg#*=}" ;;
	--rounds=*) ROUNDS="${arg#*=}" ;;
	--warmup=*) WARMUP="${arg#*=}" ;;
	--rate=*) RATE="${arg#*=}" ;;
	--quiet=*) QUIET="${arg#*=}" ;;
	--restart) RESTART=1 ;;
	*) echo "usage: bench/ratios.sh [--seconds=4] [--rounds=5] [--warmup=30] [--rate=200] [--quiet=30] [--restart]" >&2 && exit 2 ;;
	esac
done
case "${HUB_DATA_DIR:=$ROOT/data}" in /*) ;; *) HUB_DATA_DIR="$PWD/$HUB_DATA_DIR" ;; esac
export HUB_DATA_DIR
GATEWAY="http://127.0.0.1:${HUB_PORT_GATEWAY:-8080}"
CRM="http://127.0.0.1:${HUB_PORT_CRM:-8083}"
for tool in wrk nginx curl jq; do
	command -v "$tool" >/dev/null || [[ -x "/usr/sbin/$tool" ]] || { echo "bench/ratios.sh needs $tool (apt-get install $tool)" >&2 && exit 1; }
done

proc_mb() { # FILE FIELD: a field of /proc/<pid>/FILE (in kB) summed over every process ./hub started, in MB
	local total=0 pid file
	for file in "$HUB_DATA_DIR"/run/*.pid; do
		pid="$(<"$file")"
		[[ -r "/proc/$pid/$1" ]] && total=$((total + $(awk -v field="$2:" '$1 == field { print $2 }' "/proc/$pid/$1")))
	done
	echo $((total / 1024))
}
rss_mb() { proc_mb status VmRSS; } # the resident memory of every process ./hub started
# their proportional set size: a page several of them map (the JVM's own libraries, the
# JDK's files) counted once across them, as a container's memory counts it
pss_mb() { proc_mb smaps_rollup Pss; }
rss_split() { # of that, the stores' LMDB pages and the class archives: mapped files the kernel can drop
	local file pid
	for file in "$HUB_DATA_DIR"/run/*.pid; do
		pid="$(<"$file")"
		[[ -r "/proc/$pid/smaps" ]] && cat "/proc/$pid/smaps" 2>/dev/null
	done | awk '/^[0-9a-f]+-[0-9a-f]+ / { name = $6 } /^Rss:/ { if (name ~ /data\.mdb$/) store += $2; else if (name ~ /\.(aot|jsa)$/) archives += $2 }
		END { printf "stores\x27 LMDB pages %d MB, class archives %d MB", store / 1024, archives / 1024 }'
}

start_cpu() { # the CPU every process ./hub started has used so far, and of it the JIT compilers' threads
	local file
	for file in "$HUB_DATA_DIR"/run/*.pid; do
		[[ -r "$file" ]] || continue
		# FILE:LINE for the process and each of its threads, in one read (-s: a thread may end meanwhile)
		grep -sH '' "/proc/$(<"$file")/stat" "/proc/$(<"$file")/task"/*/stat
	done | awk -v hz="$(getconf CLK_TCK)" '{
			# utime and stime are the 14th and 15th fields, counted past the name in parentheses
			rest = $0; sub(/^[^ ]* \(.*\) /, "", rest); split(rest, f, " "); ticks = f[12] + f[13]
			if ($0 !~ /^[^:]*\/task\//) all += ticks # the process: its threads gone included
			else if ($0 ~ /^[^ ]* \(C1 Compiler/) c1 += ticks
			else if ($0 ~ /^[^ ]* \(C2 Compiler/) c2 += ticks
		}
		END { printf "%.0f s of CPU by then, of which the JIT compilers %.0f s (C1 %.0f s, C2 %.0f s)", all / hz, (c1 + c2) / hz, c1 / hz, c2 / hz }'
}

if ((RESTART)); then
	echo "== ./hub down && ./hub up"
	"$ROOT/hub" down >/dev/null
	"$ROOT/hub" up | grep -E 'all healthy|archives|made in'
	echo "  $(start_cpu)"
fi

password="${HUB_ADMIN_PASSWORD:-$(cat "$HUB_DATA_DIR/user-service/admin-password")}"
token="$(curl -fsS "$GATEWAY/api/auth/login" -H 'Content-Type: application/json' \
	-d "$(jq -n --arg e "${HUB_ADMIN_EMAIL:-admin@hub.local}" --arg p "$password" '{email: $e, password: $p}')" | jq -r .accessToken)"
id="$(curl -fsS "$CRM/api/crm/contacts" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
	-d "{\"firstName\":\"Ratio\",\"lastName\":\"Bench\",\"email\":\"ratio-$$-$RANDOM@example.com\"}" | jq -r .id)"

# nginx on a free port, serving one small JSON file: what this machine can do at all
work="$(mktemp -d)"
trap 'kill "$(cat "$work/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
curl -fsS "$CRM/api/crm/contacts/$id" -H "Authorization: Bearer $token" >"$work/contact.json"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port="$(free_port)" proxy_port="$(free_port)"
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
	server { listen 127.0.0.1:$port; location / { root $work; default_type application/json; } }
	upstream crm { server ${CRM#http://}; keepalive 32; }
	server {
		listen 127.0.0.1:$proxy_port;
		location / { proxy_pass http://crm; proxy_http_version 1.1; proxy_set_header Connection ""; }
	}
}
CONF
"$(command -v nginx || echo /usr/sbin/nginx)" -c "$work/nginx.conf"

cpu_ticks() { # the CPU time (user + system, in clock ticks) a process of ./hub's has used so far
	local file="$HUB_DATA_DIR/run/$1.pid"
	[[ -r "$file" && -r "/proc/$(<"$file")/stat" ]] && awk '{ print $14 + $15 }' "/proc/$(<"$file")/stat" || echo 0
}

suite_ticks() { # the CPU time (clock ticks) every process ./hub started has used so far
	local total=0 file
	for file in "$HUB_DATA_DIR"/run/*.pid; do
		[[ -r "/proc/$(<"$file")/stat" ]] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$(<"$file")/stat")))
	done
	echo "$total"
}

settle() { # waits (up to 120 s) until the suite uses under a quarter of a core, 2 s at a time; prints how long
	local started=$SECONDS before
	while ((SECONDS - started < 120)); do
		before="$(suite_ticks)"
		sleep 2
		(($(suite_ticks) - before < $(getconf CLK_TCK) / 2)) && break
	done
	echo "$((SECONDS - started)) s"
}

heap_used() { # young collections so far, eden's size and eden's use (KB) of a process of ./hub's, from jstat
	local file="$HUB_DATA_DIR/run/$1.pid" pid jstat
	[[ -r "$file" ]] && pid="$(<"$file")" && jstat="$(dirname "$(readlink -f "/proc/$pid/exe" 2>/dev/null)")/jstat" &&
		[[ -x "$jstat" ]] && "$jstat" -gc "$pid" 2>/dev/null | awk 'NR == 2 { print $13, $5, $6 }' || echo "- - -"
}

auth=(-H "Authorization: Bearer $token")
request_of() { # NAME: sets ARGS to the wrk options and URL of a figure's request
	case "$1" in
	"nginx static") ARGS=("http://127.0.0.1:$port/contact.json") ;;
	"get by id, direct") ARGS=("${auth[@]}" "$CRM/api/crm/contacts/$id") ;;
	"get by id, gateway") ARGS=("${auth[@]}" "$GATEWAY/api/crm/contacts/$id") ;;
	"get by id, nginx proxy") ARGS=("${auth[@]}" "http://127.0.0.1:$proxy_port/api/crm/contacts/$id") ;;
	"list of 20, direct") ARGS=("${auth[@]}" "$CRM/api/crm/contacts?limit=20") ;;
	"list of 20, gateway") ARGS=("${auth[@]}" "$GATEWAY/api/crm/contacts?limit=20") ;;
	# a new email for every request (the script numbers them within a run of wrk, BENCH_RUN names the run)
	"create, direct") ARGS=("${auth[@]}" -s "$ROOT/bench/wrk/create-contact.lua" "$CRM/api/crm/contacts") ;;
	"create, gateway") ARGS=("${auth[@]}" -s "$ROOT/bench/wrk/create-contact.lua" "$GATEWAY/api/crm/contacts") ;;
	*) echo "no request named $1" >&2 && exit 2 ;;
	esac
}

# per figure, over its rounds: each round's requests a second, p50 and p99 (ms), space-separated;
# and summed, the requests, the CPU ticks and heap KB the gateway and crm-service spent on them
declare -A RPS P50 P99 REQUESTS GATEWAY_TICKS CRM_TICKS GATEWAY_KB CRM_KB
RUN=0
run() { # NAME SECONDS [warm-up]: NAME's request at saturation; a round (no third argument) is added up
	local name="$1" out gateway crm gateway_heap crm_heap requests
	request_of "$name"
	RUN=$((RUN + 1))
	gateway="$(cpu_ticks gateway)" crm="$(cpu_ticks crm-service)"
	gateway_heap="$(heap_used gateway)" crm_heap="$(heap_used crm-service)"
	out="$(BENCH_RUN="$$-$RUN" wrk -t2 -c16 -d"${2}s" --latency "${ARGS[@]}" 2>&1)" || true
	(($# > 2)) && return
	gateway="$(($(cpu_ticks gateway) - gateway))" crm="$(($(cpu_ticks crm-service) - crm))"
	if grep -q 'Non-2xx' <<<"$out"; then
		echo "  $name: $(grep 'Non-2xx' <<<"$out" | xargs) — its figures are not comparable" >&2
	fi
	requests="$(awk '/requests in/ { print $1 + 0 }' <<<"$out")"
	RPS[$name]+="$(awk '/Requests\/sec/ { printf "%d", $2 }' <<<"$out") "
	P50[$name]+="$(latency_ms 50% "$out") " P99[$name]+="$(latency_ms 99% "$out") "
	REQUESTS[$name]=$((${REQUESTS[$name]:-0} + ${requests:-0}))
	GATEWAY_TICKS[$name]=$((${GATEWAY_TICKS[$name]:-0} + gateway)) CRM_TICKS[$name]=$((${CRM_TICKS[$name]:-0} + crm))
	GATEWAY_KB[$name]="$(add_kb "${GATEWAY_KB[$name]:-0}" "$gateway_heap $(heap_used gateway)")"
	CRM_KB[$name]="$(add_kb "${CRM_KB[$name]:-0}" "$crm_heap $(heap_used crm-service)")"
}
latency_ms() { # PERCENTILE WRK_OUTPUT: that percentile of wrk's latency distribution, in ms
	awk -v p="$1" '$1 == p { v = $2 + 0
		if ($2 ~ /us$/) v /= 1000; else if ($2 ~ /[0-9]s$/) v *= 1000; else if ($2 ~ /m$/) v *= 60000
		printf "%.2f", v }' <<<"$2"
}
# KB_SO_FAR "YGC EDEN USED YGC EDEN USED" (jstat before and after): the heap allocated added to
# it (each young collection emptied an eden of about that size; what is left in it is eden's
# growth), or "-" once a reading is missing
add_kb() {
	awk -v sum="$1" -v heap="$2" 'BEGIN { split(heap, h, " ")
		if (sum == "-" || h[1] == "-" || h[4] == "-") { print "-"; exit }
		printf "%.0f", sum + (h[4] - h[1]) * (h[2] + h[5]) / 2 + h[6] - h[3] }'
}
median() { # FORMAT, the values on stdin (space-separated)
	tr ' ' '\n' | awk 'NF' | sort -g | awk -v f="$1" '{ v[NR] = $1 }
		END { printf f, (NR == 0) ? 0 : (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
span() { # FORMAT, the values on stdin: the lowest and the highest
	tr ' ' '\n' | awk 'NF' | sort -g | awk -v f="$1" 'NR == 1 { lo = $1 } { hi = $1 } END { printf f "–" f, lo, hi }'
}
per_request() { # TICKS_OR_KB REQUESTS UNIT: a sum over the rounds, per request
	awk -v sum="$1" -v n="$2" -v unit="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
		if (sum == "-" || n == 0) { printf "-"; exit }
		if (unit == "ms") printf "%.3f ms", sum * 1000 / hz / n; else printf "%.1f KB", sum / n }'
}

compare() { # NAME...: each warmed up, then --rounds rounds of each in turn, every other round in reverse
	local name r i
	for name; do run "$name" "$WARMUP" warm-up; done
	for ((r = 1; r <= ROUNDS; r++)); do
		if ((r % 2)); then
			for name; do run "$name" "$SECONDS_EACH"; done
		else
			for ((i = $#; i >= 1; i--)); do run "${!i}" "$SECONDS_EACH"; done
		fi
	done
	for name; do
		printf '  %-24s %7s req/s (%s)   p50 %6s ms   p99 %7s ms   CPU a request: gateway %s, crm-service %s; heap allocated: gateway %s, crm-service %s\n' \
			"$name" "$(median %.0f <<<"${RPS[$name]}")" "$(span %d <<<"${RPS[$name]}")" "$(median %.2f <<<"${P50[$name]}")" "$(median %.2f <<<"${P99[$name]}")" \
			"$(per_request "${GATEWAY_TICKS[$name]}" "${REQUESTS[$name]}" ms)" "$(per_request "${CRM_TICKS[$name]}" "${REQUESTS[$name]}" ms)" \
			"$(per_request "${GATEWAY_KB[$name]}" "${REQUESTS[$name]}" KB)" "$(per_request "${CRM_KB[$name]}" "${REQUESTS[$name]}" KB)"
	done
}
ratio() { # A B: the median of A's and B's round-by-round ratios, and their range
	local each
	each="$(paste <(tr ' ' '\n' <<<"${RPS[$1]}" | awk 'NF') <(tr ' ' '\n' <<<"${RPS[$2]}" | awk 'NF') |
		awk '{ printf "%.3f ", ($2 > 0) ? $1 / $2 : 0 }')"
	printf '%s× (rounds %s×)' "$(median %.2f <<<"$each")" "$(span %.2f <<<"$each")"
}

echo "== saturation (wrk -t2 -c16; ${ROUNDS} alternating rounds of ${SECONDS_EACH} s each after ${WARMUP} s of warm-up; req/s and latencies the rounds' medians, their range in brackets)"
compare "nginx static" "get by id, direct" "get by id, gateway" "get by id, nginx proxy"
compare "list of 20, direct" "list of 20, gateway"
compare "create, direct" "create, gateway"

echo "== ratios (each the median of its rounds)"
echo "  get by id direct / nginx static:   $(ratio "get by id, direct" "nginx static")   (target ≥ 0.20×)"
echo "  get by id gateway / direct:        $(ratio "get by id, gateway" "get by id, direct")   (target ≥ 0.70×)"
echo "  get by id nginx proxy / direct:    $(ratio "get by id, nginx proxy" "get by id, direct")   (a proxy that checks nothing: the ceiling of any)"
echo "  list gateway / direct:             $(ratio "list of 20, gateway" "list of 20, direct")"
echo "  create gateway / direct:           $(ratio "create, gateway" "create, direct")"

# the creates leave the services consuming their events for a while (tens of thousands of
# them): the latency at a moderate rate is the gateway's, not that backlog's
echo "== the gateway's added latency at a fixed rate (after the suite settled: $(settle))"
"$ROOT/bench/e2e-main.sh" hub.ameen.e2e.bench.EdgeLatency --compare=direct --rate="$RATE" --seconds=30 --warmup="$WARMUP"

echo "== memory"
echo "  the suite's RSS right after the load: $(rss_mb) MB (every process ./hub started; PSS $(pss_mb) MB), of which $(rss_split)"
if ((QUIET > 0)); then
	sleep "$QUIET"
	echo "  and after $QUIET s quiet: $(rss_mb) MB, PSS $(pss_mb) MB (each service gives back the heap the load grew: hub.memory.give-back)"
fi
