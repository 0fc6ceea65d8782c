#!/usr/bin/env bash
# Deploys Ameen Hub on one host with Docker Compose (docker-compose.yml at the repository root):
# Nginx with Let's Encrypt certificates in front, Kafka, the services, Prometheus, Grafana, Loki.
#
#   deploy/hub-deploy.sh setup --domain hub.example.com --email ops@example.com
#   deploy/hub-deploy.sh secrets && deploy/hub-deploy.sh ssl && deploy/hub-deploy.sh build
#   deploy/hub-deploy.sh start && deploy/hub-deploy.sh init
#
# Every command takes --help. --dir DIR (before the command) names the deployment directory
# that holds .env and secrets/ (default: the repository root).
set -euo pipefail
umask 077

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
DIR="$REPO"

say() { printf '%s\n' "$*"; }
die() {
	printf 'hub-deploy: %s\n' "$*" >&2
	exit 1
}

usage_main() {
	cat <<'TEXT'
usage: deploy/hub-deploy.sh [--dir DIR] COMMAND [--help]

  setup     write .env: the domain, the Let's Encrypt email, the first admin's email
  secrets   generate the passwords (secrets/, mode 600); never replaces one that exists
  ssl       obtain the certificate (certbot, webroot) and renew it twice a day (cron)
  build     build the jars and the images
  start     start everything (docker compose up -d) and wait until every service is healthy
  init      print the URL and the first admin's login, once the hub is up
  logs      follow the logs of one service, or of all
  status    each container's state and the hub's health through the edge
  backup    copy every store and Kafka's data into a directory (the services pause meanwhile)
  restore   put a backup back (the hub is stopped, then started on the restored data)
TEXT
}

# ------------------------------------------------------------------ helpers

compose() {
	local env_file="$DIR/.env"
	[[ -f "$env_file" ]] || die "no $env_file: run deploy/hub-deploy.sh setup first"
	if docker compose version >/dev/null 2>&1; then
		docker compose --project-directory "$REPO" --env-file "$env_file" -f "$REPO/docker-compose.yml" "$@"
	elif command -v docker-compose >/dev/null 2>&1; then
		docker-compose --project-directory "$REPO" --env-file "$env_file" -f "$REPO/docker-compose.yml" "$@"
	else
		die "neither 'docker compose' nor docker-compose is installed"
	fi
}

env_value() { # KEY: its value in .env
	sed -n "s/^$1=//p" "$DIR/.env" | tail -n 1
}

random_secret() { # 32 characters from [A-Za-z0-9]
	local secret=""
	while ((${#secret} < 32)); do
		secret+="$(head -c 64 /dev/urandom | tr -dc 'A-Za-z0-9')"
	done
	printf '%s' "${secret:0:32}"
}

want_help() {
	local arg
	for arg in "$@"; do
		[[ "$arg" == --help || "$arg" == -h ]] && return 0
	done
	return 1
}

# ------------------------------------------------------------------ setup

cmd_setup() {
	if want_help "$@"; then
		say "usage: deploy/hub-deploy.sh setup --domain DOMAIN --email EMAIL [--admin-email EMAIL] [--force]"
		say "  Writes DIR/.env (mode 600). DOMAIN must already point at this host (DNS A/AAAA)."
		return 0
	fi
	local domain="" email="" admin="" force=0
	while (($# > 0)); do
		case "$1" in
		--domain) domain="${2:-}" && shift 2 ;;
		--email) email="${2:-}" && shift 2 ;;
		--admin-email) admin="${2:-}" && shift 2 ;;
		--force) force=1 && shift ;;
		*) die "setup: unknown option $1 (see --help)" ;;
		esac
	done
	[[ "$domain" =~ ^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$ ]] || die "setup: --domain must be a host name such as hub.example.com"
	[[ "$email" =~ ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$ ]] || die "setup: --email must be an email address"
	admin="${admin:-admin@$domain}"
	[[ "$admin" =~ ^[^@[:space:]]+@[^@[:space:]]+$ ]] || die "setup: --admin-email must be an email address"
	local env_file="$DIR/.env"
	[[ ! -e "$env_file" || "$force" == 1 ]] || die "setup: $env_file exists (--force replaces it)"
	mkdir -p "$DIR"
	cat >"$env_file.tmp" <<ENV
# written by deploy/hub-deploy.sh setup on $(date -u +%Y-%m-%dT%H:%M:%SZ)
HUB_DOMAIN=$domain
LETSENCRYPT_EMAIL=$email
HUB_ADMIN_EMAIL=$admin
HUB_SECRETS_DIR=$DIR/secrets
ENV
	chmod 600 "$env_file.tmp"
	mv "$env_file.tmp" "$env_file"
	say "wrote $env_file (domain $domain); next: deploy/hub-deploy.sh secrets"
}

