/**
 * Chromium from the system (Debian's `chromium` package; nothing is downloaded) driven by puppeteer-core.
 * UI_HEADED=1 opens a visible window (needs a display: run under `xvfb-run -a` on a machine without one) and
 * slows every action by UI_SLOWMO milliseconds (default 150) so a person can follow it.
 */
import { existsSync } from 'node:fs';

import puppeteer, { type Browser } from 'puppeteer-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const VIEWPORT = { width: 1600, height: 1000 };

export function chromiumPath(): string {
	const path = process.env.CHROMIUM_PATH ?? CANDIDATES.find((candidate) => existsSync(candidate));
	if (!path || !existsSync(path))
		throw new Error(
			'Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium or Chrome binary)',
		);
	return path;
}

export async function launchBrowser(): Promise<Browser> {
	const headed = process.env.UI_HEADED === '1';
	return await puppeteer.launch({
		executablePath: chromiumPath(),
		headless: !headed,
		slowMo: headed ? Number(process.env.UI_SLOWMO ?? 150) : 0,
		defaultViewport: VIEWPORT,
		args: [
			// CI runs as root, where Chromium's sandbox cannot start.
			'--no-sandbox',
			`--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
			'--no-first-run',
			'--disable-dev-shm-usage',
			// n8n on loopback only; no proxy set for the npm registry may be used for it.
			'--no-proxy-server',
		],
	});
}
