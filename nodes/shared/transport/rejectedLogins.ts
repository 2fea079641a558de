import { createHmac, randomBytes } from 'crypto';

/** Minutes a rejected login is not tried again when the credential does not say (the Hub's default lockout). */
export const DEFAULT_LOGIN_PAUSE_MINUTES = 10;

interface Rejection {
	until: number;
	at: number;
	message: string;
}

/**
 * Logins the Hub rejected (wrong password, locked account, blocked address), remembered for this n8n process so
 * that no node run, retry, dropdown, list search or poll tries the same username and password again before the
 * pause ends: the Hub locks an account after a few failed logins (3 by default), and a locked service account
 * stops every workflow. Entries are keyed by an HMAC of (Hub, username, password) under a key that exists only in
 * this process's memory, so the password itself is never stored. A different password has a different key and is
 * tried at once.
 */
class RejectedLogins {
	private readonly key = randomBytes(32);

	private readonly entries = new Map<string, Rejection>();

	keyOf(api: string, userName: string, password: string): string {
		return createHmac('sha256', this.key)
			.update(JSON.stringify([api.toLowerCase(), userName.toLowerCase(), password]))
			.digest('base64');
	}

	/** The rejection still in force for this key, if any. */
	find(key: string, now: number): Rejection | undefined {
		const entry = this.entries.get(key);
		if (entry && entry.until > now) return entry;
		if (entry) this.entries.delete(key);
		return undefined;
	}

	remember(key: string, now: number, pauseMs: number, message: string): void {
		if (pauseMs <= 0) return;
		// Drop expired entries so the map holds only live pauses.
		for (const [other, entry] of this.entries) if (entry.until <= now) this.entries.delete(other);
		this.entries.set(key, { at: now, until: now + pauseMs, message });
	}
}

export const rejectedLogins = new RejectedLogins();

/** The credential's pause in ms: a whole number of minutes from 0 (off) to a day. */
export function loginPauseMs(value: unknown): number {
	const minutes =
		typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_LOGIN_PAUSE_MINUTES;
	return Math.round(Math.min(Math.max(minutes, 0), 24 * 60)) * 60_000;
}
