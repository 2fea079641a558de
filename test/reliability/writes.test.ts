import type { IDataObject } from 'n8n-workflow';

import { startHub, type HubEmulator } from '../hub';
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../harness';

/**
 * Reliability of writes: a write is retried only when the Hub cannot have applied it (429, 503), so a failure never
 * duplicates a device, and a re-run with "Skip" finishes the job. docs/reliability.md tabulates the outcomes.
 */
const NODE = 'Change Tracker';
const register = (ifExists: string, options: IDataObject = {}): Record<string, unknown> => ({
	resource: 'agent',
	operation: 'register',
	proxyAgent: { __rl: true, mode: 'name', value: 'NYC-PRX-0012' },
	deviceName: '={{ $json.name }}',
	hostName: '={{ $json.host }}',
	hostType: 'Network',
	deviceType: 'Network',
	credentialKey: 'NetworkSSH',
	groupNames: [],
	onlineDetection: 'Ping',
	ifExists,
	options,
});
const rows = (count: number) =>
	Array.from({ length: count }, (_, i) => ({
		json: { name: `REL-SW-${i}`, host: `10.250.0.${i + 1}` },
	}));

describe('reliability: writes', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	const devicesNamed = (prefix: string) =>
		hub.store.agents.filter((a) => a.Name.startsWith(prefix));
	beforeAll(async () => {
		hub = await startHub({ agents: 40 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	it('503 on register, then recovery: retried (the Hub did not apply it), each device created once', async () => {
		const outage = hub.faults.add({
			route: '/agents/register',
			skip: 1,
			times: 2,
			status: 503,
			retryAfter: '0',
		});
		const run = await runWorkflow(singleNodeWorkflow(register('error')), { store, input: rows(3) });
		expect(run.status).toBe('success');
		expect(outage.hits).toBe(2);
		expect(devicesNamed('REL-SW-')).toHaveLength(3);
		expect(run.json(NODE).map((d) => d.registration)).toEqual(['created', 'created', 'created']);
	});

	it('429 on register: waits and retries; each device created once', async () => {
		hub.faults.add({ route: '/agents/register', times: 1, status: 429, retryAfter: '1' });
		const run = await runWorkflow(singleNodeWorkflow(register('error')), { store, input: rows(2) });
		expect(run.status).toBe('success');
		expect(devicesNamed('REL-SW-')).toHaveLength(2);
	});

	it('connection reset on register: not retried (it may have been applied); a re-run with Skip completes without duplicates', async () => {
		hub.faults.add({ route: '/agents/register', skip: 1, times: 1, reset: true });
		const first = await runWorkflow(
			singleNodeWorkflow(register('skip'), { continueOnFail: true }),
			{ store, input: rows(3) },
		);
		const items = first.items(NODE);
		expect(items[1].json.error).toMatch(/closed unexpectedly/);
		expect(items[0].json.registration).toBe('created');
		expect(items[2].json.registration).toBe('created');
		expect(hub.requests('/agents/register')).toHaveLength(3);

		const rerun = await runWorkflow(singleNodeWorkflow(register('skip')), {
			store,
			input: rows(3),
		});
		expect(rerun.error).toBeUndefined();
		expect(rerun.status).toBe('success');
		expect(devicesNamed('REL-SW-')).toHaveLength(3);
		expect(rerun.json(NODE).filter((d) => d.registration === 'created')).toHaveLength(1);
	});

	it('502 on register: not retried, reported per item with Continue On Fail; nothing duplicated', async () => {
		hub.faults.add({
			route: '/agents/register',
			times: 1,
			status: 502,
			contentType: 'text/html',
			body: '<html>Bad Gateway</html>',
		});
		const run = await runWorkflow(singleNodeWorkflow(register('skip'), { continueOnFail: true }), {
			store,
			input: rows(2),
		});
		const items = run.items(NODE);
		expect(items[0].json.error).toMatch(/does not look like a Change Tracker Hub API/);
		expect(items[1].json.registration).toBe('created');
		expect(hub.requests('/agents/register')).toHaveLength(2);
		expect(devicesNamed('REL-SW-')).toHaveLength(1);
	});

	it('session expiry in the middle of a bulk register (Concurrency 4): one re-login, every device once', async () => {
		hub.faults.add({ route: '/agents/register', skip: 5, times: 1, expireSession: true });
		const run = await runWorkflow(singleNodeWorkflow(register('skip', { concurrency: 4 })), {
			store,
			input: rows(20),
		});
		expect(run.status).toBe('success');
		expect(devicesNamed('REL-SW-')).toHaveLength(20);
		expect(hub.stats().logins).toBe(2);
	});

	it('a Hub slower than the timeout on register: a clear timeout error, not retried', async () => {
		hub.faults.add({ route: '/agents/register', latencyMs: 2500, times: 1 });
		const run = await runWorkflow(singleNodeWorkflow(register('skip', { timeout: 1000 })), {
			store,
			input: rows(1),
		});
		expect(run.error?.message).toMatch(/did not answer in time/);
		expect(hub.requests('/agents/register')).toHaveLength(1);
	});
});
