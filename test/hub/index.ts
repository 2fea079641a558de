/**
 * The Netwrix Change Tracker Hub emulator: a real HTTP(S) server on loopback that behaves like the Hub's
 * REST API (docs/hub-api.md), with seeded data, fault injection and a request log. See test/hub/README.md.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults';
import { RequestLog } from './requestLog';
import { ResponseCache } from './responseCache';
import type { HubState } from './routes/route';
import { generateFixture } from './seed';
import { createHubServer } from './server';
import { AccountLockout, SessionStore } from './sessions';
import { HubStore } from './store';
import type { HubEmulator, HubFixture, HubOptions } from './types';
import { DEFAULT_CREDENTIAL_MASK } from './views';
import { DEFAULT_USERS } from './users';

export { DEFAULT_USERS, PERMISSIONS } from './users';
export { INFERENCES } from './inferences';
export { generateFixture } from './seed';
export { DEFAULT_EVENTS, EVENT_STATUSES, type EventRecord, type NewEvents } from './events';
export { HubStore } from './store';
export { FaultInjector } from './faults';
export * from './types';

export const DEFAULT_AGENTS = 40;
export const DEFAULT_TAKE_CAP = 500;

export async function startHub(options: HubOptions = {}): Promise<HubEmulator> {
	const seed = options.seed ?? 1;
	const makeFixture = (): HubFixture =>
		options.fixture
			? structuredClone(options.fixture)
			: generateFixture(seed, options.agents ?? DEFAULT_AGENTS);
	const users = (options.users ?? DEFAULT_USERS).map((user) => ({
		...user,
		permissions: [...user.permissions],
	}));
	const sessionTimeoutMinutes = options.sessionTimeoutMinutes ?? 20;
	const store = new HubStore(makeFixture(), users, seed, {
		events: options.events,
		unknownEventIds: options.unknownEventIds,
	});
	const hub: HubState = {
		settings: {
			takeCap: options.takeCap ?? DEFAULT_TAKE_CAP,
			sessionTimeoutMinutes,
			users,
			credentialMask: { ...DEFAULT_CREDENTIAL_MASK, ...options.credentialMask },
		},
		store,
		sessions: new SessionStore(sessionTimeoutMinutes * 60_000, options.sessionMaxCalls),
		lockout: new AccountLockout(options.lockout ?? { maxAttempts: 3, minutes: 10 }),
		log: new RequestLog(),
		cache: new ResponseCache(store, {
			deviceIdsReadAs: options.deviceIdsReadAs ?? 'agentDevice',
			nameMatch: options.nameMatch ?? 'exact',
		}),
	};
	const faults = new FaultInjector();
	const tls = options.tls ?? false;
	let emulator: HubEmulator | undefined;
	const server = createHubServer(hub, {
		tls,
		latencyMs: options.latencyMs ?? 0,
		faults,
		emulator: () => emulator as HubEmulator,
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	const url = `${tls ? 'https' : 'http'}://${urlHost(options.host ?? '127.0.0.1')}:${port}`;

	emulator = {
		url,
		apiUrl: `${url}/api`,
		store: hub.store,
		faults,
		log: hub.log.entries,
		stats: () => hub.log.stats(),
		requests: (route) => hub.log.forRoute(route),
		reset: ({ reseed = false } = {}) => {
			hub.log.clear();
			faults.clear();
			hub.sessions.clear();
			hub.lockout.clear();
			hub.cache.clearQueries();
			// Serialised devices stay valid across resets (they follow store.version); a reseed replaces every record.
			if (reseed) {
				hub.cache.clear();
				hub.store.load(makeFixture());
			}
		},
		expireAllSessions: () => hub.sessions.clear(),
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
	return emulator;
}

/** Reads a fixture saved as JSON (e.g. JSON.stringify of a HubFixture or of generateFixture(...)). */
export function loadFixture(path: string): HubFixture {
	return JSON.parse(readFileSync(path, 'utf8')) as HubFixture;
}

function urlHost(host: string): string {
	if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
	return host.includes(':') ? `[${host}]` : host;
}