# ------------------------------------------------------------------ secrets

cmd_secrets() {
	if want_help "$@"; then
		say "usage: deploy/hub-deploy.sh secrets"
		say "  Generates DIR/secrets/hub.admin.password and grafana-admin-password (mode 600, dir 700)."
		say "  An existing secret is kept: the admin password is read on the very first start only."
		return 0
	fi
	(($# == 0)) || die "secrets: no options (see --help)"
	local secrets="$DIR/secrets" name
	mkdir -p "$secrets"
	chmod 700 "$secrets"
	for name in hub.admin.password grafana-admin-password; do
		if [[ -s "$secrets/$name" ]]; then
			say "kept      $secrets/$name"
		else
			random_secret >"$secrets/$name"
			say "generated $secrets/$name"
		fi
		chmod 600 "$secrets/$name"
	done
}

# ------------------------------------------------------------------ ssl

cmd_ssl() {
	if want_help "$@"; then
		say "usage: deploy/hub-deploy.sh ssl [--renew] [--staging]"
		say "  Obtains the certificate for HUB_DOMAIN with certbot (webroot, through Nginx on port 80)"
		say "  and installs a cron job that renews it at 03:17 and 15:17 and reloads Nginx."
		say "  --renew  renew now (certbot renews only what expires within 30 days)"
		return 0
	fi
	local renew=0 staging=()
	while (($# > 0)); do
		case "$1" in
		--renew) renew=1 && shift ;;
		--staging) staging=(--staging) && shift ;;
		*) die "ssl: unknown option $1 (see --help)" ;;
		esac
	done
	local domain email
	domain="$(env_value HUB_DOMAIN)" email="$(env_value LETSENCRYPT_EMAIL)"
	# a self-signed placeholder first, so that Nginx starts and can answer the ACME challenge
	compose run --rm certbot bootstrap
	compose up -d nginx
	if ((renew)); then
		compose run --rm --entrypoint certbot certbot renew --webroot -w /var/www/certbot
	else
		compose run --rm --entrypoint certbot certbot certonly --webroot -w /var/www/certbot -d "$domain" \
			--email "$email" --agree-tos --no-eff-email --non-interactive ${staging[@]+"${staging[@]}"}
	fi
	compose exec nginx nginx -s reload
	install_renewal
}

install_renewal() {
	local line="17 3,15 * * * $REPO/deploy/hub-deploy.sh --dir $DIR ssl --renew >>$DIR/renewal.log 2>&1"
	if command -v crontab >/dev/null 2>&1; then
		{ crontab -l 2>/dev/null | grep -vF "hub-deploy.sh --dir $DIR ssl --renew" || true; say "$line"; } | crontab -
		say "renewal: twice a day (crontab -l)"
	else
		say "no crontab here; renew twice a day with: $line"
	fi
}

# ------------------------------------------------------------------ build, start, init

cmd_build() {
	if want_help "$@"; then
		say "usage: deploy/hub-deploy.sh build"
		say "  ./mvnw package -DskipTests, then one image per service from deploy/Dockerfile."
		return 0
	fi
	(cd "$REPO" && ./mvnw -B -ntp -q package -DskipTests)
	compose build
}

cmd_start() {
	if want_help "$@"; then
		say "usage: deploy/hub-deploy.sh start [--timeout SECONDS]"
		say "  docker compose up -d, then waits until every container with a health check is healthy."
		return 0
	fi
	local timeout=300
	[[ "${1:-}" != --timeout ]] || timeout="${2:?--timeout needs seconds}"
	[[ -s "$DIR/secrets/hub.admin.password" ]] || die "start: no secrets yet: run deploy/hub-deploy.sh secrets"
	compose up -d
	local deadline=$((SECONDS + timeout)) waiting
	while true; do
		waiting="$(compose ps | grep -cE 'starting|unhealthy' || true)"
		((waiting == 0)) && break
		((SECONDS < deadline)) || die "start: $waiting container(s) not healthy after $timeout s (deploy/hub-deploy.sh status)"
		sleep 5
	done
	say "every container is up and healthy"
}

cmd_init() {
	if want_help "$@"; then
		say "usage: deploy/hub-deploy.sh init"
		say "  Checks https://HUB_DOMAIN/api/health and prints the first admin's login."
		return 0
	fi
	local domain
	domain="$(env_value HUB_DOMAIN)"
	curl -fsS --max-time 10 "https://$domain/api/health" >/dev/null || die "init: https://$domain/api/health does not answer 200"
	say "Ameen Hub: https://$domain"
	say "  admin login: $(env_value HUB_ADMIN_EMAIL)"
	say "  password:    in $DIR/secrets/hub.admin.password (change it after signing in)"
	say "  Grafana:     not published; see docker-compose.yml (user admin, password in secrets/grafana-admin-password)"
}

# ------------------------------------------------------------------ logs, status

cmd_logs() {
	if want_help "$@"; then
		say "usage: deploy/hub-deploy.sh logs [SERVICE] [--tail N]"
		say "  Follows the containers' logs (also in Grafana: Loki, label service)."
		return 0
	fi
	local tail=100 services=()
	while (($# > 0)); do
		case "$1" in
		--tail) tail="${2:?--tail needs a number}" && shift 2 ;;
		*) services+=("$1") && shift ;;
		esac
	done
	compose logs -f --tail "$tail" ${services[@]+"${services[@]}"}
}

cmd_status() {
	if want_help "$@"; then
		say "usage: deploy/hub-deploy.sh status"
		say "  Each container's state and health, then GET https://HUB_DOMAIN/api/health."
		return 0
	fi
	compose ps
	local domain
	domain="$(env_value HUB_DOMAIN)"
	if curl -fsS --max-time 10 "https://$domain/api/health"; then
		say ""
	else
		say "https://$domain/api/health: not healthy"
		return 3
	fi
}

# ------------------------------------------------------------------ backup, restore

VOLUMES=(kafka-data auth-data user-data crm-data tasks-data scheduler-data notification-data)
SERVICES=(gateway auth-service user-service crm-service tasks-service scheduler-service notification-service kafka)

volume_name() { # the Compose volume's real name (project prefix)
	local project
	project="$(env_value COMPOSE_PROJECT_NAME)"
	project="${project:-$(basename "$REPO" | tr -cd 'a-z0-9_-')}"
	printf '%s_%s' "$project" "$1"
}

cmd_backup() {
	if want_help "$@"; then
		say "usage: deploy/hub-deploy.sh backup DIR"
		say "  Pauses the services and Kafka (a few seconds: writes wait, nothing is lost), copies"
		say "  each volume into DIR/<volume>.tar.gz, and resumes them. Restore with: restore DIR"
		return 0
	fi
	local target="${1:?backup: name a directory}" volume
	mkdir -p "$target"
	target="$(cd "$target" && pwd)"
	compose pause "${SERVICES[@]}"
	trap 'compose unpause "${SERVICES[@]}"' EXIT
	for volume in "${VOLUMES[@]}"; do
		docker run --rm -v "$(volume_name "$volume"):/volume:ro" -v "$target:/backup" busybox:1.36 \
			tar -czf "/backup/$volume.tar.gz" -C /volume .
	done
	compose unpause "${SERVICES[@]}"
	trap - EXIT
	say "backed up ${#VOLUMES[@]} volumes into $target"
}

cmd_restore() {
	if want_help "$@"; then
		say "usage: deploy/hub-deploy.sh restore DIR"
		say "  Stops the hub, replaces every volume's content with DIR/<volume>.tar.gz, starts it."
		return 0
	fi
	local source="${1:?restore: name a backup directory}" volume
	source="$(cd "$source" && pwd)"
	for volume in "${VOLUMES[@]}"; do
		[[ -s "$source/$volume.tar.gz" ]] || die "restore: $source/$volume.tar.gz is missing"
	done
	compose stop
	for volume in "${VOLUMES[@]}"; do
		docker run --rm -v "$(volume_name "$volume"):/volume" -v "$source:/backup:ro" busybox:1.36 \
			sh -c "find /volume -mindepth 1 -delete && tar -xzf /backup/$volume.tar.gz -C /volume"
	done
	cmd_start
}

# ------------------------------------------------------------------ main

if [[ "${1:-}" == --dir ]]; then
	DIR="${2:?--dir needs a directory}"
	mkdir -p "$DIR"
	DIR="$(cd "$DIR" && pwd)"
	shift 2
fi
command="${1:-}"
(($# == 0)) || shift
case "$command" in
setup) cmd_setup "$@" ;;
secrets) cmd_secrets "$@" ;;
ssl) cmd_ssl "$@" ;;
build) cmd_build "$@" ;;
start) cmd_start "$@" ;;
init) cmd_init "$@" ;;
logs) cmd_logs "$@" ;;
status) cmd_status "$@" ;;
backup) cmd_backup "$@" ;;
restore) cmd_restore "$@" ;;
-h | --help | help) usage_main ;;
*) usage_main >&2 && exit 2 ;;
esac
