/**
 * Behaviour of the emulator's change events (docs/hub-api.md §10) over real sockets: the seeded data, every
 * GetEvents and EventFilter criterion, order, paging 50,000 events under the Take cap, CountOnly, path variants,
 * /acknowledgeEvents, /setCommentsForEvents, /event/history/{EventId}, /stats/events windows, late arrivals and
 * bursts (store.addEvents), and validation errors.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { BASE_DATE_MS } from './hub/catalog';
import { startHub, type HubEmulator, type HubOptions } from './hub';
import * as S from './hub/schemas';
import { HubTestClient, type HubResponse } from './hub/testClient';

interface WireEvent {
	Id: string;
	DateUtc: string;
	DateDevice: string;
	DateLocal: string;
	UtcOffsetHours: number;
	AgentDevice: { AgentId: string; DeviceId: string };
	AgentId: string;
	DeviceId: string;
	DeviceName: string;
	GroupNames: string[];
	Status: string;
	PlannedChangeStatus: string;
	PlannedChangeId?: string;
	PlannedChangeManual: boolean;
	TrackerTypeName: string;
	ItemTypeName: string;
	ItemName: string;
	ChangeType: 'New' | 'Changed' | 'Deleted';
	CurrentAttributes?: Record<string, string>;
	PreviousAttributes?: Record<string, string>;
	ChangedAttributes?: string[];
	Comment?: string;
	Description: string;
	ProcessingCompleteTimeUtc: string;
	TextDifferences?: unknown[];
}

const hubs: HubEmulator[] = [];

async function newHub(
	options: HubOptions = {},
): Promise<{ hub: HubEmulator; admin: HubTestClient }> {
	const hub = await startHub(options);
	hubs.push(hub);
	const admin = new HubTestClient(hub.apiUrl);
	await admin.login();
	return { hub, admin };
}

afterAll(() => Promise.all(hubs.map((hub) => hub.close())));

const events = (response: HubResponse): WireEvent[] => response.body.DeviceEvents;
const idsOf = (response: HubResponse): string[] => events(response).map((event) => event.Id);

function expectShape(
	schema: typeof S.GetEventsResponse | typeof S.GetEventCountsResponse,
	body: unknown,
): void {
	const result = schema.safeParse(body);
	if (!result.success) throw new Error(JSON.stringify(result.error.issues.slice(0, 5), null, 2));
}

/** Every event a query selects, walking the pages (whatever the Take cap). */
async function all(
	client: HubTestClient,
	body: Record<string, unknown> = {},
): Promise<WireEvent[]> {
	const out: WireEvent[] = [];
	for (;;) {
		const page = await client.post('/events', { ...body, Skip: out.length, Take: 500 });
		expect(page.status).toBe(200);
		out.push(...events(page));
		if (page.body.Returned === 0 || out.length >= page.body.Total) return out;
	}
}

describe('seeded events', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	let seeded: WireEvent[];
	beforeAll(async () => {
		({ hub, admin } = await newHub());
		seeded = await all(admin);
	});

	it('seeds 300 device events by default, newest first, within the 30 days before the base date', async () => {
		const response = await admin.post('/events', { Take: 5 });
		expectShape(S.GetEventsResponse, response.body);
		expect(response.body.Total).toBe(300);
		expect(response.body.Returned).toBe(5);
		expect(response.body.Events).toBeUndefined();
		expect(seeded).toHaveLength(300);
		const times = seeded.map((event) => Date.parse(event.DateUtc));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(Math.max(...times)).toBeLessThanOrEqual(BASE_DATE_MS);
		expect(Math.min(...times)).toBeGreaterThan(BASE_DATE_MS - 31 * 24 * 3600_000);
		expect(new Set(seeded.map((event) => event.Id)).size).toBe(300);
		for (const event of seeded) expect(event.Id).toMatch(/^[0-9a-f]{24}$/);
	});

	it('is deterministic for a seed and differs between seeds', async () => {
		const again = await newHub();
		const other = await newHub({ seed: 2 });
		expect((await all(again.admin)).map((event) => event.Id)).toEqual(
			seeded.map((event) => event.Id),
		);
		expect(JSON.stringify(await all(again.admin))).toBe(JSON.stringify(seeded));
		expect((await all(other.admin)).map((event) => event.ItemName)).not.toEqual(
			seeded.map((event) => event.ItemName),
		);
	});

	it('covers file, registry, service, user and package changes on the devices that track them', () => {
		const trackers = new Set(seeded.map((event) => event.TrackerTypeName));
		for (const tracker of [
			'filetracker',
			'registrytracker',
			'servicetracker',
			'usertracker',
			'packagetracker',
		])
			expect(trackers).toContain(tracker);
		expect(new Set(seeded.map((event) => event.ChangeType))).toEqual(
			new Set(['New', 'Changed', 'Deleted']),
		);
		for (const event of seeded) {
			const device = hub.store.findAgent(`${event.AgentId},${event.DeviceId}`);
			expect(device?.Registered).toBe(true);
			expect(event.DeviceName).toBe(device?.Name);
			expect(event.GroupNames).toEqual(device?.GroupNames);
			if (event.TrackerTypeName === 'registrytracker') expect(device?.HostType).toBe('Windows');
			if (event.ItemName.startsWith('/etc/')) expect(device?.HostType).toBe('Unix');
			expect(event.AgentDevice).toEqual({ AgentId: event.AgentId, DeviceId: event.DeviceId });
		}
		expect(
			seeded.some(
				(event) =>
					event.ItemName === 'C:\\Windows\\System32\\drivers\\etc\\hosts' ||
					event.ItemName.startsWith('HKLM\\'),
			),
		).toBe(true);
	});

	it('fills the attributes by change type, with who made the change', () => {
		for (const event of seeded) {
			if (event.ChangeType === 'New') {
				expect(event.PreviousAttributes).toBeUndefined();
				expect(event.ChangedAttributes).toBeUndefined();
				expect(event.CurrentAttributes).toBeDefined();
			} else if (event.ChangeType === 'Deleted') {
				expect(event.PreviousAttributes).toBeDefined();
				expect(
					Object.keys(event.CurrentAttributes ?? {}).filter((name) => name !== 'WhoMadeTheChange'),
				).toEqual([]);
			} else {
				expect(event.ChangedAttributes?.length).toBeGreaterThan(0);
				for (const name of event.ChangedAttributes ?? [])
					expect(event.CurrentAttributes?.[name]).not.toBe(event.PreviousAttributes?.[name]);
				expect(event.ChangedAttributes).not.toContain('WhoMadeTheChange');
			}
		}
		expect(
			seeded.filter((event) => event.CurrentAttributes?.WhoMadeTheChange).length,
		).toBeGreaterThan(100);
		expect(seeded.some((event) => event.CurrentAttributes?.WhoMadeTheChange === undefined)).toBe(
			true,
		);
		const changed = seeded.find((event) => event.ChangeType === 'Changed') as WireEvent;
		expect(changed.Description).toBe(
			`${changed.ItemTypeName} changed: ${changed.ItemName} (${changed.ChangedAttributes?.join(', ')})`,
		);
	});

	it('is mostly Unplanned; planned events carry their planned change, named in the lookup', async () => {
		const count = (status: string) => seeded.filter((event) => event.Status === status).length;
		expect(count('Unplanned')).toBeGreaterThan(150);
		for (const status of ['Planned', 'Acknowledged', 'UnderInvestigation', 'NotRelevant'])
			expect(count(status)).toBeGreaterThan(0);
		const planned = seeded.filter((event) => event.PlannedChangeStatus === 'Planned');
		expect(planned.length).toBeGreaterThan(10);
		for (const event of planned) {
			expect(event.PlannedChangeId).toBeDefined();
			const change = hub.store.events.findPlannedChange(event.PlannedChangeId as string);
			expect(Date.parse(event.DateUtc)).toBeGreaterThanOrEqual(
				Date.parse(change?.StartTimeUtc ?? ''),
			);
			expect(Date.parse(event.DateUtc)).toBeLessThanOrEqual(Date.parse(change?.EndTimeUtc ?? ''));
		}
		for (const event of seeded.filter((event) => event.PlannedChangeStatus === 'Unplanned'))
			expect(event.PlannedChangeId).toBeUndefined();
		const page = await admin.post('/events', {
			EventFilter: { PlannedChangeStatuses: ['Planned'] },
			Take: 500,
		});
		const names = page.body.PlannedChanges as Record<string, string>;
		expect(Object.keys(names).sort()).toEqual(
			[...new Set(planned.map((event) => event.PlannedChangeId))].sort(),
		);
		expect(Object.values(names).every((name) => name.startsWith('CHG'))).toBe(true);
	});

	it('gives device time with its offset, and local time in a requested zone', async () => {
		for (const event of seeded) {
			const offset = event.UtcOffsetHours;
			const local = new Date(Date.parse(event.DateUtc) + offset * 3600_000)
				.toISOString()
				.slice(0, 23);
			expect(event.DateDevice.slice(0, 23)).toBe(local);
			expect(Date.parse(event.DateDevice)).toBe(Date.parse(event.DateUtc));
			expect(event.DateLocal).toBe('0001-01-01T00:00:00.000Z');
		}
		for (const zone of ['Eastern Standard Time', 'America/New_York']) {
			const page = await admin.post('/events', { TimeZoneId: zone, Take: 3 });
			for (const event of events(page)) {
				expect(event.DateLocal).toMatch(/-05:00$/);
				expect(Date.parse(event.DateLocal)).toBe(Date.parse(event.DateUtc));
			}
		}
	});
});

