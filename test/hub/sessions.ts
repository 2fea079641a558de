/**
 * Server-side sessions (ServiceStack style: a random ss-id, plus ss-pid for "remember me") with a sliding
 * timeout, and the per-account lockout after consecutive bad passwords.
 */
import { randomBytes } from 'node:crypto';
import type { HubUser } from './types';

export interface Session {
	id: string;
	permanentId: string;
	user: HubUser;
	rememberMe: boolean;
	lastUsedMs: number;
	/** Authenticated calls made with this session so far. */
	calls: number;
}

export class SessionStore {
	private readonly sessions = new Map<string, Session>();

	constructor(
		private readonly timeoutMs: number,
		private readonly maxCalls: number | undefined,
	) {}

	create(user: HubUser, rememberMe: boolean): Session {
		const session: Session = {
			id: newSessionId(),
			permanentId: newSessionId(),
			user,
			rememberMe,
			lastUsedMs: Date.now(),
			calls: 0,
		};
		this.sessions.set(session.id, session);
		return session;
	}

	/** The live session with one of these ids (in order of preference), or undefined; expired sessions are dropped. */
	find(candidateIds: readonly string[]): Session | undefined {
		for (const id of candidateIds) {
			const session = this.sessions.get(id) ?? this.findPermanent(id);
			if (!session) continue;
			if (Date.now() - session.lastUsedMs > this.timeoutMs) {
				this.end(session);
				continue;
			}
			return session;
		}
		return undefined;
	}

	/** Counts an authenticated call and slides the timeout; false when the session has used up its calls. */
	recordCall(session: Session): boolean {
		if (this.maxCalls !== undefined && session.calls >= this.maxCalls) {
			this.end(session);
			return false;
		}
		session.calls++;
		session.lastUsedMs = Date.now();
		return true;
	}

	end(session: Session): void {
		this.sessions.delete(session.id);
	}

	clear(): void {
		this.sessions.clear();
	}

	private findPermanent(permanentId: string): Session | undefined {
		for (const session of this.sessions.values())
			if (session.rememberMe && session.permanentId === permanentId) return session;
		return undefined;
	}
}

export interface LockoutPolicy {
	maxAttempts: number;
	minutes: number;
}

/** INFERENCES.accountLocked: consecutive failures lock the account, whatever password comes next. */
export class AccountLockout {
	private readonly accounts = new Map<string, { failures: number; lockedUntilMs: number }>();

	constructor(private readonly policy: LockoutPolicy | false) {}

	isLocked(userName: string): boolean {
		const account = this.accounts.get(userName.toLowerCase());
		if (!account || account.lockedUntilMs === 0) return false;
		if (Date.now() < account.lockedUntilMs) return true;
		this.accounts.delete(userName.toLowerCase());
		return false;
	}

	recordFailure(userName: string): void {
		if (!this.policy) return;
		const key = userName.toLowerCase();
		const account = this.accounts.get(key) ?? { failures: 0, lockedUntilMs: 0 };
		account.failures++;
		if (account.failures >= this.policy.maxAttempts)
			account.lockedUntilMs = Date.now() + this.policy.minutes * 60_000;
		this.accounts.set(key, account);
	}

	recordSuccess(userName: string): void {
		this.accounts.delete(userName.toLowerCase());
	}

	clear(): void {
		this.accounts.clear();
	}
}

/** 20 URL-safe characters, like ServiceStack's session ids. */
function newSessionId(): string {
	return randomBytes(15).toString('base64url');
}
