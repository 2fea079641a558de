import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import {
	CredentialStore,
	hubCredential,
	runPoll,
	StaticDataStore,
	TRIGGER_NODE_TYPE,
	type WorkflowJson,
} from '../harness';
import { startHub, type HubEmulator } from '../hub';
import type { EventRecord, NewEvents } from '../hub/events';
import { TRIGGER_SUBTITLE } from '../../nodes/NetwrixChangeTrackerTrigger/pollTrigger';

const NAME = 'Change Tracker Trigger';
const MINUTE = 60_000;
const STATE_KEY = 'changeTrackerEvents';

function triggerWorkflow(parameters: INodeParameters): WorkflowJson {
	const node: INode = {
		id: 'trigger-1',
		name: NAME,
		type: TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { netwrixChangeTrackerApi: { id: 'ct-cred-1', name: 'Change Tracker Hub' } },
	};
	return { nodes: [node], connections: {} };
}

interface StoredState {
	version: number;
	hub: string;
	since: string | null;
	watermark: string;
	from: string;
	seen: string;
}

interface EventsBody {
	StartUtc?: string;
	EndUtc?: string;
	Status?: string;
	Sort?: Record<string, string>;
	Skip?: number;
	Take?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('Netwrix Change Tracker Trigger › New Events', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	let staticData: StaticDataStore;

	beforeAll(async () => {
		hub = await startHub({ agents: 40 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url, { hubLabel: 'EMEA' })]);
		staticData = new StaticDataStore();
	});

	const poll = async (parameters: INodeParameters, mode?: 'manual' | 'trigger') =>
		await runPoll(triggerWorkflow({ triggerOn: 'newEvents', ...parameters }), NAME, {
			store,
			staticData,
			mode,
		});

	const state = () => staticData.data['node:' + NAME] as Record<string, StoredState | undefined>;
	const eventsRequests = (since: number) =>
		hub.log.slice(since).filter((entry) => entry.route === '/events');
	const add = (spec: NewEvents): EventRecord[] => hub.store.addEvents(spec);
	const ids = (records: EventRecord[]) => records.map((record) => record.Id);

	it('records a baseline on the first poll: nothing emitted, nothing dated before it ever is', async () => {
		const before = hub.log.length;
		const first = await poll({});
		expect(first.error).toBeUndefined();
		expect(first.data).toBeNull();
		expect(staticData.saves).toBe(1);
		const baseline = state()[STATE_KEY]!;
		expect(baseline).toEqual(expect.objectContaining({ version: 1, since: null, seen: '' }));
		expect(baseline.watermark).toBe(baseline.from);
		// One small read checks the Hub, the permission and the filters at activation.
		const [check] = eventsRequests(before);
		expect(eventsRequests(before)).toHaveLength(1);
		expect(check.body).toEqual(
			expect.objectContaining({ Status: 'Unplanned', Take: 1, Sort: { DateUtc: 'ASC' } }),
		);

		// Dated before the baseline (an agent's queue), received after it: not new since activation.
		add({ dateUtc: Date.parse(baseline.from) - 1000 });
		const fresh = add({ count: 2 });
		const second = await poll({});
		expect(second.json.map((item) => item.id)).toEqual(ids(fresh));
		expect(second.json[0]).toEqual(
			expect.objectContaining({
				hub: 'EMEA',
				id: fresh[0].Id,
				status: 'Unplanned',
				dateUtc: fresh[0].DateUtc,
				agentDeviceId: expect.any(String),
			}),
		);
		expect(second.json[0]).not.toHaveProperty('sample');
		expect(await poll({})).toEqual(expect.objectContaining({ data: null }));

		// Still in an agent's queue: emitted once it reaches the Hub, though dated before events already emitted.
		const [queued] = add({ arriveInMs: 400 });
		const [after] = add({ dateUtc: Date.now() + 5 });
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect((await poll({})).json.map((item) => item.id)).toEqual([after.Id]);
		await new Promise((resolve) => setTimeout(resolve, 450));
		expect((await poll({})).json.map((item) => item.id)).toEqual([queued.Id]);
		expect((await poll({})).data).toBeNull();
	});

