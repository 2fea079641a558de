import type { IDataObject } from 'n8n-workflow';

import { startHub, type EventRecord, type HubEmulator } from '../hub';
import { BASE_DATE_MS } from '../hub/catalog';
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../harness';

const NODE = 'Change Tracker';
const DAY = 24 * 3600 * 1000;
/** The seeded events lie in the 30 days before the base date (test/hub/README.md). */
const SEEDED = {
	timeRange: 'between',
	start: new Date(BASE_DATE_MS - 31 * DAY).toISOString(),
	end: new Date(BASE_DATE_MS).toISOString(),
};
const ALL_HISTORY = { timeRange: 'since', start: '2000-01-01T00:00:00Z' };

const event = (
	operation: string,
	parameters: IDataObject,
	options?: { continueOnFail?: boolean },
) => singleNodeWorkflow({ resource: 'event', operation, ...parameters }, options);
const getMany = (parameters: IDataObject, options?: { continueOnFail?: boolean }) =>
	event('getAll', parameters, options);
const bodies = (hub: HubEmulator, route: string) =>
	hub.requests(route).map((entry) => entry.body as IDataObject);
const inRange = (record: EventRecord, start: string, end: string) =>
	record.dateMs >= Date.parse(start) && record.dateMs <= Date.parse(end);
const ids = (records: EventRecord[]) => records.map((record) => record.Id);