describe('GetEvents criteria', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	let seeded: WireEvent[];
	beforeAll(async () => {
		({ hub, admin } = await newHub({ agents: 120, events: 1500 }));
		seeded = await all(admin);
	});
	const select = async (body: Record<string, unknown>) =>
		(await all(admin, body)).map((event) => event.Id);
	const expected = (keep: (event: WireEvent) => boolean) =>
		seeded.filter(keep).map((event) => event.Id);

	it('StartUtc and EndUtc select by DateUtc, both inclusive; a date without offset is UTC', async () => {
		const sorted = [...seeded].reverse();
		const from = sorted[100].DateUtc;
		const to = sorted[200].DateUtc;
		const within = expected((event) => event.DateUtc >= from && event.DateUtc <= to);
		expect(await select({ StartUtc: from, EndUtc: to })).toEqual(within);
		expect(within).toHaveLength(101);
		expect(await select({ StartUtc: from.replace('Z', ''), EndUtc: to.replace('Z', '') })).toEqual(
			within,
		);
		expect(await select({ StartUtc: from })).toEqual(expected((event) => event.DateUtc >= from));
		expect(await select({ EndUtc: to })).toEqual(expected((event) => event.DateUtc <= to));
		expect(await select({ StartUtc: to, EndUtc: from })).toEqual([]);
	});

	it('StartOffsetSeconds and EndOffsetSeconds make a rolling window back from now', async () => {
		const [recent] = hub.store.addEvents({ dateUtc: Date.now() - 30_000 });
		const [older] = hub.store.addEvents({ dateUtc: Date.now() - 600_000 });
		expect(await select({ StartOffsetSeconds: 60 })).toEqual([recent.Id]);
		expect(await select({ StartOffsetSeconds: 3600, EndOffsetSeconds: 120 })).toEqual([older.Id]);
		expect(await select({ StartUtc: '2000-01-01T00:00:00Z', StartOffsetSeconds: 60 })).toEqual([
			recent.Id,
		]);
		hub.reset({ reseed: true });
		await admin.login();
	});

	it('Status, EventId and TextSearch', async () => {
		expect(await select({ Status: 'acknowledged' })).toEqual(
			expected((event) => event.Status === 'Acknowledged'),
		);
		expect(await select({ EventId: seeded[7].Id })).toEqual([seeded[7].Id]);
		expect(await select({ EventId: seeded[7].Id.toUpperCase() })).toEqual([seeded[7].Id]);
		expect(await select({ EventId: 'ffffffffffffffffffffffff' })).toEqual([]);
		expect(await select({ Status: 'NoSuchStatus' })).toEqual([]);
		expect(await select({ TextSearch: 'SSHD_CONFIG' })).toEqual(
			expected((event) => event.ItemName.toLowerCase().includes('sshd_config')),
		);
		const device = seeded[3].DeviceName;
		expect(await select({ TextSearch: device })).toEqual(
			expected(
				(event) =>
					event.DeviceName === device ||
					event.ItemName.includes(device) ||
					(event.Comment ?? '').includes(device),
			),
		);
		const commented = seeded.find((event) => event.Comment) as WireEvent;
		expect(await select({ TextSearch: commented.Comment })).toContain(commented.Id);
		const who = seeded.find(
			(event) => event.CurrentAttributes?.WhoMadeTheChange === 'CORP\\contractor01',
		);
		if (who) expect(await select({ TextSearch: 'contractor01' })).toContain(who.Id);
	});

	it('DeviceFilter selects the events of the devices /agentsRanked would select', async () => {
		const device = seeded[0];
		const id = `${device.AgentId},${device.DeviceId}`;
		expect(await select({ DeviceFilter: { AgentDeviceIds: [id] } })).toEqual(
			expected((event) => `${event.AgentId},${event.DeviceId}` === id),
		);
		expect(
			await select({ DeviceFilter: { AgentDisplayNames: [device.DeviceName.toLowerCase()] } }),
		).toEqual(expected((event) => event.DeviceName === device.DeviceName));
		// A2 Servers includes its sub-groups A3 Windows Servers, A4 Linux Servers, A26 and A27.
		const servers = expected((event) =>
			event.GroupNames.some((name) => ['A2', 'A3', 'A4', 'A26', 'A27'].includes(name)),
		);
		expect(servers.length).toBeGreaterThan(0);
		expect(await select({ DeviceFilter: { GroupNames: ['A2'] } })).toEqual(servers);
		expect(await select({ DeviceFilter: {} })).toHaveLength(seeded.length);
		const json = await admin.get('/events', {
			DeviceFilter: JSON.stringify({ AgentDeviceIds: [id] }),
			Take: '500',
		});
		expect(idsOf(json)).toEqual(expected((event) => `${event.AgentId},${event.DeviceId}` === id));
	});

	it('EventFilter: ids, types, planned changes, trackers, item types, change type and item name', async () => {
		const some = seeded.slice(0, 5).map((event) => event.Id);
		expect(await select({ EventFilter: { EventIds: some } })).toEqual(some);
		expect(await select({ EventFilter: { EventIdsToExclude: some } })).toEqual(
			expected((event) => !some.includes(event.Id)),
		);
		expect(
			await select({ EventFilter: { EventTypes: ['DeviceEvent', 'AlertEvent'] } }),
		).toHaveLength(seeded.length);
		expect(await select({ EventFilter: { EventTypes: ['alertevent'] } })).toEqual([]);
		expect(await select({ EventFilter: { PlannedChangeStatuses: ['Unplanned'] } })).toEqual(
			expected((event) => event.PlannedChangeStatus === 'Unplanned'),
		);
		const plannedId = seeded.find((event) => event.PlannedChangeId)?.PlannedChangeId as string;
		expect(await select({ EventFilter: { PlannedChangeIds: [plannedId] } })).toEqual(
			expected((event) => event.PlannedChangeId === plannedId),
		);
		expect(await select({ EventFilter: { PlannedChangeManual: false } })).toEqual(
			expected((event) => event.PlannedChangeId !== undefined),
		);
		expect(await select({ EventFilter: { PlannedChangeManual: true } })).toEqual([]);
		expect(
			await select({ EventFilter: { TrackerTypeNames: ['FileTracker', 'registrytracker'] } }),
		).toEqual(
			expected((event) => ['filetracker', 'registrytracker'].includes(event.TrackerTypeName)),
		);
		expect(await select({ EventFilter: { ItemTypeNames: ['service', 'SystemdUnit'] } })).toEqual(
			expected((event) => ['Service', 'SystemdUnit'].includes(event.ItemTypeName)),
		);
		expect(await select({ EventFilter: { ChangeType: 'deleted' } })).toEqual(
			expected((event) => event.ChangeType === 'Deleted'),
		);
		expect(await select({ EventFilter: { ItemName: '\\system32\\' } })).toEqual(
			expected((event) => event.ItemName.toLowerCase().includes('\\system32\\')),
		);
		const combined = await select({
			EventFilter: { TrackerTypeNames: ['packagetracker'], ChangeType: 'Changed' },
			Status: 'Unplanned',
		});
		expect(combined).toEqual(
			expected(
				(event) =>
					event.TrackerTypeName === 'packagetracker' &&
					event.ChangeType === 'Changed' &&
					event.Status === 'Unplanned',
			),
		);
		expect(combined.length).toBeGreaterThan(0);
	});

	it('EventFilter: TextMatch on item names and attributes', async () => {
		expect(
			await select({ EventFilter: { ItemValues: [{ Text: '/etc/', Operator: 'StartsWith' }] } }),
		).toEqual(expected((event) => event.ItemName.startsWith('/etc/')));
		expect(await select({ EventFilter: { ItemValues: [{ Text: 'SPOOLER' }] } })).toEqual(
			expected((event) => event.ItemName === 'Spooler'),
		);
		expect(
			await select({
				EventFilter: { ItemValues: [{ Text: 'SPOOLER', CaseSensitive: true, Operator: 'Equals' }] },
			}),
		).toEqual([]);
		expect(
			await select({ EventFilter: { ItemValues: [{ Text: '^KB50', Operator: 'Regex' }] } }),
		).toEqual(expected((event) => /^KB50/.test(event.ItemName)));
		const attributes = (event: WireEvent) => ({
			...event.PreviousAttributes,
			...event.CurrentAttributes,
		});
		expect(await select({ EventFilter: { AttributeTypeNames: ['StartMode'] } })).toEqual(
			expected((event) => 'StartMode' in attributes(event)),
		);
		expect(
			await select({
				EventFilter: { AttributeNamesAndValues: { StartMode: { Text: 'Disabled' } } },
			}),
		).toEqual(
			expected((event) =>
				[event.CurrentAttributes?.StartMode, event.PreviousAttributes?.StartMode].includes(
					'Disabled',
				),
			),
		);
		expect(
			await select({
				EventFilter: { AttributeValues: [{ Text: 'contractor01', Operator: 'Contains' }] },
			}),
		).toEqual(
			expected((event) =>
				[
					...Object.values(event.CurrentAttributes ?? {}),
					...Object.values(event.PreviousAttributes ?? {}),
				].some((value) => value.includes('contractor01')),
			),
		);
	});

	it('criteria of other event types select nothing; ReturnedEventType picks the list', async () => {
		for (const filter of [
			{ AuditMessageTypes: ['Login'] },
			{ ReportInstanceIds: ['r1'] },
			{ TaskId: 3 },
			{ NotificationRefIds: ['n'] },
		])
			expect(await select({ EventFilter: filter })).toEqual([]);
		expect(await select({ EventFilter: { BaselineTypes: ['None'] } })).toHaveLength(seeded.length);
		const alerts = await admin.post('/events', { ReturnedEventType: 'AlertEvent' });
		expect(alerts.body).toMatchObject({ AlertEvents: [], Total: 0, Returned: 0 });
		expect(alerts.body.DeviceEvents).toBeUndefined();
		const errors = await admin.post('/events', { ReturnedEventType: 'ErrorEvent' });
		expect(errors.body).toMatchObject({ Events: [], Total: 0 });
		const device = await admin.post('/events', {
			ReturnedEventType: 'deviceevent',
			ReturnAllEvents: true,
			Take: 4,
		});
		expectShape(S.GetEventsResponse, device.body);
		expect(device.body.AllEvents).toEqual(device.body.DeviceEvents);
	});

	it('GenericFilters and Sort use DeviceEvent property names', async () => {
		expect(
			await select({
				GenericFilters: [
					{ Field: 'trackerTypeName', Operator: 'eq', Value: 'usertracker', IgnoreCase: true },
				],
			}),
		).toEqual(expected((event) => event.TrackerTypeName === 'usertracker'));
		expect(
			await select({
				GenericFilters: [
					{ Field: 'ChangeType', Operator: 'eq', Value: 'New' },
					{ Field: 'ItemName', Operator: 'startswith', Value: 'HKLM' },
				],
				GenericFilterLogic: 'or',
			}),
		).toEqual(expected((event) => event.ChangeType === 'New' || event.ItemName.startsWith('HKLM')));
		const byDevice = await all(admin, { Sort: { DeviceName: 'ASC' } });
		const names = byDevice.map((event) => event.DeviceName.toLowerCase());
		expect(names).toEqual([...names].sort());
		// Ties keep the default (newest first) order.
		const first = byDevice.filter((event) => event.DeviceName === byDevice[0].DeviceName);
		expect(first.map((event) => event.Id)).toEqual(
			expected((event) => event.DeviceName === byDevice[0].DeviceName),
		);
		const oldest = await all(admin, { Sort: { dateutc: 'asc' } });
		expect(oldest.map((event) => event.Id)).toEqual([...seeded].reverse().map((event) => event.Id));
		const bad = await admin.post('/events', { Sort: { Colour: 'ASC' } });
		expect(bad.status).toBe(400);
		expect(bad.body.ResponseStatus.ErrorCode).toBe('ValidationException');
	});
});

