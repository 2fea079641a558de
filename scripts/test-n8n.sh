#!/usr/bin/env bash
# `npm run test:n8n`: runs the packed package inside a real, pinned n8n (headless CLI) against the Hub
# emulator. See test/n8n/README.md.
#
# Node 24 (n8n 2.x needs it) and the n8n install are set up by scripts/n8n-install.sh and cached outside the
# repository, so repeated runs reuse them; a run from an empty cache installs both (about 8-10 minutes here).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOG_NAME=test:n8n
# shellcheck source=scripts/n8n-install.sh
source "$ROOT/scripts/n8n-install.sh"

run_suite test/n8n/run.ts "$@"
