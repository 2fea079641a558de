#!/usr/bin/env bash
# `npm run test:n8n`: runs the packed package inside a real, pinned n8n (headless CLI) against the Hub
# emulator. See test/n8n/README.md. `N8N_VERSION=1.123.81 npm run test:n8n` runs it on another n8n.
#
# n8n and the Node it runs on are set up by scripts/n8n-install.sh and cached outside the repository, so
# repeated runs reuse them; a run from an empty cache installs both (about 8-12 minutes here).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOG_NAME=test:n8n
# shellcheck source=scripts/n8n-install.sh
source "$ROOT/scripts/n8n-install.sh"

run_suite test/n8n/run.ts "$@"
