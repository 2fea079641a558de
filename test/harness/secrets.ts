import type { CredentialStore } from './credentialStore';

/**
 * Fails when any planted secret appears in the text (serialized run data, captured logs), also in the
 * encodings a leak would likely take (JSON-escaped, URL-encoded, base64).
 */
export function expectNoSecrets(text: string, secrets: string[]): void {
	const found: string[] = [];
	for (const secret of secrets.filter((s) => s.length >= 4)) {
		const forms = [
			secret,
			JSON.stringify(secret).slice(1, -1),
			encodeURIComponent(secret),
			Buffer.from(secret).toString('base64'),
		];
		if (forms.some((form) => text.includes(form))) found.push(`${secret.slice(0, 3)}…`);
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
