import type { IDataObject } from 'n8n-workflow';

import { startHub, type EventRecord, type HubEmulator } from '../hub';
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../harness';

/**
 * Reliability of the Event resource: Return All while sessions expire and the Hub throttles, and the batched writes
 * (Set Status, Add Comment) when the Hub fails, resets or answers 503 after applying. A status or comment is the same
 * whether it is written once or twice, so a re-run always finishes the job. docs/reliability.md tabulates these.
 */
const NODE = 'Change Tracker';
const EVENTS = 6000;
const ALL_HISTORY = { timeRange: 'since', start: '2000-01-01T00:00:00Z' };

describe('reliability: events', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 80, events: EVENTS, takeCap: 250 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url)]);
	});

	const getAll = (options: IDataObject = {}) =>
		singleNodeWorkflow({
			resource: 'event',
			operation: 'getAll',
			returnAll: true,
			...ALL_HISTORY,
			options,
		});
	const setStatus = (options: IDataObject = {}, continueOnFail = false) =>
		singleNodeWorkflow(
			{
				resource: 'event',
				operation: 'setStatus',
				eventIds: '={{ $json.id }}',
				status: 'Acknowledged',
				options,
			},
			{ continueOnFail },
		);
	const unplanned = (count: number) =>
		hub.store.events.events.filter((r) => r.Status === 'Unplanned').slice(0, count);
	const input = (records: EventRecord[]) => records.map((r) => ({ json: { id: r.Id } }));
	const expectEveryEventOnce = (ids: unknown[]) => {
		expect(ids).toHaveLength(EVENTS);
		expect(new Set(ids).size).toBe(EVENTS);
	};

	it('session expiry and a 429 storm in the middle of Return All (Page Concurrency 4): every event once', async () => {
		hub.faults.add({ route: '/events', skip: 3, times: 1, expireSession: true });
		hub.faults.add({ route: '/events', skip: 8, times: 2, status: 429, retryAfter: '0' });
		const run = await runWorkflow(getAll({ pageConcurrency: 4 }), { store });
		expect(run.status).toBe('success');
		expectEveryEventOnce(run.json(NODE).map((e) => e.id));
		expect(hub.stats().logins).toBe(2);
	});

	it('connection resets and 502s on reads are retried: every event once', async () => {
		hub.faults.add({ route: '/events', skip: 2, times: 1, reset: true });
		hub.faults.add({
			route: '/events',
			skip: 6,
			times: 1,
			status: 502,
			body: '<html>Bad gateway</html>',
			contentType: 'text/html',
		});
		const run = await runWorkflow(getAll(), { store });
		expect(run.status).toBe('success');
		expectEveryEventOnce(run.json(NODE).map((e) => e.id));
	});

	it('503 on Set Status, then recovery: retried (the Hub did not apply it); every event set', async () => {
		const records = unplanned(600);
		const outage = hub.faults.add({
			route: '/acknowledgeEvents',
			skip: 1,
			times: 2,
			status: 503,
			retryAfter: '0',
		});
		const run = await runWorkflow(setStatus({ batchSize: 200 }), { store, input: input(records) });
		expect(run.status).toBe('success');
		expect(outage.hits).toBe(2);
		expect(records.every((r) => hub.store.events.find(r.Id)!.Status === 'Acknowledged')).toBe(true);
		expect(hub.requests('/acknowledgeEvents').map((e) => e.status)).toEqual([
			204, 503, 503, 204, 204,
		]);
	});

	it('a connection reset on Set Status is not retried; the batch fails; a re-run sends only what is left', async () => {
		const records = unplanned(600);
		hub.faults.add({ route: '/acknowledgeEvents', skip: 1, times: 1, reset: true });
		const run = await runWorkflow(setStatus({ batchSize: 200 }, true), {
			store,
			input: input(records),
		});
		const items = run.json(NODE);
		expect(items.filter((item) => item.error)).toHaveLength(200);
		expect(items[200].error).toMatch(/closed unexpectedly|connection/i);
		expect(hub.requests('/acknowledgeEvents')).toHaveLength(3);

		hub.reset();
		const rerun = await runWorkflow(setStatus({ batchSize: 200 }), {
			store,
			input: input(records),
		});
		expect(rerun.status).toBe('success');
		const writes = hub.requests('/acknowledgeEvents').map((e) => e.body as IDataObject);
		expect(writes).toHaveLength(1);
		expect(writes[0].EventIds).toEqual(records.slice(200, 400).map((r) => r.Id));
		expect(records.every((r) => hub.store.events.find(r.Id)!.Status === 'Acknowledged')).toBe(true);
	});

	it('a 503 after the Hub applied a comment: retried, and the comment is there once', async () => {
		const records = unplanned(10);
		const lost = hub.faults.add({
			route: '/setCommentsForEvents',
			times: 1,
			transform: () => ({
				status: 503,
				body: { ResponseStatus: { Message: 'Service Unavailable' } },
			}),
		});
		const run = await runWorkflow(
			singleNodeWorkflow({
				resource: 'event',
				operation: 'addComment',
				eventIds: '={{ $json.id }}',
				comment: 'INC0099',
			}),
			{ store, input: input(records) },
		);
		expect(run.status).toBe('success');
		expect(lost.hits).toBe(1);
		expect(hub.requests('/setCommentsForEvents').map((e) => e.status)).toEqual([503, 204]);
		expect(records.every((r) => hub.store.events.find(r.Id)!.Comment === 'INC0099')).toBe(true);
	});

	it('a Hub that rejects unknown event IDs never sees one: the known events are set', async () => {
		const strict = await startHub({ agents: 40, unknownEventIds: 'reject' });
		try {
			const records = strict.store.events.events
				.filter((r) => r.Status === 'Unplanned')
				.slice(0, 3);
			const run = await runWorkflow(setStatus({}, true), {
				store: new CredentialStore([hubCredential(strict.url)]),
				input: [...input(records), { json: { id: 'abcdef000000000000000042' } }],
			});
			const items = run.json(NODE);
			expect(items.slice(0, 3).every((item) => item.changed === 1)).toBe(true);
			expect(items[3].error).toMatch(/^Event IDs: the Hub has no event with ID/);
			expect(strict.requests('/acknowledgeEvents').map((e) => e.status)).toEqual([204]);
		} finally {
			await strict.close();
		}
	});
});
