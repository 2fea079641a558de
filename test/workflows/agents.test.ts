import type { IDataObject } from 'n8n-workflow';

import { startHub, type HubEmulator } from '../hub';
import {
	actionNode,
	CredentialStore,
	hubCredential,
	runWorkflow,
	singleNodeWorkflow,
	type WorkflowJson,
} from '../harness';

const NODE = 'Change Tracker';
const getMany = (parameters: IDataObject, options?: { continueOnFail?: boolean }) =>
	singleNodeWorkflow({ resource: 'agent', operation: 'getAll', ...parameters }, options);
const bodies = (hub: HubEmulator) =>
	hub.requests('/agentsRanked').map((entry) => entry.body as IDataObject);

describe('Agent › Get Many, Get, Count', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 60 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url, { hubLabel: 'EMEA' })]);
	});

	it('sends only the filters that are set, each in its DeviceFilter field', async () => {
		const group = hub.store.groups.find((g) => !g.IsSystem)!;
		const proxy = hub.store.agents.find((a) => a.CanProxy)!;
		const credentialKey = hub.store.credentials[0].Key;
		const run = await runWorkflow(
			getMany({
				returnAll: false,
				limit: 10,
				filters: {
					groupNames: [group.DisplayName],
					agentDeviceIds: '1,1; 2,2',
					agentDisplayNames: 'LON-WEB-0001\nLON-SQL-0002',
					onlineStatuses: ['Online', 'Offline'],
					excludeProxiedDevices: false,
					canProxy: true,
					proxyAgentIds: [proxy.AgentDevice.AgentId],
					credentialKeys: [credentialKey],
					os: 'Windows',
					textSearch: 'LON',
					textSearchExactMatch: true,
				},
				options: {
					includeTemplates: true,
					includeCredentials: true,
					includeProxyMaster: true,
					sort: { value: { field: 'LastPollUtc', direction: 'DESC' } },
				},
			}),
			{ store },
		);
		expect(run.status).toBe('success');
		const [body] = bodies(hub);
		expect(body).toEqual({
			DeviceFilter: {
				GroupNames: [group.Name],
				AgentDeviceIds: ['1,1', '2,2'],
				AgentDisplayNames: ['LON-WEB-0001', 'LON-SQL-0002'],
				OnlineStatuses: ['Online', 'Offline'],
				ExcludeProxiedDevices: false,
				CanProxy: true,
				ProxyAgentIds: [proxy.AgentDevice.AgentId],
				CredentialKeys: [credentialKey],
				Os: 'Windows',
				TextSearch: 'LON',
				TextSearchExactMatch: true,
			},
			GenericFilters: [{ Field: 'Deleted', Operator: 'eq', Value: 'false', IgnoreCase: true }],
			GetAgentGroupDetails: true,
			GetRelatedTemplates: true,
			GetRelatedCredentials: true,
			IncludeMasterInFilter: true,
			Sort: { LastPollUtc: 'DESC' },
			Skip: 0,
			Take: 10,
		});
	});

	it('sends an empty DeviceFilter when no filter is set, and Include Deleted drops the deleted filter', async () => {
		await runWorkflow(
			getMany({
				returnAll: false,
				limit: 5,
				filters: { includeDeleted: true },
				options: { includeGroupDetails: false },
			}),
			{ store },
		);
		expect(bodies(hub)[0]).toEqual({ DeviceFilter: {}, Skip: 0, Take: 5 });
	});

	it('returns simplified agents with group and template display names and the hub label', async () => {
		const run = await runWorkflow(
			getMany({ returnAll: true, options: { includeTemplates: true, includeCredentials: true } }),
			{ store },
		);
		const agents = run.json(NODE);
		const active = hub.store.agents.filter((a) => !a.Deleted);
		expect(agents).toHaveLength(active.length);
		const withGroups = agents.find((a) => (a.groupIds as string[]).length > 0)!;
		const record = hub.store.findAgent(withGroups.agentDeviceId as string)!;
		expect(withGroups.groupIds).toEqual(record.GroupNames);
		expect(withGroups.groups).toEqual(
			record.GroupNames.map((name) => hub.store.findGroup(name)!.DisplayName),
		);
		expect(withGroups).toMatchObject({
			hub: 'EMEA',
			agentId: record.AgentDevice.AgentId,
			deviceId: record.AgentDevice.DeviceId,
			name: record.Name,
			hostType: record.HostType,
			onlineStatus: record.OnlineStatus,
			deleted: false,
		});
		const templated = agents.find((a) => (a.templates as string[]).length > 0)!;
		const templateRecord = hub.store.findAgent(templated.agentDeviceId as string)!;
		expect(templated.templates).toEqual(
			templateRecord.TemplateNames.map(
				(name) => hub.store.templates.find((t) => t.Name === name)?.DisplayName ?? name,
			),
		);
		const proxied = agents.find((a) => a.isProxied)!;
		expect(proxied.proxyAgentDeviceId).toMatch(/^\d+,\d+$/);
		expect(
			agents.every((a) => run.items(NODE).length === agents.length && a.deleted === false),
		).toBe(true);
	});

	it('returns the Hub record with the joined lists when Simplify is off', async () => {
		const run = await runWorkflow(getMany({ returnAll: false, limit: 2, simplify: false }), {
			store,
		});
		const [agent] = run.json(NODE);
		expect(agent).toHaveProperty('AgentDevice');
		expect(agent).toHaveProperty('FullyQualifiedDomainName');
		expect(agent.Hub).toBe('EMEA');
		expect(Array.isArray(agent.MemberOfGroups)).toBe(true);
	});

	it('makes one request for Limit 50 and pairs every output item with its input item', async () => {
		const run = await runWorkflow(
			getMany({ returnAll: false, limit: 50, filters: { includeDeleted: true } }),
			{
				store,
				input: [{ json: { a: 1 } }, { json: { a: 2 } }],
			},
		);
		expect(run.json(NODE)).toHaveLength(100);
		expect(hub.requests('/agentsRanked')).toHaveLength(2);
		expect(run.items(NODE).map((item) => (item.pairedItem as { item: number }).item)).toEqual([
			...Array(50).fill(0),
			...Array(50).fill(1),
		]);
	});

	it('evaluates parameters per item (expressions)', async () => {
		const ids = hub.store.agents
			.slice(0, 2)
			.map((a) => `${a.AgentDevice.AgentId},${a.AgentDevice.DeviceId}`);
		const run = await runWorkflow(
			getMany({
				returnAll: true,
				filters: { agentDeviceIds: '={{ $json.id }}', includeDeleted: true },
			}),
			{ store, input: ids.map((id) => ({ json: { id } })) },
		);
		expect(run.json(NODE).map((a) => a.agentDeviceId)).toEqual(ids);
		expect(bodies(hub).map((b) => (b.DeviceFilter as IDataObject).AgentDeviceIds)).toEqual(
			ids.map((id) => [id]),
		);
	});

	it('counts with CountOnly and the same filters', async () => {
		const run = await runWorkflow(
			singleNodeWorkflow({
				resource: 'agent',
				operation: 'count',
				filters: { onlineStatuses: ['Offline'] },
			}),
			{ store },
		);
		const expected = hub.store.agents.filter(
			(a) => a.OnlineStatus === 'Offline' && !a.Deleted,
		).length;
		expect(run.json(NODE)).toEqual([{ hub: 'EMEA', total: expected }]);
		expect(bodies(hub)[0]).toMatchObject({
			CountOnly: true,
			DeviceFilter: { OnlineStatuses: ['Offline'] },
		});
	});

	it('gets one agent by ID, by name and from the list; a missing one is a clear error', async () => {
		const record = hub.store.agents.find((a) => !a.Deleted && a.GroupNames.length)!;
		const id = `${record.AgentDevice.AgentId},${record.AgentDevice.DeviceId}`;
		for (const agent of [
			{ __rl: true, mode: 'id', value: id },
			{ __rl: true, mode: 'list', value: id },
			{ __rl: true, mode: 'name', value: record.Name },
		]) {
			const run = await runWorkflow(
				singleNodeWorkflow({ resource: 'agent', operation: 'get', agent }),
				{ store },
			);
			expect(run.json(NODE)).toEqual([
				expect.objectContaining({ agentDeviceId: id, name: record.Name }),
			]);
		}
		const missing = await runWorkflow(
			singleNodeWorkflow({
				resource: 'agent',
				operation: 'get',
				agent: { __rl: true, mode: 'id', value: '999,999' },
			}),
			{ store },
		);
		expect(missing.error?.message).toBe(
			'Agent: the Hub has no agent with ID "999,999". Check the value, or pick the agent from the list',
		);
	});

	it.each([
		[
			{ returnAll: false, limit: 0 },
			'Limit: 0 is out of range. Enter a whole number from 1 to 1000000',
		],
		[
			{ returnAll: true, filters: { agentDeviceIds: '12;13,1' } },
			'Filters › Agent Device IDs: "12" is not an Agent Device ID.',
		],
		[
			{ returnAll: true, filters: { groupNames: ['No Such Group'] } },
			'Filters › Groups: "No Such Group" is not a group on this Hub.',
		],
		[
			{ returnAll: true, options: { pageSize: 5000 } },
			'Options › Page Size: 5000 is out of range. Enter a whole number from 1 to 2000',
		],
		[
			{ returnAll: true, options: { pageConcurrency: 0 } },
			'Options › Page Concurrency: 0 is out of range',
		],
		[
			{ returnAll: true, filters: { onlineStatuses: ['Sleeping'] } },
			'Filters › Online Statuses: "Sleeping" is not a valid value. Use one of: WaitingForContact, Online, Offline',
		],
	])('rejects bad input %j with an error naming the field', async (parameters, message) => {
		const run = await runWorkflow(getMany(parameters), { store });
		expect(run.status).toBe('error');
		expect(run.error?.message.startsWith(message)).toBe(true);
		expect(hub.requests('/agentsRanked')).toHaveLength(0);
	});

	it('with Continue On Fail, a bad item yields an error item and the others still run', async () => {
		const run = await runWorkflow(
			getMany(
				{
					returnAll: false,
					limit: 1,
					filters: { agentDeviceIds: '={{ $json.id }}', includeDeleted: true },
				},
				{ continueOnFail: true },
			),
			{
				store,
				input: [{ json: { id: '1,1' } }, { json: { id: 'oops' } }, { json: { id: '1,1' } }],
			},
		);
		expect(run.status).toBe('success');
		const items = run.items(NODE);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toMatch(
			/Filters › Agent Device IDs: "oops" is not an Agent Device ID/,
		);
		expect(items[0].json.agentDeviceId).toBe('1,1');
	});

	it('tags items from two Hubs with their labels in one workflow (global report)', async () => {
		const amer = await startHub({ agents: 20, seed: 7 });
		try {
			const twoHubs = new CredentialStore([
				hubCredential(hub.url, { id: 'emea', hubLabel: 'EMEA' }),
				hubCredential(amer.url, { id: 'amer', hubLabel: 'AMER' }),
			]);
			const workflow: WorkflowJson = {
				nodes: [
					actionNode(
						{ resource: 'agent', operation: 'getAll', returnAll: true },
						{ name: 'EMEA', credentialId: 'emea' },
					),
					actionNode(
						{ resource: 'agent', operation: 'getAll', returnAll: true },
						{ name: 'AMER', credentialId: 'amer' },
					),
				],
				connections: { EMEA: { main: [[{ node: 'AMER', type: 'main', index: 0 }]] } },
			};
			const run = await runWorkflow(workflow, { store: twoHubs, startNode: 'EMEA' });
			expect(new Set(run.json('EMEA').map((a) => a.hub))).toEqual(new Set(['EMEA']));
			expect(new Set(run.json('AMER').map((a) => a.hub))).toEqual(new Set(['AMER']));
			expect(run.json('AMER').length % amer.store.agents.filter((a) => !a.Deleted).length).toBe(0);
		} finally {
			await amer.close();
		}
	});
});