describe('Event › Get Many, Get, Get Statistics', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 60, events: 600 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url, { hubLabel: 'EMEA' })]);
	});

	it('sends each filter in its own request field, and only the filters that are set', async () => {
		const group = hub.store.groups.find((g) => !g.IsSystem && g.Name !== 'A1')!;
		const run = await runWorkflow(
			getMany({
				returnAll: false,
				limit: 10,
				...SEEDED,
				filters: {
					statuses: ['UnderInvestigation'],
					plannedChangeStatuses: ['Unplanned'],
					eventTypes: ['DeviceEvent'],
					groupNames: [group.DisplayName],
					agentDeviceIds: '1,1; 2,2',
					agentDisplayNames: 'LON-WEB-0001\nLON-SQL-0002',
					textSearch: 'sshd',
					trackerTypes: 'filetracker, registrytracker',
					itemTypes: 'File',
					changeType: 'changed',
					itemName: '/etc/',
				},
				options: { sortOrder: 'oldestFirst' },
			}),
			{ store },
		);
		expect(run.status).toBe('success');
		expect(bodies(hub, '/events')).toEqual([
			{
				StartUtc: SEEDED.start,
				EndUtc: SEEDED.end,
				Status: 'UnderInvestigation',
				TextSearch: 'sshd',
				DeviceFilter: {
					GroupNames: [group.Name],
					AgentDeviceIds: ['1,1', '2,2'],
					AgentDisplayNames: ['LON-WEB-0001', 'LON-SQL-0002'],
				},
				EventFilter: {
					PlannedChangeStatuses: ['Unplanned'],
					EventTypes: ['DeviceEvent'],
					TrackerTypeNames: ['filetracker', 'registrytracker'],
					ItemTypeNames: ['File'],
					ChangeType: 'Changed',
					ItemName: '/etc/',
				},
				Sort: { DateUtc: 'ASC' },
				Skip: 0,
				Take: 10,
			},
		]);
	});

	it('sends only the period, the order and the page when no filter is set; rolling ranges end now', async () => {
		const before = Date.now();
		const run = await runWorkflow(getMany({ returnAll: false, limit: 5, timeRange: 'lastHour' }), {
			store,
		});
		expect(run.status).toBe('success');
		const [body] = bodies(hub, '/events');
		expect(Object.keys(body).sort()).toEqual(['EndUtc', 'Skip', 'Sort', 'StartUtc', 'Take']);
		expect(body.Sort).toEqual({ DateUtc: 'DESC' });
		const end = Date.parse(body.EndUtc as string);
		expect(end).toBeGreaterThanOrEqual(before - 1000);
		expect(end - Date.parse(body.StartUtc as string)).toBe(3600_000);
		for (const [range, hours] of [
			['last24Hours', 24],
			['last7Days', 168],
		] as const) {
			hub.reset();
			await runWorkflow(getMany({ returnAll: false, limit: 5, timeRange: range }), { store });
			const [rolling] = bodies(hub, '/events');
			expect(Date.parse(rolling.EndUtc as string) - Date.parse(rolling.StartUtc as string)).toBe(
				hours * 3600_000,
			);
		}
	});

	it('reads dates without an offset in the workflow time zone', async () => {
		const workflow = {
			...getMany({
				returnAll: false,
				limit: 1,
				timeRange: 'between',
				start: '2025-01-10T00:00:00',
				end: '2025-07-10T00:00:00',
			}),
			settings: { timezone: 'Europe/Berlin' },
		};
		const run = await runWorkflow(workflow, { store });
		expect(run.status).toBe('success');
		expect(bodies(hub, '/events')[0]).toMatchObject({
			StartUtc: '2025-01-09T23:00:00.000Z',
			EndUtc: '2025-07-09T22:00:00.000Z',
		});
	});

	it('returns events of the period newest first, simplified, with names for groups and planned changes', async () => {
		const run = await runWorkflow(getMany({ returnAll: true, ...SEEDED }), { store });
		expect(run.status).toBe('success');
		const items = run.json(NODE);
		const expected = hub.store.events.events.filter((record) =>
			inRange(record, SEEDED.start, SEEDED.end),
		);
		expect(items.map((item) => item.id)).toEqual(ids(expected).reverse());
		const planned = items.find((item) => item.plannedChangeId)!;
		const change = hub.store.events.findPlannedChange(planned.plannedChangeId as string)!;
		expect(planned).toMatchObject({
			hub: 'EMEA',
			status: expect.any(String),
			plannedChangeStatus: 'Planned',
			plannedChangeName: change.DisplayName,
			eventType: 'DeviceEvent',
		});
		const record = hub.store.events.find(planned.id as string)!;
		expect(planned.groupIds).toEqual([...record.GroupNames]);
		expect(planned.groups).toEqual(
			record.GroupNames.map((name) => hub.store.findGroup(name)!.DisplayName),
		);
		expect(planned.agentDeviceId).toBe(record.agentDeviceId);
		expect(planned.dateUtc).toBe(record.DateUtc);
		const unplanned = items.find((item) => !item.plannedChangeId)!;
		expect(unplanned.plannedChangeName).toBeNull();
		expect(hub.requests('/groups')).toHaveLength(1);
	});

	it('flattens one event: who made the change, changed attributes with previous and current values', async () => {
		const device = hub.store.agents.find((a) => a.Registered && a.HostType === 'Windows')!;
		const id = `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
		const change = hub.store.events.addPlannedChange({ DisplayName: 'CHG0040001 - Patch' });
		const [added] = hub.store.addEvents({
			devices: [id],
			ItemTypeName: 'InstalledSoftware',
			ItemName: 'Google Chrome',
			ChangeType: 'Changed',
			PreviousAttributes: { Version: '131.0', Publisher: 'Google LLC' },
			CurrentAttributes: { Version: '132.0', Publisher: 'Google LLC' },
			WhoMadeTheChange: 'CORP\\svc_sccm',
			PlannedChangeId: change.InstanceId,
			Comment: 'CHG0040001',
		});
		const [deleted] = hub.store.addEvents({
			devices: [id],
			ChangeType: 'Deleted',
			PreviousAttributes: { Size: '10' },
			WhoMadeTheChange: null,
		});
		const run = await runWorkflow(getMany({ returnAll: true, timeRange: 'lastHour' }), { store });
		const items = run.json(NODE);
		expect(items).toHaveLength(2);
		const simplified = items.find((item) => item.id === added.Id)!;
		expect(simplified).toEqual({
			hub: 'EMEA',
			id: added.Id,
			eventType: 'DeviceEvent',
			status: 'Planned',
			plannedChangeStatus: 'Planned',
			plannedChangeId: change.InstanceId,
			plannedChangeName: 'CHG0040001 - Patch',
			dateUtc: added.DateUtc,
			agentDeviceId: id,
			deviceName: device.Name,
			groups: device.GroupNames.map((name) => hub.store.findGroup(name)!.DisplayName),
			groupIds: device.GroupNames,
			changeType: 'Changed',
			itemName: 'Google Chrome',
			itemType: 'InstalledSoftware',
			tracker: added.TrackerTypeName,
			whoMadeTheChange: 'CORP\\svc_sccm',
			changedAttributes: [{ name: 'Version', previous: '131.0', current: '132.0' }],
			description: 'InstalledSoftware changed: Google Chrome (Version)',
			url: expect.stringMatching(new RegExp(`/events/${added.Id}$`)),
			comment: 'CHG0040001',
		});
		expect(items.find((item) => item.id === deleted.Id)).toMatchObject({
			changeType: 'Deleted',
			whoMadeTheChange: null,
			changedAttributes: [{ name: 'Size', previous: '10', current: null }],
			comment: null,
		});
	});

	it('returns the Hub record with the hub label when Simplify is off', async () => {
		const run = await runWorkflow(
			getMany({ returnAll: false, limit: 2, simplify: false, ...SEEDED }),
			{ store },
		);
		const [raw] = run.json(NODE);
		expect(raw).toMatchObject({ Hub: 'EMEA', EventType: 'DeviceEvent' });
		expect(raw).toHaveProperty('AgentDevice');
		expect(raw).toHaveProperty('DateDevice');
		expect(hub.requests('/groups')).toHaveLength(0);
	});

	it('reads several statuses one after another and merges them by date, each event once', async () => {
		const run = await runWorkflow(
			getMany({
				returnAll: true,
				...SEEDED,
				filters: { statuses: ['Acknowledged', 'NotRelevant'] },
			}),
			{ store },
		);
		const expected = hub.store.events.events
			.filter((r) => inRange(r, SEEDED.start, SEEDED.end))
			.filter((r) => r.Status === 'Acknowledged' || r.Status === 'NotRelevant');
		expect(run.json(NODE).map((item) => item.id)).toEqual(ids(expected).reverse());
		expect(bodies(hub, '/events').map((body) => body.Status)).toEqual([
			'Acknowledged',
			'NotRelevant',
		]);

		hub.reset();
		const limited = await runWorkflow(
			getMany({
				returnAll: false,
				limit: 7,
				...SEEDED,
				filters: { statuses: 'Acknowledged; under investigation' },
				options: { sortOrder: 'oldestFirst' },
			}),
			{ store },
		);
		const oldest = hub.store.events.events
			.filter((r) => inRange(r, SEEDED.start, SEEDED.end))
			.filter((r) => r.Status === 'Acknowledged' || r.Status === 'UnderInvestigation')
			.slice(0, 7);
		expect(limited.json(NODE).map((item) => item.id)).toEqual(ids(oldest));
	});

	it('filters by device: only events of the devices the agent filters select', async () => {
		const device = hub.store.agents.find((a) =>
			hub.store.events.events.some(
				(r) => r.agentDeviceId === `${a.AgentDevice.AgentId},${a.AgentDevice.DeviceId}`,
			),
		)!;
		const id = `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
		const run = await runWorkflow(
			getMany({ returnAll: true, ...SEEDED, filters: { agentDeviceIds: id } }),
			{ store },
		);
		const expected = hub.store.events.events.filter(
			(r) => r.agentDeviceId === id && inRange(r, SEEDED.start, SEEDED.end),
		);
		expect(run.json(NODE).map((item) => item.id)).toEqual(ids(expected).reverse());
		expect(run.json(NODE).every((item) => item.agentDeviceId === id)).toBe(true);
	});

	it('gets one event by ID, with its history, and checks the Hub answered with that event', async () => {
		const record = hub.store.events.events.find((r) => r.history && r.history.length >= 2)!;
		const run = await runWorkflow(
			event('get', { eventId: record.Id.toUpperCase(), options: { includeHistory: true } }),
			{ store },
		);
		expect(run.status).toBe('success');
		const [item] = run.json(NODE);
		expect(item).toMatchObject({ hub: 'EMEA', id: record.Id, status: record.Status });
		expect(item.history).toEqual(
			record.history!.map((entry) => ({ dateUtc: entry.DateUtc, message: entry.Message })),
		);
		expect(bodies(hub, '/events')).toEqual([
			{ EventId: record.Id.toUpperCase(), Skip: 0, Take: 20 },
		]);
		expect(hub.requests('/event/history/{EventId}').map((entry) => entry.path)).toEqual([
			`/api/event/history/${record.Id}`,
		]);

		hub.reset();
		const raw = await runWorkflow(
			event('get', { eventId: record.Id, simplify: false, options: { includeHistory: true } }),
			{ store },
		);
		expect(raw.json(NODE)[0]).toMatchObject({
			Id: record.Id,
			Hub: 'EMEA',
			History: record.history,
		});
		expect(hub.requests('/groups')).toHaveLength(0);
	});

	it('reports an unknown event as not found, and a .NET empty date as null', async () => {
		const missing = await runWorkflow(event('get', { eventId: 'ffffffff0000000000000000' }), {
			store,
		});
		expect(missing.error?.message).toBe(
			'Event ID: the Hub has no event with ID "ffffffff0000000000000000". Use the id of an event as Event › Get Many returns it (24 hexadecimal digits, for example "6787790e000000000001866e")',
		);
		const [never] = hub.store.addEvents({ dateUtc: '0001-01-01T00:00:00Z' });
		const run = await runWorkflow(event('get', { eventId: never.Id }), { store });
		expect(run.json(NODE)[0]).toMatchObject({ id: never.Id, dateUtc: null });
	});

	it('does not take another event for the one asked for (a Hub that ignores EventId)', async () => {
		const ignored = hub.faults.add({
			route: '/events',
			rewriteRequest: ({ EventId: _ignored, ...rest }) => rest,
		});
		const run = await runWorkflow(event('get', { eventId: 'abcdef000000000000000001' }), { store });
		expect(ignored.hits).toBe(1);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Event ID: the Hub has no event with ID "abcdef/);
	});

	it('counts events per group and per device, and for all devices without filters', async () => {
		const counted = (records: EventRecord[]) => ({
			planned: records.filter((r) => r.PlannedChangeStatus === 'Planned').length,
			unplanned: records.filter((r) => r.PlannedChangeStatus !== 'Planned').length,
			total: records.length,
		});
		const inPeriod = hub.store.events.events.filter((r) => inRange(r, SEEDED.start, SEEDED.end));
		const busiest = [...new Set(inPeriod.map((r) => r.agentDeviceId))][0];
		const group = hub.store.groups.find((g) => !g.IsSystem && g.Name !== 'A1')!;
		const run = await runWorkflow(
			event('getStatistics', {
				...SEEDED,
				filters: { groupNames: [group.Name], agentDeviceIds: busiest },
			}),
			{ store },
		);
		expect(run.status).toBe('success');
		const [byGroup, byDevice] = run.json(NODE);
		expect(byDevice).toEqual({
			hub: 'EMEA',
			scope: 'device',
			deviceOrGroupName: hub.store.findAgent(busiest)!.Name,
			deviceOrGroupId: busiest,
			startUtc: SEEDED.start,
			endUtc: SEEDED.end,
			...counted(inPeriod.filter((r) => r.agentDeviceId === busiest)),
			alertPlanned: 0,
			alertUnplanned: 0,
			errors: 0,
		});
		expect(byGroup).toMatchObject({
			scope: 'group',
			deviceOrGroupName: group.DisplayName,
			deviceOrGroupId: group.Name,
		});
		expect(bodies(hub, '/stats/events')).toEqual([
			{
				StartUtc: SEEDED.start,
				EndUtc: SEEDED.end,
				ReturnAsSingleResult: true,
				DeviceFilter: { GroupNames: [group.Name] },
			},
			{
				StartUtc: SEEDED.start,
				EndUtc: SEEDED.end,
				ReturnAsSingleResult: true,
				DeviceFilter: { AgentDeviceIds: [busiest] },
			},
		]);

		hub.reset();
		const all = await runWorkflow(
			event('getStatistics', { ...SEEDED, options: { window: 'day' } }),
			{ store },
		);
		const [total] = all.json(NODE);
		expect(total).toMatchObject({
			scope: 'all',
			deviceOrGroupName: 'All Devices',
			...counted(inPeriod),
		});
		expect(total.windows).toHaveLength(31);
		expect(
			(total.windows as IDataObject[]).reduce(
				(sum, window) => sum + (window.planned as number) + (window.unplanned as number),
				0,
			),
		).toBe(inPeriod.length);
		expect(bodies(hub, '/stats/events')[0]).toEqual({
			StartUtc: SEEDED.start,
			EndUtc: SEEDED.end,
			SummaryWindowSeconds: 86_400,
		});
	});

	it.each([
		[
			{ returnAll: false, limit: 0, timeRange: 'lastHour' },
			'Limit: 0 is out of range. Enter a whole number from 1 to 1000000',
		],
		[
			{
				returnAll: true,
				timeRange: 'between',
				start: '2025-01-10T00:00:00Z',
				end: '2025-01-09T00:00:00Z',
			},
			'End: 2025-01-09T00:00:00.000Z is before Start (2025-01-10T00:00:00.000Z). Enter an End after the Start',
		],
		[
			{ returnAll: true, timeRange: 'since', start: 'yesterday' },
			'Start: "yesterday" is not a date.',
		],
		[
			{ returnAll: true, timeRange: 'between', start: '2025-01-10T00:00:00Z', end: '={{ "" }}' },
			'End: is empty.',
		],
		[
			{ returnAll: true, timeRange: 'lastHour', filters: { statuses: ['Closed'] } },
			'Filters › Status: "Closed" is not a valid value. Use one of: Unplanned, Planned, Acknowledged, UnderInvestigation, NotRelevant',
		],
		[
			{ returnAll: true, timeRange: 'lastHour', filters: { eventTypes: ['Change'] } },
			'Filters › Event Types: "Change" is not a valid value.',
		],
		[
			{ returnAll: true, timeRange: 'lastHour', filters: { agentDeviceIds: 'web01' } },
			'Filters › Agent Device IDs: "web01" is not an Agent Device ID.',
		],
		[
			{ returnAll: true, timeRange: 'lastHour', options: { sortOrder: 'random' } },
			'Options › Sort: "random" is not a valid value. Use one of: newestFirst, oldestFirst',
		],
	])(
		'rejects bad input %j with an error naming the field, before any request',
		async (parameters, message) => {
			const run = await runWorkflow(getMany(parameters), { store });
			expect(run.status).toBe('error');
			expect(run.error?.message.startsWith(message)).toBe(true);
			expect(hub.requests('/events')).toHaveLength(0);
		},
	);

	it.each([
		['not an id!', 'Event ID: "not an id!" is not an event ID. Use the id of an event'],
		['../../etc/passwd', 'Event ID: "../../etc/passwd" is not an event ID.'],
		['={{ "  " }}', 'Event ID: is empty. Enter a value'],
	])('Get rejects the malformed ID %j', async (eventId, message) => {
		const run = await runWorkflow(event('get', { eventId }), { store });
		expect(run.error?.message.startsWith(message)).toBe(true);
		expect(hub.requests('/events')).toHaveLength(0);
	});
});

