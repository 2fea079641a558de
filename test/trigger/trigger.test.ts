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

	it('returns a sample of current agents in a manual test run and leaves the recorded fleet alone', async () => {
		const manual = await poll({ events: ['wentOffline'] }, 'manual');
		expect(manual.json).toHaveLength(10);
		expect(manual.json[0]).toEqual(
			expect.objectContaining({ event: 'sample', hub: 'EMEA', agentDeviceId: '1,1' }),
		);
		expect(staticData.saves).toBe(0);
		expect(hub.requests('/agentsRanked').at(-1)!.body).toEqual(
			expect.objectContaining({ Take: 10 }),
		);
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
});
