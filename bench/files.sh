#!/usr/bin/env bash
# Upload throughput for 20 MB files against a running suite (./hub up): uploads N files to
# one deal through the gateway and N directly to crm-service, one after another, and prints
# MB/s for each and the ratio gateway/direct; then streams 10 uploads at once directly and
# prints crm-service's heap before and at the end (jvm_memory_used_bytes, area heap).
#   bench/files.sh [N=5] [MB=20]
# Reads HUB_PORT_GATEWAY [8080], HUB_PORT_CRM [8083], HUB_ADMIN_EMAIL [admin@hub.local],
# HUB_ADMIN_PASSWORD (else $HUB_DATA_DIR/user-service/admin-password).
set -euo pipefail

N="${1:-5}"
MB="${2:-20}"
GATEWAY="http://localhost:${HUB_PORT_GATEWAY:-8080}"
CRM="http://localhost:${HUB_PORT_CRM:-8083}"
EMAIL="${HUB_ADMIN_EMAIL:-admin@hub.local}"
PASSWORD="${HUB_ADMIN_PASSWORD:-$(cat "${HUB_DATA_DIR:-./data}/user-service/admin-password")}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

json_field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

TOKEN="$(curl -sf "$GATEWAY/api/auth/login" -H 'Content-Type: application/json' \
	-d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | json_field accessToken)"
[[ -n "$TOKEN" ]] || { echo "login failed" >&2; exit 1; }
DEAL="$(curl -sf "$GATEWAY/api/crm/deals" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	-d '{"title":"files benchmark","amount":{"value":"1","currency":"SAR"}}' | json_field id)"

# a PDF: the header Tika recognises, then incompressible bytes; MB megabytes (10^6)
FILE="$WORK/bench.pdf"
{ printf '%%PDF-1.4\n'; head -c $((MB * 1000000 - 9)) /dev/urandom; } >"$FILE"
BYTES="$(stat -c %s "$FILE")"

# seconds for N sequential uploads to BASE
upload_all() {
	local base="$1" total=0 t
	for _ in $(seq "$N"); do
		t="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base/api/crm/deals/$DEAL/attachments" \
			-H "Authorization: Bearer $TOKEN" -F "file=@$FILE;type=application/pdf")"
		[[ "${t%% *}" == 201 ]] || { echo "upload to $base answered ${t%% *}" >&2; exit 1; }
		total="$(echo "$total + ${t#* }" | bc -l)"
	done
	echo "$total"
}

heap() {
	curl -sf "$CRM/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}'
}

upload_all "$CRM" >/dev/null # warm-up: JIT and the disk cache
direct="$(upload_all "$CRM")"
gateway="$(upload_all "$GATEWAY")"
mb_direct="$(echo "$N * $BYTES / 1000000 / $direct" | bc -l)"
mb_gateway="$(echo "$N * $BYTES / 1000000 / $gateway" | bc -l)"
printf 'upload of %s x %d MB   direct %.1f MB/s   gateway %.1f MB/s   gateway/direct %.2f\n' \
	"$N" "$MB" "$mb_direct" "$mb_gateway" "$(echo "$mb_gateway / $mb_direct" | bc -l)"

before="$(heap)"
start="$(date +%s.%N)"
peak=0
for _ in $(seq 10); do
	curl -s -o /dev/null "$CRM/api/crm/deals/$DEAL/attachments" -H "Authorization: Bearer $TOKEN" \
		-F "file=@$FILE;type=application/pdf" &
done
while [[ -n "$(jobs -r)" ]]; do
	now="$(heap)"
	((now > peak)) && peak="$now"
	sleep 0.2
done
wait
elapsed="$(echo "$(date +%s.%N) - $start" | bc -l)"
printf '10 concurrent uploads of %d MB directly: %.1f s (%.1f MB/s); crm-service heap used %s MB before, at most %s MB while streaming\n' \
	"$MB" "$elapsed" "$(echo "10 * $BYTES / 1000000 / $elapsed" | bc -l)" "$before" "$peak"

# the benchmark's files go with their deal
curl -sf -X DELETE "$GATEWAY/api/crm/deals/$DEAL" -H "Authorization: Bearer $TOKEN" >/dev/null