describe('paging, CountOnly and path variants', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeAll(async () => {
		({ hub, admin } = await newHub({ events: 50_000 }));
	});

	it('walks 50,000 events under the Take cap, each exactly once, oldest first and newest first', async () => {
		for (const sort of [{ DateUtc: 'ASC' }, undefined]) {
			const seen = new Set<string>();
			let received = 0;
			let ordered = true;
			let previous = sort ? '' : '9999';
			for (let skip = 0; ; skip += 500) {
				const page = await admin.post('/events', { Sort: sort, Skip: skip, Take: 1000 });
				expect(page.body.Total).toBe(50_000);
				if (page.body.Returned === 0) break;
				expect(page.body.Returned).toBe(500);
				for (const event of events(page)) {
					if (sort ? event.DateUtc < previous : event.DateUtc > previous) ordered = false;
					previous = event.DateUtc;
					seen.add(event.Id);
					received++;
				}
			}
			expect(ordered).toBe(true);
			expect(received).toBe(50_000);
			expect(seen.size).toBe(50_000);
		}
	});

	it('returns one capped page without Take, and counts with CountOnly', async () => {
		const page = await admin.post('/events', {
			EventFilter: { TrackerTypeNames: ['filetracker'] },
		});
		expect(page.body.Returned).toBe(500);
		const count = await admin.post('/events', {
			CountOnly: true,
			EventFilter: { TrackerTypeNames: ['filetracker'] },
		});
		expectShape(S.GetEventsResponse, count.body);
		expect(count.body).toMatchObject({ DeviceEvents: [], Returned: 0, Total: page.body.Total });
		expect(count.body.Total).toBeGreaterThan(5000);
		const excluded = await admin.post('/events', { ExcludeTotalCount: true, Take: 3 });
		expect(excluded.body).toMatchObject({ Total: 0, Returned: 3 });
	});

	it('serves the path variants: /events/{EventId}, skip/take, start and end', async () => {
		const newest = events(await admin.post('/events', { Take: 10 }));
		const one = await admin.get(`/events/${newest[4].Id}`);
		expect(idsOf(one)).toEqual([newest[4].Id]);
		expect((await admin.post(`/Events/${newest[4].Id}/`, { EventId: 'other' })).body.Total).toBe(1);
		expect(idsOf(await admin.get('/events/skip/2/take/3'))).toEqual(
			newest.slice(2, 5).map((event) => event.Id),
		);
		const start = await admin.get(`/events/start/${encodeURIComponent(newest[5].DateUtc)}`);
		expect(idsOf(start)).toEqual(newest.slice(0, 6).map((event) => event.Id));
		// {End} is no GetEvents property: it does not restrict.
		const ended = await admin.post('/events/end/2000-01-01T00:00:00Z', { CountOnly: true });
		expect(ended.body.Total).toBe(50_000);
		const both = await admin.post(`/events/start/${newest[3].DateUtc}/end/2000-01-01`, {
			Take: 10,
		});
		expect(idsOf(both)).toEqual(newest.slice(0, 4).map((event) => event.Id));
		expect((await admin.get('/events/a/b')).status).toBe(404);
	});

	it('logs and faults a path variant under its route name', async () => {
		hub.reset();
		await admin.login();
		hub.faults.add({ route: '/event/history/{EventId}', status: 503, retryAfter: '1', times: 1 });
		const id = idsOf(await admin.get('/events/skip/0/take/1'))[0];
		const failed = await admin.get(`/event/history/${id}`);
		expect(failed.status).toBe(503);
		expect(failed.headers['retry-after']).toBe('1');
		expect((await admin.get(`/event/history/${id}`)).status).toBe(200);
		expect(hub.requests('/events').map((entry) => entry.path)).toEqual([
			'/api/events/skip/0/take/1',
		]);
		expect(hub.stats().byRoute['/event/history/{EventId}']).toBe(2);
	});
});