describe('Agent › Get Many paging at scale', () => {
	let hub: HubEmulator;
	beforeAll(async () => {
		hub = await startHub({ agents: 25_000, takeCap: 400 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => hub.reset({ reseed: true }));

	it.each([1, 4])(
		'Return All walks 25,000 agents under a Take cap below the page size (concurrency %i)',
		async (pageConcurrency) => {
			const store = new CredentialStore([hubCredential(hub.url)]);
			const run = await runWorkflow(
				getMany({
					returnAll: true,
					filters: { includeDeleted: true },
					options: { pageSize: 1000, pageConcurrency },
				}),
				{ store },
			);
			const ids = run.json(NODE).map((a) => a.agentDeviceId);
			expect(ids).toHaveLength(25_000);
			expect(new Set(ids).size).toBe(25_000);
			const requests = hub.requests('/agentsRanked');
			expect(requests).toHaveLength(Math.ceil(25_000 / 400));
			expect((requests[0].body as IDataObject).Take).toBe(1000);
			expect(hub.stats().logins).toBe(1);
		},
	);

	it("Page Concurrency 4 returns the Hub's order even when later pages answer first", async () => {
		const walk = () =>
			getMany({
				returnAll: true,
				filters: { includeDeleted: true },
				options: { pageSize: 400, pageConcurrency: 4 },
			});
		const inOrder = await runWorkflow(walk(), {
			store: new CredentialStore([hubCredential(hub.url)]),
		});
		hub.reset();
		// The first page after the one read alone answers late: the pages after it arrive before it.
		hub.faults.add({ route: '/agentsRanked', skip: 1, times: 1, latencyMs: 300 });
		const answered: unknown[] = [];
		hub.faults.add({
			route: '/agentsRanked',
			transform: (reply, { dto }) => {
				answered.push(dto.Skip);
				return reply;
			},
		});
		const delayed = await runWorkflow(walk(), {
			store: new CredentialStore([hubCredential(hub.url)]),
		});
		// Pages 2 to 4 (Skip 800-1600) were answered before page 1 (Skip 400).
		expect(answered).toContain(400);
		expect(answered.slice(0, answered.indexOf(400))).toEqual(
			expect.arrayContaining([800, 1200, 1600]),
		);
		const ids = (run: typeof inOrder) => run.json(NODE).map((agent) => agent.agentDeviceId);
		expect(ids(delayed)).toHaveLength(25_000);
		expect(ids(delayed)).toEqual(ids(inOrder));
	});

	it.each([1, 4])(
		'Page Concurrency %i keeps exactly that many pages in flight on a slow Hub',
		async (pageConcurrency) => {
			const store = new CredentialStore([hubCredential(hub.url)]);
			hub.faults.add({ route: '/agentsRanked', latencyMs: 20 });
			const run = await runWorkflow(
				getMany({
					returnAll: true,
					filters: { includeDeleted: true },
					options: { pageSize: 400, pageConcurrency },
				}),
				{ store },
			);
			expect(run.json(NODE)).toHaveLength(25_000);
			// The first page is read alone (it tells the real page size and the total); the other 62 overlap.
			expect(hub.stats().peakInFlight['/agentsRanked']).toBe(pageConcurrency);
			expect(hub.requests('/agentsRanked')).toHaveLength(Math.ceil(25_000 / 400));
		},
	);

	it('re-reads when agents are inserted mid-walk: no duplicates, nothing missing', async () => {
		const store = new CredentialStore([hubCredential(hub.url)]);
		hub.faults.add({
			route: '/agentsRanked',
			skip: 3,
			times: 1,
			before: (h) => h.store.addAgents(5),
		});
		const run = await runWorkflow(
			getMany({ returnAll: true, filters: { includeDeleted: true }, options: { pageSize: 400 } }),
			{ store },
		);
		const ids = run.json(NODE).map((a) => a.agentDeviceId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(25_005);
	});

	it('re-reads when agents are removed mid-walk (concurrency 4)', async () => {
		const store = new CredentialStore([hubCredential(hub.url)]);
		const victims = hub.store.agents
			.slice(100, 110)
			.map((a) => `${a.AgentDevice.AgentId},${a.AgentDevice.DeviceId}`);
		hub.faults.add({
			route: '/agentsRanked',
			skip: 5,
			times: 1,
			before: (h) => h.store.removeAgents(victims),
		});
		const run = await runWorkflow(
			getMany({
				returnAll: true,
				filters: { includeDeleted: true },
				options: { pageConcurrency: 4 },
			}),
			{ store },
		);
		const ids = run.json(NODE).map((a) => a.agentDeviceId as string);
		expect(ids).toHaveLength(24_990);
		expect(new Set(ids).size).toBe(24_990);
		expect(ids.some((id) => victims.includes(id))).toBe(false);
	});

	it('gives a clear error when the list keeps changing on every page', async () => {
		const store = new CredentialStore([hubCredential(hub.url)]);
		hub.faults.add({ route: '/agentsRanked', skip: 1, before: (h) => h.store.addAgents(1) });
		const run = await runWorkflow(getMany({ returnAll: true, filters: { includeDeleted: true } }), {
			store,
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(
			"The Hub's list kept changing while it was being read (3 attempts)",
		);
	});

	it('re-logs in exactly once when the session expires mid-walk with 4 pages in flight', async () => {
		const store = new CredentialStore([hubCredential(hub.url)]);
		hub.faults.add({
			route: '/agentsRanked',
			skip: 10,
			times: 1,
			before: (h) => h.expireAllSessions(),
		});
		const run = await runWorkflow(
			getMany({
				returnAll: true,
				filters: { includeDeleted: true },
				options: { pageConcurrency: 4 },
			}),
			{ store },
		);
		expect(run.status).toBe('success');
		expect(run.json(NODE)).toHaveLength(25_000);
		expect(hub.stats().logins).toBe(2);
	});
});
