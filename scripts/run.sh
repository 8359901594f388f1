#!/usr/bin/env bash
# Run the portal, the Rasa server and the action server in the foreground;
# Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
export FLASK_APP=portal RASA_TELEMETRY_ENABLED=false
export PORTAL_URL="${PORTAL_URL:-http://127.0.0.1:5000}"
token_file=instance/rasa_token
mkdir -p instance
[ -s "$token_file" ] || python3 -c "import secrets; print(secrets.token_hex(24))" > "$token_file"
export RASA_TOKEN="${RASA_TOKEN:-$(cat "$token_file")}"

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

(cd bot && SANIC_HOST=127.0.0.1 exec ./.venv/bin/rasa run actions --port 5055 --actions actions) &
pids+=($!)
(cd bot && exec ./.venv/bin/rasa run --enable-api --auth-token "$RASA_TOKEN" -i 127.0.0.1 -p 5005 \
    --model models/cjg.tar.gz --endpoints endpoints.yml --credentials credentials.yml) &
pids+=($!)
.venv/bin/gunicorn --config gunicorn.conf.py --bind 127.0.0.1:5000 --access-logfile - "portal:create_app()" &
pids+=($!)

# Privacy: delete old conversations and answered questions now and every night.
(while true; do .venv/bin/flask privacy purge || true; sleep 86400; done) &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fs http://127.0.0.1:5000/ >/dev/null 2>&1 && curl -fs http://127.0.0.1:5005/ >/dev/null 2>&1; then
    echo; echo "Klaar: open http://127.0.0.1:5000 (JongIn: http://127.0.0.1:5000/jongeren/)"; break
  fi
  sleep 2
done
wait -n "${pids[@]}"
