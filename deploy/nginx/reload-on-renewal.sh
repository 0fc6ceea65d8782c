#!/bin/sh
# In the nginx container, run by the image's entrypoint from /docker-entrypoint.d/ before
# Nginx starts: reloads Nginx within 5 minutes of certbot renewing a certificate
# (certbot-renew.sh touches the marker). A reload keeps open connections, SSE included.
MARKER="${HUB_CERT_RENEWED_MARKER:-/etc/letsencrypt/hub-renewed}"
STAMP=/tmp/hub-cert-loaded
touch "$STAMP"
(
	while sleep "${HUB_CERT_RELOAD_CHECK:-300}"; do
		if [ -f "$MARKER" ] && [ "$MARKER" -nt "$STAMP" ]; then
			touch "$STAMP"
			nginx -s reload && echo "hub: certificate renewed, nginx reloaded"
		fi
	done
) &