	it('20 polls: in order, late inside and beyond the look-back, bursts above the cap, a failed poll: each event once', async () => {
		const now = Date.now();
		const since = now - 3 * 60 * MINUTE;
		const params = {
			eventFilters: { statuses: ['Unplanned'] },
			eventOptions: { emitEventsSince: iso(since), maxEventsPerPoll: 50, maxAttempts: 1 },
		};
		const expected: string[] = [];
		const missed: string[] = [];
		const neverMatching: string[] = [];
		const emitted: string[] = [];
		const polls: Array<{ poll: number; items: number; bytes: number }> = [];

		// Before the state starts: older than Emit Events Since, never emitted.
		neverMatching.push(...ids(add({ dateUtc: since - MINUTE })));

		for (let k = 1; k <= 20; k++) {
			// Simulated time: each poll is 6 minutes after the one before (all dates are in the real past).
			const simNow = since + k * 6 * MINUTE;
			expected.push(...ids(add({ count: 3, dateUtc: simNow, spreadMs: 5 * MINUTE })));
			if (k % 3 === 0) expected.push(...ids(add({ dateUtc: simNow - 10 * MINUTE }))); // late, inside
			if (k % 4 === 0 && k > 4) missed.push(...ids(add({ dateUtc: simNow - 40 * MINUTE }))); // beyond
			if (k === 7 || k === 15) expected.push(...ids(add({ count: 120, dateUtc: simNow - MINUTE })));
			if (k === 12) expected.push(...ids(add({ count: 60, dateUtc: simNow }))); // one DateUtc, above the cap
			if (k % 5 === 0) neverMatching.push(...ids(add({ Status: 'Acknowledged' })));

			if (k === 10) {
				const saved = structuredClone(staticData.data);
				const fault = hub.faults.add({ route: '/events', status: 500, times: 1 });
				const failed = await poll(params);
				expect(fault.hits).toBe(1);
				expect(failed.error?.message).toBeDefined();
				expect(failed.data).toBeNull();
				// The state is not touched by a failed poll: the next one reads the same window again.
				expect(staticData.data).toEqual(saved);
				continue;
			}
			const before = hub.log.length;
			const result = await poll(params);
			expect(result.error).toBeUndefined();
			expect(result.json.length).toBeLessThanOrEqual(50);
			emitted.push(...result.json.map((item) => item.id as string));
			polls.push({ poll: k, items: result.json.length, bytes: staticData.bytes() });

			// Oldest first, from the watermark minus the look-back (never before Emit Events Since).
			const dates = result.json.map((item) => Date.parse(item.dateUtc as string));
			expect(dates).toEqual([...dates].sort((a, b) => a - b));
			const body = eventsRequests(before)[0].body as EventsBody;
			expect(body.Sort).toEqual({ DateUtc: 'ASC' });
			expect(body.Status).toBe('Unplanned');
			expect(Date.parse(body.StartUtc!)).toBeGreaterThanOrEqual(since);
		}
		// The bursts left events for later polls: poll until nothing is left.
		for (let extra = 0; extra < 10; extra++) {
			const result = await poll(params);
			if (!result.data) break;
			emitted.push(...result.json.map((item) => item.id as string));
		}

		expect(new Set(emitted).size).toBe(emitted.length); // no duplicate
		expect([...emitted].sort()).toEqual([...expected].sort()); // no gap
		// Back-dated beyond the look-back (40 minutes before the newest event emitted, look-back 15): missed by design.
		expect(missed.length).toBe(4);
		for (const id of [...missed, ...neverMatching]) expect(emitted).not.toContain(id);
		// The capped polls emitted exactly the cap.
		expect(polls.filter((entry) => entry.items === 50).length).toBeGreaterThanOrEqual(4);

		// State bounded by the look-back window: only the IDs dated within 15 minutes of the watermark.
		const final = state()[STATE_KEY]!;
		const watermark = Date.parse(final.watermark);
		const from = Date.parse(final.from);
		expect(watermark - from).toBe(15 * MINUTE);
		const inWindow = emitted.filter((id) => {
			const record = hub.store.events.find(id)!;
			return record.dateMs >= from;
		});
		expect(final.seen.split(',').length - 1).toBe(inWindow.length);
		expect(staticData.bytes()).toBeLessThan(400 + 12 * inWindow.length);
		expect(Math.max(...polls.map((entry) => entry.bytes))).toBeLessThan(3000);
	});