describe('/acknowledgeEvents', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeEach(async () => {
		({ hub, admin } = await newHub());
	});
	const history = async (id: string) => (await admin.get(`/event/history/${id}`)).body;

	it('sets the status of the listed events, records it in their history, and answers 204', async () => {
		const targets = events(await admin.post('/events', { Status: 'Unplanned', Take: 3 }));
		const ids = targets.map((event) => event.Id);
		const response = await admin.post('/acknowledgeEvents', {
			EventIds: ids,
			NewStatus: 'acknowledged',
		});
		expect(response.status).toBe(204);
		expect(response.text).toBe('');
		const after = events(await admin.post('/events', { EventFilter: { EventIds: ids } }));
		expect(after.map((event) => event.Status)).toEqual([
			'Acknowledged',
			'Acknowledged',
			'Acknowledged',
		]);
		expect(after.every((event) => event.PlannedChangeStatus === 'Unplanned')).toBe(true);
		const trail = await history(ids[0]);
		expect(trail.Total).toBe(1);
		expect(trail.HistoryItems[0].Message).toBe(
			'Status changed from Unplanned to Acknowledged by admin',
		);
		expect(Date.now() - Date.parse(trail.HistoryItems[0].DateUtc)).toBeLessThan(60_000);
	});

	it('under a planned change the events become Planned, manually, and the lookup names it', async () => {
		const change = hub.store.events.plannedChanges[0];
		const [target] = events(await admin.post('/events', { Status: 'Unplanned', Take: 1 }));
		await admin.post('/acknowledgeEvents', {
			EventIds: [target.Id],
			NewStatus: 'Planned',
			PlannedChangeId: change.InstanceId,
		});
		const response = await admin.post('/events', { EventId: target.Id });
		expect(events(response)[0]).toMatchObject({
			Status: 'Planned',
			PlannedChangeStatus: 'Planned',
			PlannedChangeId: change.InstanceId,
			PlannedChangeManual: true,
		});
		expect(response.body.PlannedChanges).toEqual({ [change.InstanceId]: change.DisplayName });
		const manual = await admin.post('/events', { EventFilter: { PlannedChangeManual: true } });
		expect(idsOf(manual)).toEqual([target.Id]);
		expect((await history(target.Id)).HistoryItems[0].Message).toBe(
			`Status changed from Unplanned to Planned by admin under planned change '${change.DisplayName}'`,
		);
	});

	it('selects by filters when no ids are given (and every event when nothing is given)', async () => {
		const device = events(await admin.post('/events', { Take: 1 }))[0];
		const filter = { DeviceFilter: { AgentDeviceIds: [`${device.AgentId},${device.DeviceId}`] } };
		const before = await all(admin, filter);
		await admin.post('/acknowledgeEvents', {
			...filter,
			EventFilter: { ChangeType: 'Changed' },
			NewStatus: 'NotRelevant',
		});
		const after = await all(admin, filter);
		for (const [index, event] of after.entries())
			expect(event.Status).toBe(
				event.ChangeType === 'Changed' ? 'NotRelevant' : before[index].Status,
			);
		await admin.post('/acknowledgeEvents', { NewStatus: 'UnderInvestigation' });
		const statuses = new Set((await all(admin)).map((event) => event.Status));
		expect([...statuses]).toEqual(['UnderInvestigation']);
	});

	it('rejects a missing, unknown or Unknown NewStatus and an unknown planned change, changing nothing', async () => {
		const [target] = events(await admin.post('/events', { Take: 1 }));
		for (const [body, field, code] of [
			[{}, 'NewStatus', 'NotEmpty'],
			[{ NewStatus: 'Done' }, 'NewStatus', 'Invalid'],
			[{ NewStatus: 'Unknown' }, 'NewStatus', 'Invalid'],
			[{ NewStatus: 'Planned', PlannedChangeId: 'no-such-change' }, 'PlannedChangeId', 'NotFound'],
		] as const) {
			const response = await admin.post('/acknowledgeEvents', { EventIds: [target.Id], ...body });
			expect(response.status).toBe(400);
			expect(S.ErrorResponse.safeParse(response.body).success).toBe(true);
			expect(response.body.ResponseStatus.ErrorCode).toBe('ValidationException');
			expect(response.body.ResponseStatus.Errors[0]).toMatchObject({
				FieldName: field,
				ErrorCode: code,
			});
		}
		expect(events(await admin.post('/events', { EventId: target.Id }))[0].Status).toBe(
			target.Status,
		);
		const bad = await admin.post('/acknowledgeEvents', {
			EventIds: [target.Id],
			NewStatus: 'Planned',
			StartUtc: 'soon',
		});
		expect(bad.status).toBe(400);
		expect(bad.body.ResponseStatus).toMatchObject({ ErrorCode: 'RequestBindingException' });
	});

	it('ignores unknown ids by default; a Hub with unknownEventIds: "reject" answers 400 and changes nothing', async () => {
		const [target] = events(await admin.post('/events', { Status: 'Unplanned', Take: 1 }));
		const ignored = await admin.post('/acknowledgeEvents', {
			EventIds: [target.Id, 'ffffffffffffffffffffffff'],
			NewStatus: 'Acknowledged',
		});
		expect(ignored.status).toBe(204);
		expect(events(await admin.post('/events', { EventId: target.Id }))[0].Status).toBe(
			'Acknowledged',
		);

		const strict = await newHub({ unknownEventIds: 'reject' });
		const [other] = events(await strict.admin.post('/events', { Status: 'Unplanned', Take: 1 }));
		const rejected = await strict.admin.post('/acknowledgeEvents', {
			EventIds: [other.Id, 'ffffffffffffffffffffffff'],
			NewStatus: 'Acknowledged',
		});
		expect(rejected.status).toBe(400);
		expect(rejected.body.ResponseStatus.Errors[0]).toMatchObject({
			FieldName: 'EventIds',
			ErrorCode: 'NotFound',
		});
		expect(rejected.body.ResponseStatus.Errors[0].Message).toContain('ffffffffffffffffffffffff');
		expect(events(await strict.admin.post('/events', { EventId: other.Id }))[0].Status).toBe(
			'Unplanned',
		);
	});

	it('needs DeviceRegister (a viewer reads events but cannot change them)', async () => {
		const viewer = new HubTestClient(hub.apiUrl);
		await viewer.login('viewer');
		expect((await viewer.post('/events', { Take: 1 })).status).toBe(200);
		for (const path of ['/acknowledgeEvents', '/setCommentsForEvents']) {
			const response = await viewer.post(path, { NewStatus: 'Acknowledged' });
			expect(response.status).toBe(403);
			expect(response.body.ResponseStatus.Message).toBe(
				'Invalid Permission: DeviceRegister is required',
			);
		}
	});
});

