import type { INode, INodeParameters } from 'n8n-workflow';

import {
	CredentialStore,
	hubCredential,
	runPoll,
	StaticDataStore,
	TRIGGER_NODE_TYPE,
	type WorkflowJson,
} from '../harness';
import { startHub, type HubEmulator } from '../hub';
import type { RequestLogEntry } from '../hub/types';

const NAME = 'Change Tracker Trigger';

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

const ALL_EVENTS = ['wentOffline', 'cameOnline', 'registered', 'deleted', 'anyStatusChange'];

/** A well-formed answer with no agents, as a Hub (or a proxy in front of it) can give once. */
const EMPTY_ANSWER = { Agents: [], Total: 0 };

const CONFIRM_FIELD = 'Options › Confirm Mass Deletion Above (%)';

interface ListingBody {
	DeviceFilter?: { AgentDeviceIds?: string[] };
}

/** Reads of the whole fleet (the lookups of changed devices name them by AgentDeviceIds). */
function fleetReads(requests: RequestLogEntry[]): RequestLogEntry[] {
	return requests.filter(
		(entry) =>
			entry.route === '/agentsRanked' && !(entry.body as ListingBody).DeviceFilter?.AgentDeviceIds,
	);
}

function lookups(requests: RequestLogEntry[]): RequestLogEntry[] {
	return requests.filter(
		(entry) =>
			entry.route === '/agentsRanked' &&
			(entry.body as ListingBody).DeviceFilter?.AgentDeviceIds !== undefined,
	);
}