	it('a burst at one DateUtc above the cap is emitted over several polls, the watermark held at that date', async () => {
		const now = Date.now();
		const params = {
			eventOptions: {
				emitEventsSince: iso(now - 30 * MINUTE),
				maxEventsPerPoll: 40,
				lookBackMinutes: 0,
			},
		};
		const at = now - 20 * MINUTE;
		const burst = ids(add({ count: 100, dateUtc: at }));
		const later = ids(add({ count: 5, dateUtc: at + MINUTE }));

		const first = await poll(params);
		expect(first.json.map((item) => item.id)).toEqual(burst.slice(0, 40));
		expect(state()[STATE_KEY]!.watermark).toBe(iso(at));
		const second = await poll(params);
		expect(second.json.map((item) => item.id)).toEqual(burst.slice(40, 80));
		const third = await poll(params);
		expect(third.json.map((item) => item.id)).toEqual([...burst.slice(80), ...later]);
		expect(state()[STATE_KEY]!.watermark).toBe(iso(at + MINUTE));
		// Look-back 0: only the IDs at the watermark's exact DateUtc are kept.
		expect(state()[STATE_KEY]!.seen.split(',').length - 1).toBe(5);
		expect((await poll(params)).data).toBeNull();
	});

	it('Emit Events Since: events from that date on, oldest first; another date starts over, clearing it does not', async () => {
		const now = Date.now();
		const old = ids(add({ count: 2, dateUtc: now - 3 * 60 * MINUTE }));
		const recent = ids(add({ count: 3, dateUtc: now - 30 * MINUTE, spreadMs: 10 * MINUTE }));
		const since = iso(now - 60 * MINUTE);

		const first = await poll({ eventOptions: { emitEventsSince: since } });
		expect(first.json.map((item) => item.id)).toEqual(recent);
		expect(state()[STATE_KEY]!.since).toBe(since);
		expect((await poll({ eventOptions: { emitEventsSince: since } })).data).toBeNull();

		// Clearing the option keeps the state: nothing again, nothing missed.
		const next = ids(add({}));
		expect((await poll({})).json.map((item) => item.id)).toEqual(next);

		// Another date starts over from it.
		const earlier = iso(now - 4 * 60 * MINUTE);
		const restarted = await poll({ eventOptions: { emitEventsSince: earlier } });
		expect(restarted.json.map((item) => item.id)).toEqual([...old, ...recent, ...next]);
	});

	it('reads the look-back window again, so a late event inside it is emitted; the request shows the window', async () => {
		const now = Date.now();
		const params = {
			eventOptions: { emitEventsSince: iso(now - 60 * MINUTE), lookBackMinutes: 5 },
		};
		const [newest] = add({ dateUtc: now - 10 * MINUTE });
		expect((await poll(params)).json.map((item) => item.id)).toEqual([newest.Id]);

		const inside = add({ dateUtc: now - 13 * MINUTE }); // 3 minutes before the watermark
		const outside = add({ dateUtc: now - 16 * MINUTE }); // 6 minutes before it
		const before = hub.log.length;
		const result = await poll(params);
		expect(result.json.map((item) => item.id)).toEqual(ids(inside));
		const body = eventsRequests(before)[0].body as EventsBody;
		expect(body.StartUtc).toBe(iso(now - 15 * MINUTE));
		expect(Date.parse(body.EndUtc!)).toBeGreaterThanOrEqual(now);
		expect(ids(outside)).toHaveLength(1);
	});

