/**
 * The Hub URL as users paste it: `https://hub`, `https://hub/`, `https://hub/api` or `https://hub/api/`
 * (http for labs, any port, an optional reverse-proxy path prefix). Everything the node sends goes to
 * `<base>/api/...`, so the base is kept without a trailing slash and without `/api`.
 */
export interface HubUrl {
	/** e.g. `https://hub.example.com` (no trailing slash, no `/api`) */
	base: string;
	/** e.g. `https://hub.example.com/api` */
	api: string;
}

const EXPECTED_FORM =
	'Use the form https://<hub host>[:port], for example https://changetracker.example.com or https://changetracker.example.com/api';

class HubUrlError extends Error {
	constructor(problem: string) {
		super(`Hub URL ${problem}. ${EXPECTED_FORM}.`);
		this.name = 'HubUrlError';
	}
}

function parseUrl(raw: string): URL | undefined {
	try {
		return new URL(raw);
	} catch {
		return undefined;
	}
}

export function normalizeHubUrl(input: unknown): HubUrl {
	if (typeof input !== 'string' || input.trim() === '') {
		throw new HubUrlError('is empty');
	}
	const raw = input.trim();
	if (/\s/.test(raw)) {
		throw new HubUrlError('contains spaces');
	}
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(raw);
	if (!scheme) {
		throw new HubUrlError('has no http:// or https:// scheme');
	}
	if (!['http', 'https'].includes(scheme[1].toLowerCase())) {
		throw new HubUrlError(
			`uses the unsupported scheme "${scheme[1]}:" (only http and https are supported)`,
		);
	}
	const parsed = parseUrl(raw);
	if (!parsed) throw new HubUrlError('is not a valid URL');
	if (parsed.username || parsed.password) {
		// Never echo the URL here: it carries a password.
		throw new HubUrlError(
			'must not contain a user name or password (enter them in the Username and Password fields)',
		);
	}
	if (!parsed.hostname) {
		throw new HubUrlError('has no host name');
	}
	if (parsed.search || parsed.hash) {
		throw new HubUrlError('must not contain a query string or fragment');
	}
	const path = parsed.pathname.replace(/\/+$/, '').replace(/\/api$/i, '');
	const base = `${parsed.protocol}//${parsed.host}${path}`;
	return { base, api: `${base}/api` };
}
