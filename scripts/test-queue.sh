#!/usr/bin/env bash
# `npm run test:queue`: the packed package in a real n8n in queue mode — one `n8n start` (main) and two
# `n8n worker` processes sharing a PostgreSQL database and a Redis queue — against the Hub emulator.
# See docs/scaling.md and test/n8n/queue/run.ts.
#
# Redis and PostgreSQL come from Debian packages (installed when missing: CI runs as root on a clean machine)
# and run for this suite alone: loopback ports, temporary data folders, stopped on exit. n8n and Node 24 come
# from scripts/n8n-install.sh, as for test:n8n.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOG_NAME=test:queue
# shellcheck source=scripts/n8n-install.sh
source "$ROOT/scripts/n8n-install.sh"

postgres_bin() { find /usr/lib/postgresql -maxdepth 3 -name initdb -path '*/bin/*' 2>/dev/null | sort -V | tail -1 | xargs -r dirname; }

install_services() {
	if command -v redis-server >/dev/null && command -v redis-cli >/dev/null && [ -n "$(postgres_bin)" ]; then return; fi
	[ "$(id -u)" = 0 ] || die "redis-server and postgresql are missing: install them (apt-get install redis-server postgresql) or run as root"
	local started=$SECONDS
	log "installing redis-server and postgresql (Debian packages)"
	# Another apt on the machine holds the lock for a while at most: wait for it rather than fail.
	apt-get -o DPkg::Lock::Timeout=600 update -qq
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
		redis-server postgresql >/dev/null
	[ -n "$(postgres_bin)" ] || die "postgresql installed, but no initdb under /usr/lib/postgresql"
	log "redis-server and postgresql ready ($(elapsed "$started"))"
}

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

setup_n8n
install_services
[ -f "$ROOT/dist/nodes/NetwrixChangeTracker/NetwrixChangeTracker.node.js" ] || die "dist/ is missing: run npm run build first"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/n8n-queue.XXXXXX")
PGDIR=$WORK/postgres
REDIS_PID=
PG_BIN=$(postgres_bin)
# PostgreSQL refuses to run as root: as root it runs as the postgres user the Debian package created.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
	local code=$?
	[ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
	[ -f "$PGDIR/data/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1
	if [ "${N8N_E2E_KEEP:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
	exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$SECONDS
PG_PORT=$(free_port)
mkdir -p "$PGDIR"
[ "$(id -u)" = 0 ] && chown postgres: "$PGDIR" && chmod 755 "$WORK"
as_pg "$PG_BIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --no-sync >"$PGDIR/initdb.log" 2>&1 ||
	{ tail -20 "$PGDIR/initdb.log" >&2; die "initdb failed"; }
# Loopback only; the socket goes into the temporary folder; no fsync (throw-away data).
as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
	-o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
	start >/dev/null || { tail -20 "$PGDIR/server.log" >&2; die "PostgreSQL did not start"; }
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres n8n

REDIS_PORT=$(free_port)
mkdir -p "$WORK/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK/redis" \
	--logfile "$WORK/redis/redis.log" &
REDIS_PID=$!
for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.2; done
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping | grep -q PONG || die "Redis did not start"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, Redis $(redis-server --version | sed -E 's/.* v=([^ ]+).*/\1/') on 127.0.0.1:$REDIS_PORT ($(elapsed "$started"))"

TARBALL=$(pack_package "$WORK")

cd "$ROOT"
N8N_E2E_NODE="$N8N_NODE" N8N_E2E_MAIN="$N8N_MAIN" N8N_E2E_TARBALL="$TARBALL" N8N_E2E_WORK="$WORK" \
	QUEUE_PG_PORT="$PG_PORT" QUEUE_REDIS_PORT="$REDIS_PORT" \
	node -r ts-node/register/transpile-only test/n8n/queue/run.ts "$@"
