#!/usr/bin/env bash
# `npm run test:ui`: the packed package in a real n8n editor, driven in Chromium (Debian's `chromium`, through
# puppeteer-core) against the Hub emulator. See README.md, "Editor smoke test".
#
# UI_HEADED=1 shows the browser (slowed down by UI_SLOWMO ms, default 150; without a display run it under
# `xvfb-run -a`). UI_SCREENSHOTS sets the screenshot folder (default test-results/ui). N8N_E2E_KEEP=1 keeps
# the run's n8n user folder.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOG_NAME=test:ui
# shellcheck source=scripts/n8n-install.sh
source "$ROOT/scripts/n8n-install.sh"

[ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null ||
	die "Chromium is missing: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH)"

run_suite test/ui/run.ts "$@"