	it('filters like Event › Get Many: statuses, trackers, groups; Status Unplanned by default', async () => {
		const now = Date.now();
		const since = { emitEventsSince: iso(now - 10 * MINUTE) };
		const unplanned = ids(add({ dateUtc: now - MINUTE }));
		const acknowledged = ids(add({ dateUtc: now - MINUTE, Status: 'Acknowledged' }));

		// No Filters parameter at all: the default (Status = Unplanned).
		const byDefault = await runPoll(
			triggerWorkflow({ triggerOn: 'newEvents', eventOptions: since }),
			NAME,
			{ store, staticData },
		);
		expect(byDefault.json.map((item) => item.id)).toEqual(unplanned);

		staticData = new StaticDataStore();
		const both = await poll({
			eventFilters: { statuses: ['Unplanned', 'Acknowledged'] },
			eventOptions: since,
		});
		expect(both.json.map((item) => item.id).sort()).toEqual([...unplanned, ...acknowledged].sort());

		staticData = new StaticDataStore();
		const none = await poll({
			eventFilters: { statuses: ['Unplanned'], trackerTypes: 'no-such-tracker' },
			eventOptions: since,
		});
		expect(none.data).toBeNull();
		const body = hub.requests('/events').at(-1)!.body as Record<string, unknown>;
		expect(body.EventFilter).toEqual({ TrackerTypeNames: ['no-such-tracker'] });
	});

	it('Fetch Test Event returns recent matching events, marked sample, and leaves the state alone', async () => {
		await poll({});
		const saved = structuredClone(staticData.data);
		const manual = await poll({}, 'manual');
		expect(manual.error).toBeUndefined();
		expect(manual.json).toHaveLength(10);
		for (const item of manual.json) {
			expect(item).toEqual(
				expect.objectContaining({ sample: true, hub: 'EMEA', status: 'Unplanned' }),
			);
			expect(typeof item.id).toBe('string');
			expect(typeof item.itemName).toBe('string');
		}
		const dates = manual.json.map((item) => Date.parse(item.dateUtc as string));
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		expect(staticData.data).toEqual(saved);
		expect(staticData.saves).toBe(1);
	});

	it('switching Trigger On starts the other mode from a baseline and drops the old state', async () => {
		await runPoll(triggerWorkflow({ events: ['wentOffline'] }), NAME, { store, staticData });
		expect(state().changeTracker).toBeDefined();

		add({});
		// The agent mode's Filters (a separate parameter) do not carry over: Status Unplanned, nothing else.
		const before = hub.log.length;
		expect((await poll({ filters: { textSearch: 'FRA-' } })).data).toBeNull(); // baseline
		expect(eventsRequests(before)[0].body).toEqual(
			expect.not.objectContaining({ TextSearch: expect.anything() }),
		);
		expect(eventsRequests(before)[0].body).toEqual(
			expect.objectContaining({ Status: 'Unplanned' }),
		);
		expect(state().changeTracker).toBeUndefined();
		expect(state()[STATE_KEY]).toBeDefined();

		hub.store.setOnlineStatus('7,7', 'Offline');
		const back = await runPoll(triggerWorkflow({ events: ['wentOffline'] }), NAME, {
			store,
			staticData,
		});
		expect(back.data).toBeNull(); // a new agent baseline, not a diff against an old one
		expect(state()[STATE_KEY]).toBeUndefined();
	});

