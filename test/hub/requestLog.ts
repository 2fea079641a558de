/** Every request the emulator received, and the counters behind HubEmulator.stats(). */
import type { HubStats, RequestLogEntry } from './types';

export class RequestLog {
	entries: RequestLogEntry[] = [];
	loginAttempts = 0;
	logins = 0;
	failedLogins = 0;
	private byRoute: Record<string, number> = {};
	private inFlight: Record<string, number> = {};
	private peakInFlight: Record<string, number> = {};

	add(entry: Omit<RequestLogEntry, 'seq' | 'at' | 'status'>): RequestLogEntry {
		const logged: RequestLogEntry = {
			seq: this.entries.length + 1,
			at: Date.now(),
			status: 0,
			...entry,
		};
		this.entries.push(logged);
		this.byRoute[entry.route] = (this.byRoute[entry.route] ?? 0) + 1;
		return logged;
	}

	/** A request of `route` is being handled until `ended` is called (its response closed). */
	started(route: string): void {
		const open = (this.inFlight[route] ?? 0) + 1;
		this.inFlight[route] = open;
		this.peakInFlight[route] = Math.max(this.peakInFlight[route] ?? 0, open);
	}

	ended(route: string): void {
		this.inFlight[route] = Math.max(0, (this.inFlight[route] ?? 0) - 1);
	}

	forRoute(route: string): RequestLogEntry[] {
		const lower = route.toLowerCase();
		return this.entries.filter((entry) => entry.route.toLowerCase() === lower);
	}

	stats(): HubStats {
		return {
			requests: this.entries.length,
			loginAttempts: this.loginAttempts,
			logins: this.logins,
			failedLogins: this.failedLogins,
			byRoute: { ...this.byRoute },
			peakInFlight: { ...this.peakInFlight },
		};
	}

	/** Empties the log in place, so references to HubEmulator.log stay valid. */
	clear(): void {
		this.entries.length = 0;
		this.loginAttempts = 0;
		this.logins = 0;
		this.failedLogins = 0;
		this.byRoute = {};
		this.peakInFlight = {};
	}
}
