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