	it('takes a new baseline for another Hub, and when the stored state is unreadable', async () => {
		await poll({});
		const stored = state()[STATE_KEY]!;
		staticData.data['node:' + NAME] = { [STATE_KEY]: { ...stored, seen: '@zz,' } } as IDataObject;
		add({});
		expect((await poll({})).data).toBeNull();
		expect(state()[STATE_KEY]!.seen).toBe('');

		staticData.data['node:' + NAME] = { [STATE_KEY]: { ...stored, hub: 'another' } } as IDataObject;
		expect((await poll({})).data).toBeNull();
	});

	it('stops, recording nothing, when the Hub ignores the sort or the period', async () => {
		const now = Date.now();
		const params = {
			eventOptions: { emitEventsSince: iso(now - 60 * MINUTE), maxEventsPerPoll: 2 },
		};
		add({ count: 5, dateUtc: now - 30 * MINUTE, spreadMs: 10 * MINUTE });

		hub.faults.add({
			route: '/events',
			rewriteRequest: (dto) => ({ ...dto, Sort: { DateUtc: 'DESC' } }),
		});
		const unsorted = await poll(params);
		expect(unsorted.error?.message).toMatch(/^The Hub did not return events oldest first: /);
		expect(staticData.saves).toBe(0);
		hub.faults.clear();

		hub.faults.add({
			route: '/events',
			rewriteRequest: (dto) => ({ ...dto, StartUtc: undefined }),
		});
		const unbounded = await poll(params);
		expect(unbounded.error?.message).toMatch(
			/^The Hub returned event \w+ dated .+, before the StartUtc asked for/,
		);
		expect(staticData.saves).toBe(0);
		hub.faults.clear();

		expect((await poll(params)).json).toHaveLength(2);
	});

	it('keeps its state small: a few bytes per event ID in the look-back window', async () => {
		const now = Date.now();
		const count = 5000;
		add({ count, dateUtc: now - MINUTE, spreadMs: 10 * MINUTE });
		const result = await poll({
			eventOptions: { emitEventsSince: iso(now - 20 * MINUTE), maxEventsPerPoll: count },
		});
		expect(result.json).toHaveLength(count);
		const bytes = staticData.bytes();
		expect(bytes / count).toBeLessThan(10);
	});

	it.each([
		[
			'lookBackMinutes',
			-1,
			'Options › Look-Back (Minutes): -1 is out of range. Enter a whole number from 0 to 10080',
		],
		[
			'lookBackMinutes',
			'soon',
			'Options › Look-Back (Minutes): "soon" is not a whole number. Enter a whole number from 0 to 10080',
		],
		[
			'maxEventsPerPoll',
			0,
			'Options › Max Events per Poll: 0 is out of range. Enter a whole number from 1 to 100000',
		],
		['emitEventsSince', 'yesterday', /^Options › Emit Events Since: "yesterday" is not a date\. /],
		[
			'emitEventsSince',
			'2999-01-01T00:00:00Z',
			/^Options › Emit Events Since: 2999-01-01T00:00:00\.000Z is in the future\. /,
		],
	])(
		'rejects %s = %p with an error naming the option, in polls and in Fetch Test Event',
		async (name, value, message) => {
			for (const mode of ['trigger', 'manual'] as const) {
				const result = await poll({ eventOptions: { [name]: value } }, mode);
				if (typeof message === 'string') expect(result.error?.message).toBe(message);
				else expect(result.error?.message).toMatch(message);
			}
			expect(staticData.saves).toBe(0);
		},
	);

	it('shows the mode in the subtitle as the UI names it', () => {
		const body = TRIGGER_SUBTITLE.replace(/^=\{\{/, '').replace(/\}\}$/, '');
		const subtitle = (parameters: Record<string, unknown>) =>
			new Function('$parameter', `return ${body}`)(parameters) as string;
		expect(subtitle({ triggerOn: 'newEvents', events: ['wentOffline'] })).toBe('On New Events');
		expect(subtitle({ triggerOn: 'agentStatus', events: ['wentOffline', 'anyStatusChange'] })).toBe(
			'On Agent Went Offline, Any Status Change',
		);
	});
});