describe('/setCommentsForEvents and /event/history/{EventId}', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeAll(async () => {
		({ hub, admin } = await newHub({ events: 800, takeCap: 100 }));
	});

	it('sets the comment on the events GetEvents selects, searchable, in their history', async () => {
		const targets = events(await admin.post('/events', { Take: 4 })).map((event) => event.Id);
		const response = await admin.post('/setCommentsForEvents', {
			GetEvents: { EventFilter: { EventIds: targets } },
			Comment: 'INC0099123',
		});
		expect(response.status).toBe(204);
		expect((await all(admin, { TextSearch: 'inc0099123' })).map((event) => event.Id)).toEqual(
			targets,
		);
		const trail = (await admin.get(`/event/history/${targets[0]}`)).body;
		expect(trail.HistoryItems.at(-1).Message).toBe("Comment set to 'INC0099123' by admin");
		await admin.post('/setCommentsForEvents', { GetEvents: { EventId: targets[0] }, Comment: '' });
		const cleared = events(await admin.post('/events', { EventId: targets[0] }))[0];
		expect(cleared.Comment).toBeUndefined();
		expect(
			(await admin.post(`/event/history/${targets[0]}`)).body.HistoryItems.at(-1).Message,
		).toBe('Comment cleared by admin');
	});

	it('comments only the page /events would answer: Skip, Take and the Take cap apply', async () => {
		await admin.post('/setCommentsForEvents', {
			GetEvents: { EventFilter: { TrackerTypeNames: ['filetracker'] }, Sort: { DateUtc: 'ASC' } },
			Comment: 'batch-1',
		});
		const files = await all(admin, {
			EventFilter: { TrackerTypeNames: ['filetracker'] },
			Sort: { DateUtc: 'ASC' },
		});
		expect(files.length).toBeGreaterThan(100);
		expect(files.map((event) => event.Comment === 'batch-1')).toEqual(
			files.map((_, index) => index < 100),
		);
		await admin.post('/setCommentsForEvents', {
			GetEvents: {
				EventFilter: { TrackerTypeNames: ['filetracker'] },
				Sort: { DateUtc: 'ASC' },
				Skip: 100,
				Take: 2,
			},
			Comment: 'batch-2',
		});
		const again = await all(admin, {
			EventFilter: { TrackerTypeNames: ['filetracker'] },
			Sort: { DateUtc: 'ASC' },
		});
		expect(again.slice(99, 103).map((event) => event.Comment)).toEqual([
			'batch-1',
			'batch-2',
			'batch-2',
			files[102].Comment,
		]);
	});

	it('rejects a missing GetEvents or Comment', async () => {
		const response = await admin.post('/setCommentsForEvents', {});
		expect(response.status).toBe(400);
		expect(
			response.body.ResponseStatus.Errors.map((error: { FieldName: string }) => error.FieldName),
		).toEqual(['GetEvents', 'Comment']);
		const badFilter = await admin.post('/setCommentsForEvents', {
			GetEvents: { EventFilter: { EventTypes: ['Nope'] } },
			Comment: 'x',
		});
		expect(badFilter.status).toBe(400);
	});

	it('answers the history of seeded events, GET and POST, and 404 for an unknown id', async () => {
		const planned = events(
			await admin.post('/events', { EventFilter: { PlannedChangeStatuses: ['Planned'] }, Take: 1 }),
		)[0];
		const change = hub.store.events.findPlannedChange(planned.PlannedChangeId as string);
		for (const method of ['get', 'post'] as const) {
			const response = await admin[method](`/event/history/${planned.Id}`);
			expect(response.status).toBe(200);
			expect(S.GetEventHistoryResponse.safeParse(response.body).success).toBe(true);
			expect(response.body.EventId).toBe(planned.Id);
			expect(response.body.HistoryItems[0].Message).toBe(
				`Matched planned change '${change?.DisplayName}'`,
			);
			expect(response.body.Total).toBe(response.body.HistoryItems.length);
		}
		const fresh = hub.store.addEvents()[0];
		expect((await admin.get(`/event/history/${fresh.Id}`)).body).toEqual({
			EventId: fresh.Id,
			HistoryItems: [],
			Total: 0,
			Version: 1,
		});
		const missing = await admin.get('/event/history/ffffffffffffffffffffffff');
		expect(missing.status).toBe(404);
		expect(missing.body.ResponseStatus.ErrorCode).toBe('NotFound');
		expect((await admin.get('/event/history')).status).toBe(404);
	});
});

