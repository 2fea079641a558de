/** What a secret is replaced with wherever the node shows text. */
export const REDACTED = '[redacted]';

/** Secrets shorter than this are only redacted where they are a whole value: replacing "abc" inside any text would mangle it. */
const MIN_EMBEDDED_SECRET = 4;

/**
 * The forms a secret takes when a Hub, a proxy or n8n quotes it: as sent, JSON-escaped (once, or twice when an
 * answer quotes JSON inside JSON), URL-encoded (form or query) and base64 (e.g. a Basic header).
 */
export function encodedForms(secret: string): string[] {
	const jsonEscaped = JSON.stringify(secret).slice(1, -1);
	const forms = [
		secret,
		jsonEscaped,
		JSON.stringify(jsonEscaped).slice(1, -1),
		encodeURIComponent(secret),
		encodeURIComponent(secret).replace(/%20/g, '+'),
		Buffer.from(secret, 'utf8').toString('base64'),
		Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
	];
	return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of a secret inside a text, in each of its encoded forms. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret === '') continue;
		if (result === secret) return REDACTED;
		if (secret.length < MIN_EMBEDDED_SECRET) continue;
		for (const form of encodedForms(secret)) result = result.split(form).join(REDACTED);
	}
	return result;
}
