#!/usr/bin/env bash
# `npm run test:n8n`: runs the packed package inside a real, pinned n8n (headless CLI) against the Hub
# emulator. See test/n8n/README.md. `N8N_VERSION=1.123.81 npm run test:n8n` runs it on another n8n.
#
# n8n and the Node it runs on are set up by scripts/n8n-install.sh and cached outside the repository, so
# repeated runs reuse them; a run from an empty cache installs both (about 8-12 minutes here).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/n8n-install.sh
LOG_NAME=test:n8n
source "$ROOT/scripts/n8n-install.sh"

setup_n8n

[ -f "$ROOT/dist/nodes/NetwrixChangeTracker/NetwrixChangeTracker.node.js" ] || die "dist/ is missing: run npm run build first"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/n8n-e2e.XXXXXX")
cleanup() {
	if [ "${N8N_E2E_KEEP:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log "packing the package (to run in n8n $N8N_VERSION on Node $("$N8N_NODE" --version))"
TARBALL=$(cd "$ROOT" && npm pack --silent --pack-destination "$WORK" | tail -1)

cd "$ROOT"
N8N_E2E_NODE="$N8N_NODE" N8N_E2E_MAIN="$N8N_MAIN" N8N_E2E_TARBALL="$WORK/$TARBALL" N8N_E2E_WORK="$WORK" \
	node -r ts-node/register/transpile-only test/n8n/run.ts "$@"