describe('/stats/events', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	let seeded: WireEvent[];
	beforeAll(async () => {
		({ hub, admin } = await newHub({ events: 2000 }));
		seeded = await all(admin);
	});
	const DAY = 24 * 3600_000;
	const start = new Date(BASE_DATE_MS - 10 * DAY).toISOString();
	const end = new Date(BASE_DATE_MS).toISOString();

	it('counts planned and unplanned events per window, the totals matching /events', async () => {
		const response = await admin.post('/stats/events', {
			StartUtc: start,
			EndUtc: end,
			SummaryWindowSeconds: 86_400,
		});
		expect(response.status).toBe(200);
		expectShape(S.GetEventCountsResponse, response.body);
		const inRange = seeded.filter((event) => event.DateUtc >= start && event.DateUtc <= end);
		const planned = inRange.filter((event) => event.PlannedChangeStatus === 'Planned').length;
		expect(response.body).toMatchObject({
			DeviceOrGroupName: 'All Devices',
			DeviceOrGroupId: 'A1',
			StartUtc: start,
			EndUtc: end,
			TotalEvents: inRange.length,
			PlannedTotal: planned,
			UnplannedTotal: inRange.length - planned,
			AlertPlannedTotal: 0,
			AlertUnplannedTotal: 0,
			ErrorTotal: 0,
		});
		expect(planned).toBeGreaterThan(0);
		const windows = response.body.Events;
		expect(windows).toHaveLength(10);
		for (const [index, window] of windows.entries()) {
			const from = BASE_DATE_MS - (10 - index) * DAY;
			expect(window.PeriodStart).toBe(from);
			expect(window.PeriodEnd).toBe(from + DAY);
			expect(window.PeriodStartUtc).toBe(new Date(from).toISOString());
			expect(window.PeriodMidPointUtc).toBe(new Date(from + DAY / 2).toISOString());
			const inWindow = inRange.filter((event) => {
				const time = Date.parse(event.DateUtc);
				return time >= from && (time < from + DAY || (index === 9 && time === from + DAY));
			});
			expect(window.PlannedChanges + window.UnPlannedChanges).toBe(inWindow.length);
			expect(window.EventCounts).toEqual(inWindow.length ? { DeviceEvent: inWindow.length } : {});
		}
	});

	it('ReturnAsSingleResult gives one summary; default windows are an hour; filters narrow the counts', async () => {
		const single = await admin.post('/stats/events', {
			StartUtc: start,
			EndUtc: end,
			ReturnAsSingleResult: true,
		});
		expect(single.body.Events).toHaveLength(1);
		expect(single.body.Events[0].PlannedChanges + single.body.Events[0].UnPlannedChanges).toBe(
			single.body.TotalEvents,
		);
		const hourly = await admin.post('/stats/events', { StartUtc: start, EndUtc: end });
		expect(hourly.body.Events).toHaveLength(240);
		const device = seeded[0];
		const id = `${device.AgentId},${device.DeviceId}`;
		const one = await admin.post('/stats/events', {
			DeviceFilter: { AgentDeviceIds: [id] },
			StartUtc: '2024-01-01T00:00:00Z',
			EndUtc: end,
			ReturnAsSingleResult: true,
		});
		expect(one.body).toMatchObject({
			DeviceOrGroupName: device.DeviceName,
			DeviceOrGroupId: id,
			TotalEvents: seeded.filter((event) => `${event.AgentId},${event.DeviceId}` === id).length,
		});
		const group = await admin.post('/stats/events', {
			DeviceFilter: { GroupNames: ['A4'] },
			TrackerTypeNames: ['packagetracker'],
			PlannedChangeStatuses: ['Planned'],
			StartUtc: '2024-01-01T00:00:00Z',
			EndUtc: end,
			ReturnAsSingleResult: true,
		});
		expect(group.body).toMatchObject({
			DeviceOrGroupName: 'Linux Servers',
			DeviceOrGroupId: 'A4',
			UnplannedTotal: 0,
			TotalEvents: seeded.filter(
				(event) =>
					event.GroupNames.includes('A4') &&
					event.TrackerTypeName === 'packagetracker' &&
					event.PlannedChangeStatus === 'Planned',
			).length,
		});
	});

	it('defaults to the last 24 hours, counts events added now, and infers the range from the data', async () => {
		hub.store.addEvents({ count: 3 });
		const recent = await admin.post('/stats/events', {});
		expect(recent.body.TotalEvents).toBe(3);
		expect(recent.body.Events).toHaveLength(24);
		expect(Date.parse(recent.body.EndUtc) - Date.parse(recent.body.StartUtc)).toBe(DAY);
		const week = await admin.post('/stats/events', {
			DateRangeSeconds: 7 * 86_400,
			ReturnAsSingleResult: true,
		});
		expect(Date.parse(week.body.EndUtc) - Date.parse(week.body.StartUtc)).toBe(7 * DAY);
		const inferred = await admin.post('/stats/events', {
			InferDateRangeEndpoints: true,
			ReturnAsSingleResult: true,
			DeviceFilter: { AgentDeviceIds: [`${seeded[5].AgentId},${seeded[5].DeviceId}`] },
		});
		expect(inferred.body.StartUtc).toBe(
			seeded
				.filter(
					(event) => event.AgentId === seeded[5].AgentId && event.DeviceId === seeded[5].DeviceId,
				)
				.at(-1)?.DateUtc,
		);
	});

	it('gives the window dates in TimeZoneId, and rejects bad periods, windows, statuses and zones', async () => {
		const zoned = await admin.post('/stats/events', {
			StartUtc: start,
			EndUtc: end,
			TimeZoneId: 'W. Europe Standard Time',
			ReturnAsSingleResult: true,
		});
		expect(zoned.body.Events[0].PeriodStartTz).toMatch(/\+01:00$/);
		expect(Date.parse(zoned.body.Events[0].PeriodStartTz)).toBe(Date.parse(start));
		for (const body of [
			{ StartUtc: end, EndUtc: start },
			{ StartUtc: '2000-01-01T00:00:00Z', EndUtc: end, SummaryWindowSeconds: 60 },
			{ PlannedChangeStatuses: ['Maybe'] },
			{ EventTypes: ['DeviceEvent', 'Gossip'] },
			{ TimeZoneId: 'Mars/Olympus_Mons' },
		]) {
			const response = await admin.post('/stats/events', body);
			expect(response.status).toBe(400);
			expect(response.body.ResponseStatus.ErrorCode).toBe('ValidationException');
		}
	});
});

