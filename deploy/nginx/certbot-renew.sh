#!/bin/sh
# Let's Encrypt certificates for the edge, by certbot's webroot method (Nginx answers
# /.well-known/acme-challenge/ from the shared webroot on port 80). Runs in the certbot
# container (docker-compose service "certbot"); see docs/ops-edge.md.
#   certbot-renew.sh issue   the first certificate for $HUB_DOMAIN (needs $HUB_ACME_EMAIL)
#   certbot-renew.sh         (default: loop) tries a renewal twice a day; certbot renews a
#                            certificate 30 days before it expires. After a renewal the deploy
#                            hook touches $RENEWED, and the nginx container reloads
#                            (reload-on-renewal.sh).
set -eu

WEBROOT="${HUB_ACME_ROOT:-/var/www/certbot}"
LE="${HUB_LETSENCRYPT_DIR:-/etc/letsencrypt}"
RENEWED="${HUB_CERT_RENEWED_MARKER:-$LE/hub-renewed}"
INTERVAL="${HUB_CERT_RENEW_INTERVAL:-43200}" # 12 hours

issue() {
	: "${HUB_DOMAIN:?set HUB_DOMAIN to the hub's public DNS name}"
	: "${HUB_ACME_EMAIL:?set HUB_ACME_EMAIL for Let's Encrypt's expiry notices}"
	# a placeholder from `bootstrap` is replaced, not kept beside the real one
	if [ -f "$LE/live/$HUB_DOMAIN/.hub-placeholder" ]; then
		rm -rf "$LE/live/$HUB_DOMAIN" "$LE/renewal/$HUB_DOMAIN.conf"
	fi
	certbot certonly --non-interactive --agree-tos --email "$HUB_ACME_EMAIL" \
		--webroot --webroot-path "$WEBROOT" --domain "$HUB_DOMAIN" \
		--deploy-hook "touch $RENEWED"
	touch "$RENEWED"
}

# a self-signed certificate where Let's Encrypt's will be, so that Nginx can start and
# answer the first challenge on port 80 (run where openssl is: the host, with
# HUB_LETSENCRYPT_DIR=data/letsencrypt, the directory compose mounts)
bootstrap() {
	: "${HUB_DOMAIN:?set HUB_DOMAIN to the hub's public DNS name}"
	live="$LE/live/$HUB_DOMAIN"
	[ -f "$live/fullchain.pem" ] && return 0
	mkdir -p "$live"
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$HUB_DOMAIN" \
		-keyout "$live/privkey.pem" -out "$live/fullchain.pem" 2>/dev/null
	cp "$live/fullchain.pem" "$live/chain.pem"
	touch "$live/.hub-placeholder"
}

loop() {
	while :; do
		# --deploy-hook runs only when a certificate was actually renewed
		certbot renew --non-interactive --webroot --webroot-path "$WEBROOT" \
			--deploy-hook "touch $RENEWED" || echo "certbot renew failed; trying again in $INTERVAL s" >&2
		sleep "$INTERVAL" &
		wait $!
	done
}

trap 'exit 0' TERM INT
case "${1:-loop}" in
issue) issue ;;
bootstrap) bootstrap ;;
loop) loop ;;
*) echo "usage: certbot-renew.sh [issue|bootstrap|loop]" >&2 && exit 2 ;;
esac
