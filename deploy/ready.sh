#!/bin/bash
# The containers' health check: 0 when GET /actuator/health/readiness on PORT (default
# $SERVER_PORT) answers 200. Plain bash, so the image needs no curl.
port="${1:-${SERVER_PORT:-8080}}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
[[ "$status" == *" 200 "* ]]