describe('late arrivals, queued events and bursts (store.addEvents)', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeEach(async () => {
		({ hub, admin } = await newHub());
	});

	it('a late event is dated in the past: a DateUtc watermark misses it, a look-back finds it', async () => {
		const [first] = hub.store.addEvents({ dateUtc: Date.now() - 1000 });
		// The client's poll: everything up to now; its watermark is the newest DateUtc it saw.
		const poll = await admin.post('/events', {
			StartUtc: new Date(Date.now() - 60_000).toISOString(),
		});
		expect(idsOf(poll)).toEqual([first.Id]);
		const watermark = events(poll)[0].DateUtc;
		// An agent that was offline sends a change it made ten minutes ago.
		const [late] = hub.store.addEvents({ dateUtc: Date.now() - 600_000 });
		expect(Date.parse(late.DateUtc)).toBeLessThan(Date.parse(watermark));
		const next = await admin.post('/events', { StartUtc: watermark });
		expect(idsOf(next)).toEqual([first.Id]);
		const lookBack = await admin.post('/events', {
			StartUtc: new Date(Date.parse(watermark) - 15 * 60_000).toISOString(),
		});
		expect(idsOf(lookBack)).toEqual([first.Id, late.Id]);
		const wire = events(lookBack)[1];
		expect(
			Date.parse(wire.ProcessingCompleteTimeUtc) - Date.parse(wire.DateUtc),
		).toBeGreaterThanOrEqual(600_000);
		// Ids follow arrival, not DateUtc.
		expect(late.Id > first.Id).toBe(true);
	});

	it('a queued event stays invisible until it arrives; a future-dated one until its time', async () => {
		const [queued] = hub.store.addEvents({ arriveInMs: 400 });
		const [future] = hub.store.addEvents({ dateUtc: Date.now() + 400 });
		const soon = { StartOffsetSeconds: 60 };
		expect(idsOf(await admin.post('/events', soon))).toEqual([]);
		expect((await admin.get(`/event/history/${queued.Id}`)).status).toBe(404);
		expect(
			idsOf(
				await admin.post('/events', {
					...soon,
					EndUtc: new Date(Date.now() + 60_000).toISOString(),
				}),
			),
		).toEqual([future.Id]);
		await delay(500);
		expect(idsOf(await admin.post('/events', soon)).sort()).toEqual([queued.Id, future.Id].sort());
	});

	it('a burst of events with one DateUtc pages exactly once, in arrival order', async () => {
		const at = Date.now() - 5000;
		const burst = hub.store.addEvents({
			count: 100,
			dateUtc: at,
			devices: ['1,1', '2,2'],
			TrackerTypeName: 'filetracker',
			ChangeType: 'Changed',
		});
		expect(new Set(burst.map((event) => event.DateUtc))).toEqual(
			new Set([new Date(at).toISOString()]),
		);
		const walked: string[] = [];
		for (let skip = 0; skip < 100; skip += 30) {
			const page = await admin.post('/events', {
				StartUtc: new Date(at).toISOString(),
				Sort: { DateUtc: 'ASC' },
				Skip: skip,
				Take: 30,
			});
			expect(page.body.Total).toBe(100);
			walked.push(...idsOf(page));
		}
		expect(walked).toEqual(burst.map((event) => event.Id));
		const newestFirst = await all(admin, { StartUtc: new Date(at).toISOString() });
		expect(newestFirst.map((event) => event.Id)).toEqual([...walked].reverse());
		for (const event of newestFirst) {
			expect(['1,1', '2,2']).toContain(`${event.AgentId},${event.DeviceId}`);
			expect(event.TrackerTypeName).toBe('filetracker');
			expect(event.ChangedAttributes?.length).toBeGreaterThan(0);
		}
	});

	it('spreads a burst, takes given fields and attributes, and plans events under a planned change', async () => {
		const spread = hub.store.addEvents({ count: 5, spreadMs: 4000, dateUtc: 1_800_000_000_000 });
		expect(spread.map((event) => event.dateMs)).toEqual(
			[0, 1000, 2000, 3000, 4000].map((ms) => 1_799_999_996_000 + ms),
		);
		const change = hub.store.events.addPlannedChange({ DisplayName: 'CHG0040001 - Emergency fix' });
		const [given] = hub.store.addEvents({
			devices: ['1,1'],
			ItemName: '/etc/motd',
			ItemTypeName: 'File',
			TrackerTypeName: 'filetracker',
			ChangeType: 'Changed',
			PlannedChangeId: change.InstanceId,
			Comment: 'CR-7',
			WhoMadeTheChange: 'CORP\\svc_sccm',
			PreviousAttributes: { Mode: '0644' },
			CurrentAttributes: { Mode: '0666' },
		});
		const response = await admin.post('/events', { EventId: given.Id });
		expectShape(S.GetEventsResponse, response.body);
		expect(events(response)[0]).toMatchObject({
			ItemName: '/etc/motd',
			Status: 'Planned',
			PlannedChangeStatus: 'Planned',
			PlannedChangeId: change.InstanceId,
			PlannedChangeManual: false,
			Comment: 'CR-7',
			PreviousAttributes: { Mode: '0644' },
			CurrentAttributes: { Mode: '0666', WhoMadeTheChange: 'CORP\\svc_sccm' },
			ChangedAttributes: ['Mode'],
		});
		expect(response.body.PlannedChanges).toEqual({
			[change.InstanceId]: 'CHG0040001 - Emergency fix',
		});
		const [anonymous] = hub.store.addEvents({ WhoMadeTheChange: null, ChangeType: 'New' });
		const wire = events(await admin.post('/events', { EventId: anonymous.Id }))[0];
		expect(wire.CurrentAttributes?.WhoMadeTheChange).toBeUndefined();
		expect(() => hub.store.addEvents({ devices: ['999,999'] })).toThrow('No device 999,999');
	});

	it('a reseed restores the seeded events; a plain reset keeps changes', async () => {
		const before = await all(admin);
		hub.store.addEvents({ count: 2 });
		await admin.post('/acknowledgeEvents', { EventIds: [before[0].Id], NewStatus: 'NotRelevant' });
		hub.reset();
		await admin.login();
		expect((await all(admin)).length).toBe(302);
		hub.reset({ reseed: true });
		await admin.login();
		expect(JSON.stringify(await all(admin))).toBe(JSON.stringify(before));
	});
});