describe('Event › Get Many paging at scale', () => {
	let hub: HubEmulator;
	beforeAll(async () => {
		hub = await startHub({ agents: 200, events: 50_000, takeCap: 400 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => hub.reset());

	it.each([1, 4])(
		'Return All reads 50,000 events under a Take cap below the page size, each once (concurrency %i)',
		async (pageConcurrency) => {
			const store = new CredentialStore([hubCredential(hub.url)]);
			const run = await runWorkflow(
				getMany({ returnAll: true, ...ALL_HISTORY, options: { pageSize: 1000, pageConcurrency } }),
				{ store },
			);
			expect(run.status).toBe('success');
			const found = run.json(NODE).map((item) => item.id as string);
			expect(found).toHaveLength(50_000);
			expect(new Set(found).size).toBe(50_000);
			expect(found).toEqual(ids(hub.store.events.events).reverse());
			const requests = bodies(hub, '/events');
			expect(requests).toHaveLength(Math.ceil(50_000 / 400));
			expect(requests[0].Take).toBe(1000);
			expect(hub.stats().logins).toBe(1);
		},
	);

	it('re-reads when events arrive mid-walk in the period: nothing missing, nothing twice', async () => {
		const store = new CredentialStore([hubCredential(hub.url)]);
		const late: EventRecord[] = [];
		hub.faults.add({
			route: '/events',
			skip: 5,
			times: 1,
			// Late arrivals: dated inside the period (in the past), received now.
			before: (h) => late.push(...h.store.addEvents({ count: 3, dateUtc: BASE_DATE_MS - DAY })),
		});
		const run = await runWorkflow(getMany({ returnAll: true, ...ALL_HISTORY }), { store });
		expect(run.status).toBe('success');
		const found = run.json(NODE).map((item) => item.id as string);
		expect(found).toHaveLength(50_003);
		expect(new Set(found).size).toBe(50_003);
		expect(found).toEqual(expect.arrayContaining(ids(late)));
	});
});

describe('Event › Set Status and Add Comment', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 100, events: 3000 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url, { hubLabel: 'EMEA' })]);
	});

	const unplanned = (count: number) =>
		hub.store.events.events.filter((r) => r.Status === 'Unplanned').slice(0, count);
	const input = (records: EventRecord[]) => records.map((r) => ({ json: { id: r.Id } }));

	it.each([500, 300])(
		'sets the status of 1,000 events in at most ceil(1000 / %i) requests, one output item per input item',
		async (batchSize) => {
			const records = unplanned(1000);
			const run = await runWorkflow(
				event('setStatus', {
					eventIds: '={{ $json.id }}',
					status: 'Acknowledged',
					options: { batchSize },
				}),
				{ store, input: input(records) },
			);
			expect(run.status).toBe('success');
			const batches = Math.ceil(1000 / batchSize);
			const writes = bodies(hub, '/acknowledgeEvents');
			expect(writes.length).toBeLessThanOrEqual(batches);
			expect(writes.every((body) => (body.EventIds as string[]).length <= batchSize)).toBe(true);
			expect(writes[0]).toEqual({ EventIds: expect.any(Array), NewStatus: 'Acknowledged' });
			expect(hub.requests('/events').length).toBeLessThanOrEqual(batches);
			expect(records.every((r) => hub.store.events.find(r.Id)!.Status === 'Acknowledged')).toBe(
				true,
			);
			const items = run.items(NODE);
			expect(items).toHaveLength(1000);
			expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
				records.map((_, index) => index),
			);
			expect(items[3].json).toEqual({
				hub: 'EMEA',
				eventIds: [records[3].Id],
				status: 'Acknowledged',
				plannedChangeId: null,
				changed: 1,
			});
		},
	);

	it('is idempotent: setting the status events already have sends nothing and succeeds', async () => {
		const records = unplanned(50);
		const parameters = { eventIds: '={{ $json.id }}', status: 'UnderInvestigation' };
		await runWorkflow(event('setStatus', parameters), { store, input: input(records) });
		hub.reset();
		const again = await runWorkflow(event('setStatus', parameters), {
			store,
			input: input(records),
		});
		expect(again.status).toBe('success');
		expect(hub.requests('/acknowledgeEvents')).toHaveLength(0);
		expect(again.json(NODE).every((item) => item.changed === 0)).toBe(true);
	});

	it('files events under a planned change, and takes several IDs in one item', async () => {
		const records = unplanned(3);
		const change = hub.store.events.plannedChanges[0];
		const run = await runWorkflow(
			event('setStatus', {
				eventIds: records.map((r) => r.Id).join(', '),
				status: 'planned',
				plannedChangeId: change.InstanceId,
			}),
			{ store },
		);
		expect(run.json(NODE)).toEqual([
			{
				hub: 'EMEA',
				eventIds: ids(records),
				status: 'Planned',
				plannedChangeId: change.InstanceId,
				changed: 3,
			},
		]);
		expect(bodies(hub, '/acknowledgeEvents')).toEqual([
			{ EventIds: ids(records), NewStatus: 'Planned', PlannedChangeId: change.InstanceId },
		]);
		for (const record of records)
			expect(hub.store.events.find(record.Id)).toMatchObject({
				Status: 'Planned',
				PlannedChangeId: change.InstanceId,
				PlannedChangeManual: true,
			});
	});

	it('fails only the items with unknown or malformed IDs (Continue On Fail); nothing of theirs is sent', async () => {
		const records = unplanned(2);
		const run = await runWorkflow(
			event(
				'setStatus',
				{ eventIds: '={{ $json.id }}', status: '={{ $json.status }}' },
				{ continueOnFail: true },
			),
			{
				store,
				input: [
					{ json: { id: records[0].Id, status: 'Acknowledged' } },
					{ json: { id: 'abcdef000000000000000099', status: 'Acknowledged' } },
					{ json: { id: 'no/such/id', status: 'Acknowledged' } },
					{ json: { id: records[1].Id, status: 'Closed' } },
					{ json: { id: records[1].Id, status: 'NotRelevant' } },
				],
			},
		);
		expect(run.status).toBe('success');
		const items = run.json(NODE);
		expect(items[0]).toMatchObject({ status: 'Acknowledged', changed: 1 });
		expect(items[1].error).toMatch(
			/^Event IDs: the Hub has no event with ID "abcdef000000000000000099"\. .*No event of this item was changed/,
		);
		expect(items[2].error).toMatch(/^Event IDs: "no\/such\/id" is not an event ID\./);
		expect(items[3].error).toMatch(
			/^New Status: "Closed" is not a valid value\. Use one of: Unplanned, Planned, Acknowledged, UnderInvestigation, NotRelevant/,
		);
		expect(items[4]).toMatchObject({ status: 'NotRelevant', changed: 1 });
		expect(
			bodies(hub, '/acknowledgeEvents')
				.flatMap((body) => body.EventIds as string[])
				.sort(),
		).toEqual(ids(records).sort());
	});

	it('without Continue On Fail, a bad item stops the run before anything is sent', async () => {
		const records = unplanned(3);
		const run = await runWorkflow(
			event('setStatus', { eventIds: '={{ $json.id }}', status: 'Acknowledged' }),
			{ store, input: [...input(records), { json: { id: 'a/b' } }] },
		);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Event IDs: "a\/b" is not an event ID\./);
		expect(run.error?.description).toMatch(/Nothing was changed on the Hub/);
		expect(hub.requests('/events')).toHaveLength(0);
		expect(hub.requests('/acknowledgeEvents')).toHaveLength(0);
	});

	it('refuses one event given two different statuses in one run', async () => {
		const [record] = unplanned(1);
		const run = await runWorkflow(
			event(
				'setStatus',
				{ eventIds: '={{ $json.id }}', status: '={{ $json.status }}' },
				{ continueOnFail: true },
			),
			{
				store,
				input: [
					{ json: { id: record.Id, status: 'Acknowledged' } },
					{ json: { id: record.Id, status: 'NotRelevant' } },
				],
			},
		);
		const items = run.json(NODE);
		expect(items[0]).toMatchObject({ status: 'Acknowledged', changed: 1 });
		expect(items[1].error).toMatch(
			/^Event IDs: event ".+" is also in item 0, with another status\./,
		);
	});

	it('a failed batch fails only its items; without Continue On Fail the error says what was changed', async () => {
		const records = unplanned(5);
		const parameters = {
			eventIds: '={{ $json.id }}',
			status: 'Acknowledged',
			options: { batchSize: 2 },
		};
		hub.faults.add({ route: '/acknowledgeEvents', skip: 1, times: 1, status: 500 });
		const run = await runWorkflow(event('setStatus', parameters, { continueOnFail: true }), {
			store,
			input: input(records),
		});
		const items = run.json(NODE);
		expect(items.map((item) => (item.error ? 'failed' : item.changed))).toEqual([
			1,
			1,
			'failed',
			'failed',
			1,
		]);
		expect(items[2].error).toBe('The Hub failed to process /acknowledgeEvents (HTTP 500)');
		expect(hub.requests('/acknowledgeEvents')).toHaveLength(3);

		hub.reset({ reseed: true });
		hub.faults.add({ route: '/acknowledgeEvents', skip: 1, times: 1, status: 500 });
		const stopped = await runWorkflow(event('setStatus', parameters), {
			store,
			input: input(unplanned(5)),
		});
		expect(stopped.status).toBe('error');
		expect(stopped.error?.description).toMatch(
			/Continue On Fail is off, so the node stopped: items 2-3 failed \(this error\)\. Changed on the Hub: items 0-1\. Not sent: items 4\./,
		);
		expect(hub.requests('/acknowledgeEvents')).toHaveLength(2);
	});

	it('reports the Hub refusing an unknown planned change, for the items that named it', async () => {
		const run = await runWorkflow(
			event('setStatus', {
				eventIds: unplanned(1)[0].Id,
				status: 'Planned',
				plannedChangeId: '0f8fad5b-d9cb-469f-a165-70867728950e',
			}),
			{ store },
		);
		expect(run.error?.message).toBe(
			"The Hub rejected the request to /acknowledgeEvents: Planned change '0f8fad5b-d9cb-469f-a165-70867728950e' not found",
		);
	});

	it('names the permission a user lacks', async () => {
		const viewer = new CredentialStore([
			hubCredential(hub.url, { username: 'viewer', password: 'Viewer-Pa55!' }),
		]);
		const run = await runWorkflow(
			event('setStatus', { eventIds: unplanned(1)[0].Id, status: 'Acknowledged' }),
			{ store: viewer },
		);
		expect(run.error?.message).toBe('The Hub user "viewer" lacks the DeviceRegister permission');
	});

	it('comments 1,000 events in ceil(1000 / 500) requests, idempotently', async () => {
		const records = hub.store.events.events.slice(0, 1000);
		const parameters = { eventIds: '={{ $json.id }}', comment: 'INC0012345' };
		const run = await runWorkflow(event('addComment', parameters), {
			store,
			input: input(records),
		});
		expect(run.status).toBe('success');
		const writes = bodies(hub, '/setCommentsForEvents');
		expect(writes.length).toBeLessThanOrEqual(2);
		expect(writes[0]).toEqual({
			GetEvents: {
				EventFilter: { EventIds: expect.any(Array) },
				Skip: 0,
				Take: (writes[0].GetEvents as IDataObject).Take,
			},
			Comment: 'INC0012345',
		});
		expect(records.every((r) => hub.store.events.find(r.Id)!.Comment === 'INC0012345')).toBe(true);
		expect(run.json(NODE)[0]).toEqual({
			hub: 'EMEA',
			eventIds: [records[0].Id],
			comment: 'INC0012345',
			changed: 1,
		});

		hub.reset();
		const again = await runWorkflow(event('addComment', parameters), {
			store,
			input: input(records),
		});
		expect(again.status).toBe('success');
		expect(hub.requests('/setCommentsForEvents')).toHaveLength(0);
	});

	it('keeps comment batches within a Take cap below the batch size, so every event is commented', async () => {
		const capped = await startHub({ agents: 60, events: 1500, takeCap: 200 });
		try {
			const records = capped.store.events.events.slice(0, 1000);
			const run = await runWorkflow(
				event('addComment', { eventIds: '={{ $json.id }}', comment: 'CHG-7' }),
				{ store: new CredentialStore([hubCredential(capped.url)]), input: input(records) },
			);
			expect(run.status).toBe('success');
			expect(records.every((r) => capped.store.events.find(r.Id)!.Comment === 'CHG-7')).toBe(true);
			const writes = capped.requests('/setCommentsForEvents').map((e) => e.body as IDataObject);
			expect(writes).toHaveLength(5);
			expect(writes.every((body) => (body.GetEvents as IDataObject).Take === 200)).toBe(true);
		} finally {
			await capped.close();
		}
	});

	it.each([
		['a blank comment', { comment: '={{ " " }}' }, 'Comment: is empty. Enter a value'],
		[
			'a comment of 4001 characters',
			{ comment: 'x'.repeat(4001) },
			'Comment: the value is 4001 characters long. Use at most 4000',
		],
		['no event IDs', { eventIds: '={{ [] }}' }, 'Event IDs: is empty.'],
		['batch size 0', { options: { batchSize: 0 } }, 'Options › Batch Size: 0 is out of range.'],
	])('Add Comment rejects %s naming the field', async (_name, parameters, message) => {
		const run = await runWorkflow(
			event('addComment', { eventIds: unplanned(1)[0].Id, comment: 'INC1', ...parameters }),
			{ store },
		);
		expect(run.error?.message.startsWith(message)).toBe(true);
		expect(hub.requests('/setCommentsForEvents')).toHaveLength(0);
	});
});
