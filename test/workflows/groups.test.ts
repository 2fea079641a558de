import type { IDataObject } from 'n8n-workflow';

import { startHub, type HubEmulator } from '../hub';
import type { DeviceRecord } from '../hub/types';
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../harness';
import { bodies, byId, byName, idOf } from './requestBodies';

const NODE = 'Change Tracker';

const group = (
	operation: string,
	parameters: IDataObject,
	options?: { continueOnFail?: boolean },
) => singleNodeWorkflow({ resource: 'group', operation, ...parameters }, options);
const live = (device: DeviceRecord) => device.Registered && !device.Deleted;

/** Devices of the seed: in the group (directly) or not, live ones only. */
function devices(hub: HubEmulator, groupName: string, member: boolean): DeviceRecord[] {
	return hub.store.agents.filter(
		(device) => live(device) && device.GroupNames.includes(groupName) === member,
	);
}

describe('Group through n8n-core', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 40 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url, { hubLabel: 'EMEA' })]);
	});

	it('Get Many sends the filters, pages by display name and outputs flat groups tagged with the Hub', async () => {
		const run = await runWorkflow(
			group('getAll', {
				returnAll: true,
				filters: { displayNameContains: 'datacentre', parentGroups: ['Datacentres'] },
			}),
			{ store },
		);
		expect(run.error).toBeUndefined();
		expect(bodies(hub, '/groups').slice(-1)).toEqual([
			{
				DisplayNameContains: 'datacentre',
				MemberOf: ['A11'],
				Skip: 0,
				Take: 500,
				Sort: { DisplayName: 'ASC' },
			},
		]);
		const groups = run.json(NODE);
		expect(groups.map((item) => item.id)).toEqual(
			['A18', 'A14', 'A12', 'A13', 'A15', 'A16', 'A17'], // Amsterdam … Toronto
		);
		expect(groups[2]).toEqual({
			hub: 'EMEA',
			id: 'A12',
			name: 'London Datacentre',
			types: expect.any(Array),
			isSystem: false,
			riskScore: expect.any(String),
			parentIds: ['A11'],
			childGroupIds: [],
			lastActivity: expect.any(String),
		});

		const raw = await runWorkflow(group('getAll', { limit: 2, simplify: false }), { store });
		expect(raw.json(NODE)).toEqual([
			expect.objectContaining({ Hub: 'EMEA', Name: 'A1', DisplayName: 'All Devices' }),
			expect.objectContaining({ Hub: 'EMEA', Name: 'A18', DisplayName: 'Amsterdam Datacentre' }),
		]);
		expect(bodies(hub, '/groups').slice(-1)[0]).toMatchObject({ Skip: 0, Take: 2 });
	});

	it('Get Members lists devices with their names and child groups with theirs, each once', async () => {
		const servers = hub.store.findGroup('A2')!;
		const inServers = hub.store.agents.filter((device) => device.GroupNames.includes('A2'));
		const run = await runWorkflow(group('getMembers', { group: 'A2', returnAll: true }), {
			store,
		});
		expect(run.error).toBeUndefined();
		expect(bodies(hub, '/groupMembers')).toEqual([{ GroupName: 'A2', Skip: 0, Take: 500 }]);
		const members = run.json(NODE);
		expect(members).toHaveLength(servers.Members.length + inServers.length);
		expect(members.slice(0, servers.Members.length)).toEqual(
			servers.Members.map((name) => ({
				hub: 'EMEA',
				groupId: 'A2',
				groupName: 'Servers',
				memberType: 'group',
				memberId: name,
				memberName: hub.store.findGroup(name)!.DisplayName,
			})),
		);
		expect(members.slice(servers.Members.length)).toEqual(
			inServers.map((device) => ({
				hub: 'EMEA',
				groupId: 'A2',
				groupName: 'Servers',
				memberType: 'device',
				memberId: idOf(device),
				memberName: device.Name,
			})),
		);
		// One name join for the page, soft-deleted members included.
		expect(bodies(hub, '/agentsRanked')).toEqual([
			{
				DeviceFilter: { AgentDeviceIds: inServers.map(idOf) },
				Skip: 0,
				Take: 500,
			},
		]);

		hub.reset();
		const onlyDevices = await runWorkflow(
			group('getMembers', { group: 'Servers', memberType: 'device', limit: 3, simplify: false }),
			{ store },
		);
		expect(bodies(hub, '/groupMembers')).toEqual([
			{ GroupName: 'A2', MemberType: 'AgentDevice', Skip: 0, Take: 3 },
		]);
		expect(onlyDevices.json(NODE)).toEqual(
			inServers.slice(0, 3).map((device) => ({
				Hub: 'EMEA',
				Version: 1,
				GroupName: 'A2',
				MemberType: 'AgentDevice',
				MemberName: `${device.AgentDevice.AgentId}:${device.AgentDevice.DeviceId}`,
				GroupRiskScore: servers.RiskScore,
			})),
		);
		expect(hub.requests('/agentsRanked')).toHaveLength(0);
	});

	it('Get Memberships lists the groups of a device, direct ones first, inherited ones marked', async () => {
		const [device] = devices(hub, 'A12', true);
		const run = await runWorkflow(
			group('getMemberships', { device: byName(device.Name.toLowerCase()) }),
			{ store },
		);
		expect(run.error).toBeUndefined();
		expect(bodies(hub, '/groupMemberships')).toEqual([
			{
				MemberName: `${device.AgentDevice.AgentId}:${device.AgentDevice.DeviceId}`,
				MemberType: 'AgentDevice',
				ExcludeInherited: false,
			},
		]);
		const rows = run.json(NODE);
		const direct = rows.filter((row) => row.inherited === false).map((row) => row.groupId);
		expect(direct).toEqual(device.GroupNames);
		expect(rows.slice(0, direct.length).every((row) => row.inherited === false)).toBe(true);
		expect(rows).toContainEqual({
			hub: 'EMEA',
			agentDeviceId: idOf(device),
			deviceName: device.Name,
			groupId: 'A11',
			groupName: 'Datacentres',
			inherited: true,
		});

		hub.reset();
		const directOnly = await runWorkflow(
			group('getMemberships', { device: byId(idOf(device)), includeInherited: false }),
			{ store },
		);
		expect(bodies(hub, '/groupMemberships')[0]).toMatchObject({ ExcludeInherited: true });
		expect(directOnly.json(NODE).map((row) => row.groupId)).toEqual(device.GroupNames);
	});

	it('Add Members sends only who is missing; run again it sends nothing and says so', async () => {
		const [member] = devices(hub, 'A12', true);
		const [outsider, other] = devices(hub, 'A12', false);
		const parameters = {
			group: 'London Datacentre',
			memberDevices: { devices: [{ device: byName(outsider.Name) }] },
			memberDeviceList: [idOf(other), member.Name],
			memberGroups: ['A27'],
		};
		const first = await runWorkflow(group('addMembers', parameters), { store });
		expect(first.error).toBeUndefined();
		expect(bodies(hub, '/groupMembers/add')).toEqual([
			{ GroupName: 'A12', Groups: ['A27'], AgentDeviceIds: [idOf(outsider), idOf(other)] },
		]);
		expect(first.json(NODE)).toEqual([
			{
				hub: 'EMEA',
				groupId: 'A12',
				groupName: 'London Datacentre',
				changed: true,
				alreadyMember: false,
				added: [
					{ memberType: 'device', memberId: idOf(outsider), memberName: outsider.Name },
					{ memberType: 'device', memberId: idOf(other), memberName: other.Name },
					{ memberType: 'group', memberId: 'A27', memberName: 'Web Servers' },
				],
				alreadyMembers: [{ memberType: 'device', memberId: idOf(member), memberName: member.Name }],
			},
		]);
		expect(hub.store.findGroup('A12')!.Members).toContain('A27');
		expect(outsider.GroupNames).toContain('A12');

		hub.reset();
		const again = await runWorkflow(group('addMembers', parameters), { store });
		expect(again.error).toBeUndefined();
		expect(hub.requests('/groupMembers/add')).toHaveLength(0);
		expect(again.json(NODE)[0]).toMatchObject({ changed: false, alreadyMember: true, added: [] });
		expect(again.json(NODE)[0].alreadyMembers).toHaveLength(4);
	});

	it('Remove Members sends only who is there; absent members are success with wasMember false', async () => {
		const [member, second] = devices(hub, 'A12', true);
		const [outsider] = devices(hub, 'A12', false);
		const first = await runWorkflow(
			group('removeMembers', {
				group: 'A12',
				memberDeviceList: `${member.Name}; ${idOf(outsider)}`,
			}),
			{ store },
		);
		expect(first.error).toBeUndefined();
		expect(bodies(hub, '/groupMembers/delete')).toEqual([
			{ GroupName: 'A12', AgentDeviceIds: [idOf(member)] },
		]);
		expect(first.json(NODE)[0]).toMatchObject({
			changed: true,
			wasMember: true,
			removed: [{ memberType: 'device', memberId: idOf(member), memberName: member.Name }],
			notMembers: [{ memberType: 'device', memberId: idOf(outsider), memberName: outsider.Name }],
		});
		expect(member.GroupNames).not.toContain('A12');
		expect(second.GroupNames).toContain('A12');

		hub.reset();
		const again = await runWorkflow(
			group('removeMembers', { group: 'A12', memberDeviceList: member.Name }),
			{ store },
		);
		expect(hub.requests('/groupMembers/delete')).toHaveLength(0);
		expect(again.json(NODE)[0]).toMatchObject({ changed: false, wasMember: false, removed: [] });
	});

	it('Create sends a device container under the parent; a re-run skips it; Error fails naming the field', async () => {
		const parameters = { displayName: 'Payments Web Servers', parentGroup: 'Servers' };
		const first = await runWorkflow(group('create', parameters), { store });
		expect(first.error).toBeUndefined();
		expect(bodies(hub, '/groups/add')).toEqual([
			{ GroupType: 2, ParentGroupName: 'A2', DisplayName: 'Payments Web Servers' },
		]);
		expect(first.json(NODE)).toEqual([
			{
				hub: 'EMEA',
				id: 'A31',
				name: 'Payments Web Servers',
				types: ['DeviceContainer'],
				isSystem: false,
				riskScore: 'Undefined',
				parentIds: ['A2'],
				childGroupIds: [],
				lastActivity: expect.any(String),
				created: true,
			},
		]);
		expect(hub.store.findGroup('A2')!.Members).toContain('A31');

		hub.reset();
		const again = await runWorkflow(group('create', parameters), { store });
		expect(hub.requests('/groups/add')).toHaveLength(0);
		expect(again.json(NODE)).toEqual([expect.objectContaining({ id: 'A31', created: false })]);

		const failed = await runWorkflow(group('create', { ...parameters, ifExists: 'error' }), {
			store,
		});
		expect(failed.error?.message).toMatch(
			/^Display Name: a group named "Payments Web Servers" \(A31\) already exists\. Set If It Exists/,
		);
		const elsewhere = await runWorkflow(group('create', { ...parameters, parentGroup: 'A19' }), {
			store,
		});
		expect(elsewhere.error?.message).toMatch(
			/^Display Name: a group named "Payments Web Servers" \(A31\) already exists under A2, not under "Compliance"/,
		);
		expect(hub.requests('/groups/add')).toHaveLength(0);
	});
});