describe('Netwrix Change Tracker Trigger through n8n-core poll path', () => {
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
		await runPoll(triggerWorkflow(parameters), NAME, { store, staticData, mode });

	it('records a baseline on the first poll, then emits nothing while the fleet is unchanged', async () => {
		const params = { events: ALL_EVENTS };
		const first = await poll(params);
		expect(first.error).toBeUndefined();
		expect(first.data).toBeNull();
		expect(staticData.saves).toBe(1);
		const state = (staticData.data['node:' + NAME] as { changeTracker: { fleet: string } })
			.changeTracker;
		expect(state.fleet).toMatch(/^1\+2\+3\+,4\+,5=/);

		const second = await poll(params);
		expect(second.data).toBeNull();
		expect(second.logins).toBe(0);
		expect(staticData.saves).toBe(1);
		expect(hub.stats().logins).toBe(1);
	});

	it('emits exactly one item per change: offline, online, new, deleted (soft and permanent)', async () => {
		const params = { events: ['wentOffline', 'cameOnline', 'registered', 'deleted'] };
		await poll(params);

		hub.store.setOnlineStatus('7,7', 'Offline');
		const offline = await poll(params);
		expect(offline.json).toEqual([
			expect.objectContaining({
				event: 'wentOffline',
				hub: 'EMEA',
				previousStatus: 'Online',
				agentDeviceId: '7,7',
				name: 'FRA-RDS-0007',
				onlineStatus: 'Offline',
				groups: expect.arrayContaining(['Servers', 'Frankfurt Datacentre']),
			}),
		]);
		expect(Date.parse(offline.json[0].detectedAt as string)).not.toBeNaN();
		// The fleet is read without group details; only the changed device is looked up with them.
		const [listing, lookup] = hub
			.requests('/agentsRanked')
			.slice(-2)
			.map((entry) => entry.body as Record<string, unknown>);
		expect(listing).not.toHaveProperty('GetAgentGroupDetails');
		expect(lookup).toEqual(
			expect.objectContaining({
				DeviceFilter: { AgentDeviceIds: ['7,7'] },
				GetAgentGroupDetails: true,
			}),
		);
		expect((await poll(params)).data).toBeNull();

		hub.store.setOnlineStatus('7,7', 'Online');
		hub.store.setOnlineStatus('25,28', 'Online');
		const online = await poll(params);
		expect(
			online.json.map((item) => [item.event, item.agentDeviceId, item.previousStatus]),
		).toEqual([
			['cameOnline', '7,7', 'Offline'],
			['cameOnline', '25,28', 'Offline'],
		]);

		const [added] = hub.store.addAgents(1);
		added.Deleted = false;
		hub.store.touch();
		const addedId = `${added.AgentDevice.AgentId},${added.AgentDevice.DeviceId}`;
		const registered = await poll(params);
		expect(registered.json).toEqual([
			expect.objectContaining({
				event: 'registered',
				agentDeviceId: addedId,
				previousStatus: null,
				name: added.Name,
			}),
		]);

		hub.store.softDelete(['9,9']);
		hub.store.removeAgents(['18,18']);
		const deleted = await poll(params);
		expect(deleted.json).toEqual([
			expect.objectContaining({
				event: 'deleted',
				agentDeviceId: '9,9',
				previousStatus: 'Online',
				deleted: true,
				name: 'LON-NFS-0009',
			}),
			expect.objectContaining({
				event: 'deleted',
				agentDeviceId: '18,18',
				previousStatus: 'Online',
				removedFromHub: true,
				name: null,
			}),
		]);
		expect((await poll(params)).data).toBeNull();

		hub.store.restore(['9,9']);
		expect((await poll(params)).json.map((item) => [item.event, item.agentDeviceId])).toEqual([
			['registered', '9,9'],
		]);
	});

	it('emits only the selected events, and Any Status Change covers Waiting for Contact', async () => {
		await poll({ events: ['wentOffline'] });
		hub.store.setOnlineStatus('1,1', 'WaitingForContact');
		hub.store.setOnlineStatus('25,28', 'Online');
		hub.store.addAgents(2);
		expect((await poll({ events: ['wentOffline'] })).data).toBeNull();

		hub.store.setOnlineStatus('2,2', 'WaitingForContact');
		hub.store.setOnlineStatus('6,6', 'Offline');
		const any = await poll({ events: ['anyStatusChange'] });
		expect(any.json.map((item) => [item.event, item.agentDeviceId, item.previousStatus])).toEqual([
			['statusChanged', '2,2', 'Online'],
			['wentOffline', '6,6', 'Online'],
		]);
	});

	it('respects the group, proxied-device and text filters', async () => {
		const london = {
			events: ['wentOffline'],
			filters: { groupNames: ['London Datacentre'], excludeProxiedDevices: true },
		};
		await poll(london);
		const body = hub.requests('/agentsRanked').at(-1)!.body as {
			DeviceFilter: Record<string, unknown>;
		};
		expect(body.DeviceFilter).toEqual({ GroupNames: ['A12'], ExcludeProxiedDevices: true });

		hub.store.setOnlineStatus('7,7', 'Offline'); // Frankfurt
		hub.store.setOnlineStatus('12,15', 'Offline'); // London, but proxied
		hub.store.setOnlineStatus('33,33', 'Offline'); // London
		expect((await poll(london)).json.map((item) => item.agentDeviceId)).toEqual(['33,33']);

		staticData = new StaticDataStore();
		const text = { events: ['wentOffline'], filters: { textSearch: 'FRA-' } };
		await poll(text);
		hub.store.setOnlineStatus('8,8', 'Offline');
		hub.store.setOnlineStatus('9,9', 'Offline');
		expect((await poll(text)).json.map((item) => item.name)).toEqual(['FRA-DC-0008']);
	});

	it('reports a device that left a watched group because it was deleted, not one that merely moved', async () => {
		const london = { events: ['deleted', 'registered'], filters: { groupNames: ['A12'] } };
		await poll(london);
		const moved = hub.store.findAgent('9,9')!;
		moved.GroupNames = ['A2', 'A14'];
		const deleted = hub.store.findAgent('33,33')!;
		deleted.GroupNames = [];
		deleted.Deleted = true;
		hub.store.touch();

		const result = await poll(london);
		expect(result.json).toEqual([
			expect.objectContaining({
				event: 'deleted',
				agentDeviceId: '33,33',
				deleted: true,
				name: 'LON-APP-0033',
			}),
		]);
		const lookup = hub.requests('/agentsRanked').at(-1)!.body as {
			DeviceFilter: Record<string, unknown>;
		};
		expect(lookup.DeviceFilter).toEqual({ AgentDeviceIds: ['9,9', '33,33'] });
	});

	it('takes a new baseline silently when the filters change', async () => {
		await poll({ events: ALL_EVENTS, filters: { groupNames: ['A12'] } });
		const widened = await poll({ events: ALL_EVENTS, filters: { groupNames: ['A13'] } });
		expect(widened.data).toBeNull();
		expect(staticData.saves).toBe(2);
	});

	it('can emit the current agents once on the first poll', async () => {
		const params = {
			events: ['wentOffline'],
			filters: { textSearch: 'NYC-' },
			options: { emitOnFirstRun: true },
		};
		const first = await poll(params);
		expect(first.json.map((item) => item.event)).toEqual(Array(first.json.length).fill('current'));
		expect(first.json.map((item) => item.name)).toEqual([
			'NYC-PRX-0012',
			'NYC-AWS-0017',
			'NYC-BAT-0018',
			'NYC-FS-0022',
			'NYC-AWS-0028',
			'NYC-NFS-0030',
			'NYC-FW-0031',
			'NYC-ESX-0032',
		]);
		expect((await poll(params)).data).toBeNull();
	});

	it('Fetch Test Event returns samples shaped like the selected events, from agents that look like them, and leaves the recorded fleet alone', async () => {
		const offline = hub.store.agents.filter((a) => !a.Deleted && a.OnlineStatus === 'Offline');
		expect(offline.length).toBeGreaterThan(0);
		const manual = await poll({ events: ['wentOffline'] }, 'manual');
		expect(manual.json.length).toBe(Math.min(10, offline.length));
		for (const item of manual.json) {
			expect(item).toEqual(
				expect.objectContaining({
					event: 'wentOffline',
					previousStatus: 'Online',
					sample: true,
					hub: 'EMEA',
					onlineStatus: 'Offline',
				}),
			);
		}
		expect(staticData.saves).toBe(0);
		const body = hub.requests('/agentsRanked').at(-1)!.body as {
			DeviceFilter: object;
			Take: number;
		};
		expect(body).toEqual(expect.objectContaining({ Take: 10 }));
		expect(body.DeviceFilter).toEqual(expect.objectContaining({ OnlineStatuses: ['Offline'] }));
	});

	it('Fetch Test Event takes turns between the selected events; Deleted samples a soft-deleted agent', async () => {
		const manual = await poll({ events: ['cameOnline', 'deleted'] }, 'manual');
		const events = manual.json.map((item) => item.event);
		expect(events.slice(0, 2)).toEqual(['cameOnline', 'deleted']);
		for (const item of manual.json.filter((i) => i.event === 'cameOnline'))
			expect(item).toEqual(
				expect.objectContaining({ onlineStatus: 'Online', previousStatus: 'Offline' }),
			);
		const deleted = manual.json.filter((item) => item.event === 'deleted');
		expect(deleted.length).toBeGreaterThan(0);
		for (const item of deleted) expect(item.deleted).toBe(true);
	});

	it('keeps a compact state: a few bytes per device', async () => {
		await poll({ events: ['wentOffline'] });
		expect(staticData.bytes() / 40).toBeLessThan(16);
	});

	it('surfaces Hub errors as trigger errors with the action node messages, and keeps the baseline', async () => {
		await poll({ events: ['wentOffline'] });
		const saved = structuredClone(staticData.data);
		hub.store.setOnlineStatus('7,7', 'Offline');

		hub.faults.add({
			route: '/agentsRanked',
			status: 403,
			body: { ResponseStatus: { ErrorCode: 'Forbidden', Message: 'Forbidden' } },
		});
		const forbidden = await poll({ events: ['wentOffline'] });
		expect(forbidden.error?.message).toMatch(/DeviceView/);
		expect(staticData.data).toEqual(saved);
		hub.faults.clear();

		const unknownGroup = await poll({
			events: ['wentOffline'],
			filters: { groupNames: ['No Such Group'] },
		});
		expect(unknownGroup.error?.message).toBe(
			'Filters › Groups: "No Such Group" is not a group on this Hub. Choose groups from the list, or use a group\'s internal name (e.g. "A12") or its exact display name',
		);

		const recovered = await poll({ events: ['wentOffline'] });
		expect(recovered.json.map((item) => item.agentDeviceId)).toEqual(['7,7']);

		const badPassword = new CredentialStore([
			hubCredential(hub.url, { password: 'Wrong-Passw0rd!' }),
		]);
		const rejected = await runPoll(triggerWorkflow({ events: ['wentOffline'] }), NAME, {
			store: badPassword,
			staticData,
		});
		expect(rejected.error?.message).toMatch(/rejected the username or password for "admin"/);
	});

	describe('mass deletion check (Options › Confirm Mass Deletion Above (%))', () => {
		const liveIds = () =>
			hub.store.agents
				.filter((agent) => !agent.Deleted)
				.map((agent) => `${agent.AgentDevice.AgentId},${agent.AgentDevice.DeviceId}`);

		/** Polls and returns the result with the Hub requests that poll made. */
		const pollLogged = async (parameters: INodeParameters) => {
			const before = hub.log.length;
			const result = await poll(parameters);
			return { ...result, requests: hub.log.slice(before) };
		};

		it('one empty answer between polls emits nothing, keeps the baseline, and the next poll does not flood', async () => {
			const params = { events: ALL_EVENTS };
			await poll(params);
			const saved = structuredClone(staticData.data);
			const empty = hub.faults.add({
				route: '/agentsRanked',
				times: 1,
				status: 200,
				body: EMPTY_ANSWER,
			});

			const glitch = await pollLogged(params);
			const afterGlitch = structuredClone(staticData.data);
			const next = await pollLogged(params);

			expect(glitch.error).toBeUndefined();
			expect(empty.hits).toBe(1);
			expect(glitch.data).toBeNull();
			// No flood of "registered" (or "deleted") on the poll after the glitch.
			expect(next.json.map((item) => item.event)).toEqual([]);
			// The empty fleet was never recorded: the second read showed the whole fleet, unchanged.
			expect(afterGlitch).toEqual(saved);
			expect(staticData.saves).toBe(1);
			expect(fleetReads(glitch.requests)).toHaveLength(2);
			expect(lookups(glitch.requests)).toHaveLength(0);
			expect(fleetReads(next.requests)).toHaveLength(1);
		});

		it('reads an empty first answer again before it becomes the baseline', async () => {
			const params = { events: ALL_EVENTS };
			hub.faults.add({ route: '/agentsRanked', times: 1, status: 200, body: EMPTY_ANSWER });
			const first = await pollLogged(params);
			expect(first.data).toBeNull();
			expect(fleetReads(first.requests)).toHaveLength(2);
			const state = (staticData.data['node:' + NAME] as { changeTracker: { fleet: string } })
				.changeTracker;
			expect(state.fleet).toMatch(/^1\+2\+3\+,4\+,5=/);
			expect((await poll(params)).data).toBeNull();
		});

		it('never records an answer with a Total but no agents: the paging reads again, or the poll fails and keeps the baseline', async () => {
			const params = { events: ALL_EVENTS };
			await poll(params);
			const saved = structuredClone(staticData.data);
			const total = hub.store.agents.length;

			hub.faults.add({
				route: '/agentsRanked',
				times: 1,
				status: 200,
				body: { Agents: [], Total: total },
			});
			const once = await pollLogged(params);
			expect(once.error).toBeUndefined();
			expect(once.data).toBeNull();
			expect(fleetReads(once.requests)).toHaveLength(2);
			expect(staticData.data).toEqual(saved);

			hub.faults.add({ route: '/agentsRanked', status: 200, body: { Agents: [], Total: total } });
			const always = await poll(params);
			// The paging layer's own message (it reads the list 3 times before giving up).
			expect(always.error?.message).toMatch(/^The Hub.*\(3 attempts\)$/);
			expect(staticData.data).toEqual(saved);

			hub.faults.clear();
			expect((await poll(params)).data).toBeNull();
		});

		it('reports a real mass deletion (60% soft-deleted) after exactly two reads of the fleet', async () => {
			const params = { events: ['deleted', 'registered'] };
			await poll(params);
			const live = liveIds();
			const doomed = live.slice(0, Math.ceil(live.length * 0.6));
			hub.store.softDelete(doomed);

			const result = await pollLogged(params);
			expect(result.json.map((item) => [item.event, item.agentDeviceId, item.deleted])).toEqual(
				doomed.map((key) => ['deleted', key, true]),
			);
			expect(fleetReads(result.requests)).toHaveLength(2);
			expect(lookups(result.requests)).toHaveLength(1);
			expect(staticData.saves).toBe(2);

			const next = await pollLogged(params);
			expect(next.data).toBeNull();
			expect(fleetReads(next.requests)).toHaveLength(1);
		});

		it('uses the second read when the first was wrong: only the real changes it shows are reported', async () => {
			const params = { events: ['deleted', 'registered'] };
			await poll(params);
			const gone = liveIds().slice(0, 2);
			// The first read answers empty; the Hub's real change happens before the second read.
			hub.faults.add({
				route: '/agentsRanked',
				times: 1,
				status: 200,
				body: EMPTY_ANSWER,
				before: (emulator) => emulator.store.softDelete(gone),
			});
			const result = await pollLogged(params);
			expect(result.json.map((item) => [item.event, item.agentDeviceId])).toEqual(
				gone.map((key) => ['deleted', key]),
			);
			expect(fleetReads(result.requests)).toHaveLength(2);
			expect((await poll(params)).data).toBeNull();
		});

		it('reads once for a deletion at or below the share (half of a two-device fleet at 50%)', async () => {
			const params = {
				events: ['deleted'],
				filters: { agentDisplayNames: ['FRA-RDS-0007', 'FRA-DC-0008'] },
			};
			await poll(params);
			hub.store.softDelete(['8,8']);
			const half = await pollLogged(params);
			expect(half.json.map((item) => item.agentDeviceId)).toEqual(['8,8']);
			expect(fleetReads(half.requests)).toHaveLength(1);

			hub.store.softDelete(['7,7']);
			const all = await pollLogged(params);
			expect(all.json.map((item) => item.agentDeviceId)).toEqual(['7,7']);
			expect(fleetReads(all.requests)).toHaveLength(2);
		});

		it('0 confirms any deletion; 100 turns the check off (one read, even for an empty answer)', async () => {
			const always = { events: ['deleted'], options: { confirmDeletionsAbove: 0 } };
			await poll(always);
			hub.store.softDelete(['9,9']);
			const one = await pollLogged(always);
			expect(one.json.map((item) => item.agentDeviceId)).toEqual(['9,9']);
			expect(fleetReads(one.requests)).toHaveLength(2);

			const off = { events: ['deleted'], options: { confirmDeletionsAbove: 100 } };
			const live = liveIds();
			const doomed = live.slice(0, Math.ceil(live.length * 0.6));
			hub.store.softDelete(doomed);
			const mass = await pollLogged(off);
			expect(mass.json).toHaveLength(doomed.length);
			expect(fleetReads(mass.requests)).toHaveLength(1);

			hub.faults.add({ route: '/agentsRanked', times: 1, status: 200, body: EMPTY_ANSWER });
			const empty = await pollLogged(off);
			expect(fleetReads(empty.requests)).toHaveLength(1);
			const state = (staticData.data['node:' + NAME] as { changeTracker: { fleet: string } })
				.changeTracker;
			expect(state.fleet).toBe('');
		});

		it.each([
			[101, '101 is out of range. Enter a whole number from 0 to 100'],
			[-1, '-1 is out of range. Enter a whole number from 0 to 100'],
			[12.5, '"12.5" is not a whole number. Enter a whole number from 0 to 100'],
			['half', '"half" is not a whole number. Enter a whole number from 0 to 100'],
			['', 'is empty. Enter a whole number from 0 to 100'],
		])('rejects %p with an error naming the option', async (value, problem) => {
			const result = await poll({ events: ['deleted'], options: { confirmDeletionsAbove: value } });
			expect(result.error?.message).toBe(`${CONFIRM_FIELD}: ${problem}`);
			expect(staticData.saves).toBe(0);
		});

		it('checks the option in Fetch Test Event too', async () => {
			const manual = await poll(
				{ events: ['deleted'], options: { confirmDeletionsAbove: 150 } },
				'manual',
			);
			expect(manual.error?.message).toBe(
				`${CONFIRM_FIELD}: 150 is out of range. Enter a whole number from 0 to 100`,
			);
		});

		it('accepts the option as numeric text, e.g. from an expression', async () => {
			const result = await poll({ events: ['deleted'], options: { confirmDeletionsAbove: '75' } });
			expect(result.error).toBeUndefined();
			expect(staticData.saves).toBe(1);
		});
	});
});
