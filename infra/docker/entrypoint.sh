#!/bin/sh
# Every app runs as `node /app/main.js`; `exec` makes it PID 1's successor so
# it receives SIGTERM itself and drains.
set -eu
# The address this instance registers in Consul, which callers and Consul's
# checks dial: Kubernetes passes the pod IP; elsewhere (compose) it is this
# container's own address, as the listen address is 0.0.0.0.
if [ -z "${ADVERTISE_HOST:-}" ]; then
  ADVERTISE_HOST="$(hostname -i | cut -d ' ' -f 1)"
  export ADVERTISE_HOST
fi
exec node /app/main.js "$@"
