import type { IDataObject } from 'n8n-workflow';

import { startHub, type HubEmulator } from '../hub';
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../harness';

/**
 * Reliability of reads: what the user sees when the Hub misbehaves, and that nothing is lost or duplicated.
 * docs/reliability.md tabulates these scenarios and their outcomes.
 */
const NODE = 'Change Tracker';
const AGENTS = 3000;
const returnAll = (options: IDataObject = {}) =>
	singleNodeWorkflow({
		resource: 'agent',
		operation: 'getAll',
		returnAll: true,
		filters: { includeDeleted: true },
		options,
	});

function expectEveryAgentOnce(ids: unknown[], expected: number) {
	expect(ids).toHaveLength(expected);
	expect(new Set(ids).size).toBe(expected);
}

describe('reliability: reads', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: AGENTS, takeCap: 250 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	it('session expiry in the middle of Return All: one re-login, every agent once', async () => {
		hub.faults.add({ route: '/agentsRanked', skip: 4, times: 1, expireSession: true });
		const run = await runWorkflow(returnAll({ pageSize: 250 }), { store });
		expect(run.status).toBe('success');
		expectEveryAgentOnce(
			run.json(NODE).map((a) => a.agentDeviceId),
			AGENTS,
		);
		expect(hub.stats().logins).toBe(2);
	});

	it('sessions that expire every few calls: one re-login per expiry, never one per page', async () => {
		await hub.close();
		hub = await startHub({ agents: AGENTS, takeCap: 250, sessionMaxCalls: 5 });
		store = new CredentialStore([hubCredential(hub.url)]);
		const run = await runWorkflow(returnAll({ pageSize: 250 }), { store });
		expect(run.status).toBe('success');
		expectEveryAgentOnce(
			run.json(NODE).map((a) => a.agentDeviceId),
			AGENTS,
		);
		const pages = Math.ceil(AGENTS / 250);
		// Each session serves 5 calls; a 401 costs one re-login and one resend.
		expect(hub.stats().logins).toBeLessThanOrEqual(Math.ceil(pages / 4) + 1);
		expect(hub.stats().logins).toBeGreaterThan(1);
	});

	it('a 429 storm with Retry-After mid-walk: waits, then completes with every agent once', async () => {
		const storm = hub.faults.add({
			route: '/agentsRanked',
			skip: 2,
			times: 3,
			status: 429,
			retryAfter: '1',
		});
		const run = await runWorkflow(returnAll({ maxAttempts: 5 }), { store });
		expect(run.status).toBe('success');
		expect(storm.hits).toBe(3);
		expectEveryAgentOnce(
			run.json(NODE).map((a) => a.agentDeviceId),
			AGENTS,
		);
	});

	it('a 429 storm longer than Max Attempts: a clear error, after exactly Max Attempts requests', async () => {
		hub.faults.add({ route: '/agentsRanked', status: 429, retryAfter: '0' });
		const run = await runWorkflow(returnAll({ maxAttempts: 2 }), { store });
		expect(run.error?.message).toBe('The Hub kept throttling requests to /agentsRanked (HTTP 429)');
		expect(run.error?.description).toMatch(/Tried 2 time\(s\)\. Lower the page concurrency/);
		expect(hub.requests('/agentsRanked')).toHaveLength(2);
	});

	it('a Retry-After longer than the node will wait: stops at once and says so', async () => {
		hub.faults.add({ route: '/agentsRanked', status: 503, retryAfter: '3600' });
		const run = await runWorkflow(returnAll(), { store });
		expect(run.error?.message).toBe('The Hub asked to wait 3600 s before retrying /agentsRanked');
		expect(hub.requests('/agentsRanked')).toHaveLength(1);
	});

	it('503 then recovery (with page concurrency 4): completes with every agent once', async () => {
		hub.faults.add({ route: '/agentsRanked', skip: 3, times: 2, status: 503 });
		const run = await runWorkflow(returnAll({ pageConcurrency: 4 }), { store });
		expect(run.status).toBe('success');
		expectEveryAgentOnce(
			run.json(NODE).map((a) => a.agentDeviceId),
			AGENTS,
		);
	});

	it('502 and 504 from a proxy are retried for reads', async () => {
		hub.faults.add({
			route: '/agentsRanked',
			skip: 1,
			times: 1,
			status: 502,
			contentType: 'text/html',
			body: '<html>Bad Gateway</html>',
		});
		hub.faults.add({ route: '/agentsRanked', skip: 3, times: 1, status: 504 });
		const run = await runWorkflow(returnAll(), { store });
		expect(run.status).toBe('success');
		expectEveryAgentOnce(
			run.json(NODE).map((a) => a.agentDeviceId),
			AGENTS,
		);
	});

	it('connection resets mid-walk are retried: every agent once', async () => {
		hub.faults.add({ route: '/agentsRanked', skip: 2, times: 2, reset: true });
		const run = await runWorkflow(returnAll(), { store });
		expect(run.status).toBe('success');
		expectEveryAgentOnce(
			run.json(NODE).map((a) => a.agentDeviceId),
			AGENTS,
		);
	});

	it('a Hub slower than the request timeout: a clear timeout error', async () => {
		hub.faults.add({ route: '/agentsRanked', latencyMs: 2500 });
		const run = await runWorkflow(returnAll({ timeout: 1000 }), { store });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(
			/^The Hub at http:\/\/127\.0\.0\.1:\d+ did not answer in time$/,
		);
		expect(run.error?.description).toMatch(/raise the Timeout option/);
	});

	it('a Hub that accepts the connection and never answers: the timeout ends the wait', async () => {
		hub.faults.add({ route: '/agentsRanked', hang: true });
		const run = await runWorkflow(returnAll({ timeout: 1000 }), { store });
		expect(run.error?.message).toMatch(/did not answer in time/);
	});

	it('malformed JSON: says the answer is not a Hub API answer', async () => {
		hub.faults.add({
			route: '/agentsRanked',
			status: 200,
			contentType: 'application/json',
			body: '{"Agents":[{"AgentDevice":',
		});
		const run = await runWorkflow(returnAll(), { store });
		expect(run.error?.message).toMatch(
			/is not JSON: this URL does not look like a Change Tracker Hub API/,
		);
	});

	it('an HTML error page (500 from a proxy): says the URL does not look like the Hub API', async () => {
		hub.faults.add({
			route: '/agentsRanked',
			status: 500,
			contentType: 'text/html',
			body: '<!DOCTYPE html><title>Error</title>',
		});
		const run = await runWorkflow(returnAll({ maxAttempts: 1 }), { store });
		expect(run.error?.message).toMatch(/does not look like a Change Tracker Hub API/);
	});

	it('a very large response (pages of 2,000 full Hub records, Simplify off): every agent once', async () => {
		await hub.close();
		hub = await startHub({ agents: 10_000, takeCap: 2000 });
		store = new CredentialStore([hubCredential(hub.url)]);
		const run = await runWorkflow(
			singleNodeWorkflow({
				resource: 'agent',
				operation: 'getAll',
				returnAll: true,
				simplify: false,
				filters: { includeDeleted: true },
				options: { pageSize: 2000, includeTemplates: true, includeCredentials: true },
			}),
			{ store },
		);
		expect(run.status).toBe('success');
		expectEveryAgentOnce(
			run.json(NODE).map((a) => a.AgentDeviceId),
			10_000,
		);
		expect(hub.requests('/agentsRanked')).toHaveLength(5);
	});

	it('TLS mismatch: an https URL to a plain-http Hub fails clearly', async () => {
		const mismatched = new CredentialStore([hubCredential(hub.url.replace('http://', 'https://'))]);
		const run = await runWorkflow(returnAll(), { store: mismatched });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(
			/^TLS connection to the Hub at https:\/\/127\.0\.0\.1:\d+ failed/,
		);
	});
});
