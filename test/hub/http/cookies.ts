/** The ServiceStack session cookies: ss-id (session), ss-pid (permanent id), ss-opt (temp or perm). */
import type { Session } from '../sessions';

const TWENTY_YEARS_MS = 20 * 365 * 24 * 3600 * 1000;

export function parseCookies(header: string | undefined): Record<string, string> {
	const cookies: Record<string, string> = {};
	for (const part of (header ?? '').split(';')) {
		const separator = part.indexOf('=');
		if (separator > 0)
			cookies[part.slice(0, separator).trim()] = decodeURIComponent(
				part.slice(separator + 1).trim(),
			);
	}
	return cookies;
}

export function sessionCookies(session: Session): string[] {
	const expires = new Date(Date.now() + TWENTY_YEARS_MS).toUTCString();
	return [
		`ss-id=${session.id}; path=/; HttpOnly`,
		`ss-pid=${session.permanentId}; path=/; expires=${expires}; HttpOnly`,
		`ss-opt=${session.rememberMe ? 'perm' : 'temp'}; path=/; expires=${expires}; HttpOnly`,
	];
}

export function clearedSessionCookies(): string[] {
	const past = new Date(0).toUTCString();
	return ['ss-id', 'ss-pid', 'ss-opt'].map((name) => `${name}=; path=/; expires=${past}; HttpOnly`);
}
