import type { CredentialStore } from './credentialStore';

/**
 * The forms a leaked secret takes in scanned text. Written out here rather than taken from the node's scrubber, so
 * that a form the scrubber misses is still found: raw; JSON-escaped once (a secret in run data serialized once) and
 * twice (a Hub message that quoted the secret as JSON, kept in run data that is then serialized: `\n` becomes
 * `\\n`, `"` becomes `\\\"`); URL-encoded (with `%20` or `+` for spaces); base64 with and without padding.
 */
export function leakForms(secret: string): string[] {
	const escaped = JSON.stringify(secret).slice(1, -1);
	const base64 = Buffer.from(secret).toString('base64');
	return [
		...new Set([
			secret,
			escaped,
			JSON.stringify(escaped).slice(1, -1),
			encodeURIComponent(secret),
			encodeURIComponent(secret).replace(/%20/g, '+'),
			base64,
			base64.replace(/=+$/, ''),
		]),
	];
}

/**
 * Fails when any planted secret appears in the text (serialized run data, captured logs), also in the
 * encodings a leak would likely take (leakForms).
 */
export function expectNoSecrets(text: string, secrets: string[]): void {
	const found: string[] = [];
	for (const secret of secrets.filter((s) => s.length >= 4)) {
		if (leakForms(secret).some((form) => text.includes(form))) found.push(`${secret.slice(0, 3)}…`);
	}
	if (found.length) throw new Error(`Secrets leaked into the scanned text: ${found.join(', ')}`);
}

/**
 * The secrets of every n8n credential in the store: the Hub password and the session cookie n8n keeps for it
 * (each cookie value too). The harness checks every run against them, so all suites share this leak scan.
 */
export function credentialSecrets(store: CredentialStore): string[] {
	const secrets: string[] = [];
	for (const { data } of store.all()) {
		if (typeof data.password === 'string') secrets.push(data.password);
		if (typeof data.sessionCookie === 'string' && data.sessionCookie !== '') {
			secrets.push(data.sessionCookie);
			for (const pair of data.sessionCookie.split(';')) {
				const value = pair.split('=')[1]?.trim();
				// ss-opt is just "temp" or "perm", not a secret.
				if (value && !['temp', 'perm'].includes(value)) secrets.push(value);
			}
		}
	}
	return secrets;
}

export function expectNoCredentialSecrets(text: string, store: CredentialStore): void {
	expectNoSecrets(text, credentialSecrets(store));
}