describe('Group paging under a Take cap below the page size', () => {
	let hub: HubEmulator;
	beforeAll(async () => {
		hub = await startHub({ agents: 40, takeCap: 4 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => hub.reset({ reseed: true }));

	it.each([1, 3])(
		'Get Many returns every group once (page concurrency %i)',
		async (concurrency) => {
			const store = new CredentialStore([hubCredential(hub.url)]);
			const run = await runWorkflow(
				group('getAll', {
					returnAll: true,
					options: { pageSize: 10, pageConcurrency: concurrency },
				}),
				{ store },
			);
			expect(run.error).toBeUndefined();
			const ids = run.json(NODE).map((item) => item.id);
			expect([...ids].sort()).toEqual(hub.store.groups.map((g) => g.Name).sort());
			const requests = bodies(hub, '/groups');
			expect(requests).toHaveLength(Math.ceil(hub.store.groups.length / 4));
			expect(requests[0]).toMatchObject({ Skip: 0, Take: 10 });
		},
	);

	it.each([1, 3])(
		'Get Members returns every member once (page concurrency %i)',
		async (concurrency) => {
			const store = new CredentialStore([hubCredential(hub.url)]);
			const servers = hub.store.findGroup('A2')!;
			const inServers = hub.store.agents.filter((device) => device.GroupNames.includes('A2'));
			const run = await runWorkflow(
				group('getMembers', {
					group: 'A2',
					returnAll: true,
					options: { pageSize: 10, pageConcurrency: concurrency },
				}),
				{ store },
			);
			expect(run.error).toBeUndefined();
			const ids = run.json(NODE).map((item) => item.memberId);
			expect(ids).toEqual([...servers.Members, ...inServers.map(idOf)]);
			expect(bodies(hub, '/groupMembers')).toHaveLength(
				Math.ceil((servers.Members.length + inServers.length) / 4),
			);
			expect(run.json(NODE).every((item) => item.memberName)).toBe(true);
		},
	);

	it('Add Members reads every page of the group before deciding, so a member on a late page is not re-added', async () => {
		const store = new CredentialStore([hubCredential(hub.url)]);
		const inServers = hub.store.agents.filter((device) => device.GroupNames.includes('A2'));
		const last = inServers.filter(live).at(-1)!;
		const run = await runWorkflow(
			group('addMembers', { group: 'A2', memberDeviceList: idOf(last) }),
			{
				store,
			},
		);
		expect(run.error).toBeUndefined();
		expect(hub.requests('/groupMembers/add')).toHaveLength(0);
		expect(run.json(NODE)[0]).toMatchObject({ alreadyMember: true, changed: false });
	});
});