describe('validation errors', () => {
	let admin: HubTestClient;
	beforeAll(async () => {
		({ admin } = await newHub());
	});

	it.each([
		[{ StartUtc: 'yesterday' }, 'RequestBindingException', 'StartUtc'],
		[{ EndUtc: 42 }, 'RequestBindingException', 'EndUtc'],
		[{ Take: 'many' }, 'RequestBindingException', 'Take'],
		[
			{ EventFilter: { EventIds: 'x', TaskId: 'first' } },
			'RequestBindingException',
			'EventFilter.TaskId',
		],
		[{ ReturnedEventType: 'Everything' }, 'ValidationException', 'ReturnedEventType'],
		[
			{ EventFilter: { EventTypes: ['DeviceEvent', 'Gossip'] } },
			'ValidationException',
			'EventFilter.EventTypes[1]',
		],
		[
			{ EventFilter: { PlannedChangeStatuses: ['Maybe'] } },
			'ValidationException',
			'EventFilter.PlannedChangeStatuses[0]',
		],
		[
			{ EventFilter: { ItemValues: [{ Text: 'x', Operator: 'Like' }] } },
			'ValidationException',
			'EventFilter.ItemValues[0].Operator',
		],
		[
			{ EventFilter: { ItemValues: [{ Text: '(', Operator: 'Regex' }] } },
			'ValidationException',
			'EventFilter.ItemValues[0].Text',
		],
		[
			{ GenericFilters: [{ Field: 'Colour', Operator: 'eq', Value: 'x' }] },
			'ValidationException',
			'GenericFilters[0].Field',
		],
		[{ TimeZoneId: 'Nowhere Standard Time' }, 'ValidationException', 'TimeZoneId'],
	])('%j is 400 %s on %s', async (body, code, field) => {
		const response = await admin.post('/events', body);
		expect(response.status).toBe(400);
		expect(response.body.ResponseStatus.ErrorCode).toBe(code);
		expect(
			response.body.ResponseStatus.Errors.map((error: { FieldName: string }) => error.FieldName),
		).toContain(field);
	});

	it('reads enum values in any case', async () => {
		const response = await admin.post('/events', {
			ReturnedEventType: 'DEVICEEVENT',
			EventFilter: { PlannedChangeStatuses: ['planned', 'UNPLANNED'], EventTypes: ['deviceEvent'] },
			CountOnly: true,
		});
		expect(response.status).toBe(200);
		expect(response.body.Total).toBe(300);
	});
});
