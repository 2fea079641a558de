/**
 * Behaviour of the emulator's group membership routes (docs/hub-api.md §15) over real sockets: listing a group's
 * members, adding and removing devices and child groups, the groups of a device or group, creating groups, and that
 * every change shows in /agentsRanked, /groups and /groupsTree.
 */
import { startHub, type HubEmulator } from './hub';
import * as S from './hub/schemas';
import { HubTestClient, type HubResponse } from './hub/testClient';
import type { DeviceRecord } from './hub/types';

const hubs: HubEmulator[] = [];

async function newHub(): Promise<{ hub: HubEmulator; admin: HubTestClient }> {
	const hub = await startHub();
	hubs.push(hub);
	const admin = new HubTestClient(hub.apiUrl);
	await admin.login();
	return { hub, admin };
}

afterAll(() => Promise.all(hubs.map((hub) => hub.close())));

function expectShape(schema: { safeParse(body: unknown): any }, body: unknown): void {
	const result = schema.safeParse(body);
	if (!result.success) throw new Error(JSON.stringify(result.error.issues.slice(0, 5), null, 2));
}

const idOf = (device: DeviceRecord) =>
	`${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
const memberNameOf = (device: DeviceRecord) =>
	`${device.AgentDevice.AgentId}:${device.AgentDevice.DeviceId}`;
const errorsOf = (response: HubResponse) =>
	(response.body.ResponseStatus.Errors as { FieldName: string; ErrorCode: string }[]).map(
		(error) => `${error.FieldName}:${error.ErrorCode}`,
	);

async function groupsOfDevice(admin: HubTestClient, device: DeviceRecord): Promise<string[]> {
	const response = await admin.post('/agentsRanked', {
		DeviceFilter: { AgentDeviceIds: [idOf(device)] },
		GetAgentGroupDetails: true,
	});
	expect(response.status).toBe(200);
	return response.body.AgentGroups[0].MemberOf;
}

describe('/groupMembers', () => {
	it("lists a group's child groups, then its devices, with MemberType and paging", async () => {
		const { hub, admin } = await newHub();
		const servers = hub.store.findGroup('A2')!;
		const devices = hub.store.agents.filter((device) => device.GroupNames.includes('A2'));
		const all = await admin.post('/groupMembers', { GroupName: 'a2', Take: 500 });
		expect(all.status).toBe(200);
		expectShape(S.GroupMembersResponse, all.body);
		expect(all.body.Total).toBe(servers.Members.length + devices.length);
		expect(all.body.GroupMembers.slice(0, servers.Members.length)).toEqual(
			servers.Members.map((name) => ({
				Version: 1,
				GroupName: 'A2',
				MemberType: 'Group',
				MemberName: name,
				GroupRiskScore: servers.RiskScore,
			})),
		);

		const onlyGroups = await admin.post('/groupMembers', { GroupName: 'A2', MemberType: 'Group' });
		expect(onlyGroups.body.GroupMembers.map((m: { MemberName: string }) => m.MemberName)).toEqual(
			servers.Members,
		);

		const webServers = hub.store.agents.filter((device) => device.GroupNames.includes('A23'));
		expect(webServers.length).toBeGreaterThan(3);
		const page = await admin.post('/groupMembers', {
			GroupName: 'A23',
			MemberType: 'AgentDevice',
			Skip: 1,
			Take: 2,
		});
		expect(page.body).toMatchObject({ Total: webServers.length, Returned: 2 });
		expect(page.body.GroupMembers.map((m: { MemberName: string }) => m.MemberName)).toEqual(
			webServers.slice(1, 3).map(memberNameOf),
		);
		const count = await admin.post('/groupMembers', { GroupName: 'A23', CountOnly: true });
		expect(count.body).toMatchObject({ Total: webServers.length, Returned: 0, GroupMembers: [] });
	});

	it('rejects a missing or unknown group and an unknown MemberType', async () => {
		const { admin } = await newHub();
		const missing = await admin.post('/groupMembers', {});
		expect(missing.status).toBe(400);
		expect(errorsOf(missing)).toEqual(['GroupName:NotEmpty']);
		const unknown = await admin.post('/groupMembers', { GroupName: 'A999' });
		expect(unknown.status).toBe(404);
		expect(unknown.body.ResponseStatus.ErrorCode).toBe('NotFound');
		const badType = await admin.post('/groupMembers', { GroupName: 'A2', MemberType: 'User' });
		expect(badType.status).toBe(400);
		expect(errorsOf(badType)).toEqual(['MemberType:Invalid']);
	});
});

describe('/groupMembers/add and /groupMembers/delete', () => {
	it('adds devices (by id and by Agents) idempotently, and /agentsRanked and DeviceFilter follow', async () => {
		const { hub, admin } = await newHub();
		const [first, second] = hub.store.agents.filter((device) => !device.GroupNames.includes('A22'));
		const added = await admin.post('/groupMembers/add', {
			GroupName: 'A22',
			AgentDeviceIds: [idOf(first)],
			Agents: [{ AgentDevice: second.AgentDevice }],
		});
		expect(added.status).toBe(204);
		expect(await groupsOfDevice(admin, first)).toContain('A22');
		expect(await groupsOfDevice(admin, second)).toContain('A22');
		const again = await admin.post('/groupMembers/add', {
			GroupName: 'A22',
			AgentDeviceIds: [idOf(first)],
		});
		expect(again.status).toBe(204);
		expect((await groupsOfDevice(admin, first)).filter((name) => name === 'A22')).toHaveLength(1);
		expect(first.MembershipChangeTimeUtc).not.toBeNull();

		const inGroup = await admin.post('/agentsRanked', {
			DeviceFilter: { GroupNames: ['A19'] }, // the parent: sub-groups included
			Take: 500,
		});
		const ids = inGroup.body.Agents.map((agent: { AgentDeviceId: string }) => agent.AgentDeviceId);
		expect(ids).toEqual(expect.arrayContaining([idOf(first), idOf(second)]));

		const removed = await admin.post('/groupMembers/delete', {
			GroupName: 'A22',
			AgentDeviceIds: [idOf(first), '999,999'],
		});
		expect(removed.status).toBe(204);
		expect(await groupsOfDevice(admin, first)).not.toContain('A22');
		expect(await groupsOfDevice(admin, second)).toContain('A22');
	});

	it('a device joining a group with templates inherits them, and loses them on leaving', async () => {
		const { hub, admin } = await newHub();
		const device = hub.store.agents.find((candidate) => !candidate.GroupNames.includes('A9'))!;
		await admin.post('/groupMembers/add', { GroupName: 'A9', AgentDeviceIds: [idOf(device)] });
		const names = await admin.post('/deviceConfigTemplateNames', {
			AgentDeviceIds: [idOf(device)],
		});
		expect(names.body).toContain('Splunk - Config Tracking');
		await admin.post('/groupMembers/delete', { GroupName: 'A9', AgentDeviceIds: [idOf(device)] });
		const after = await admin.post('/deviceConfigTemplateNames', {
			AgentDeviceIds: [idOf(device)],
		});
		expect(after.body).not.toContain('Splunk - Config Tracking');
	});

	it('moves child groups, shown by /groups and /groupsTree; an orphan goes back under A1', async () => {
		const { admin } = await newHub();
		expect(
			(await admin.post('/groupMembers/add', { GroupName: 'A19', Groups: ['A30'] })).status,
		).toBe(204);
		const development = await admin.post('/groups', { Name: 'A30' });
		expect(development.body.Groups[0].MemberOf).toEqual(['A1', 'A19']);
		const tree = await admin.get('/groupsTree');
		const compliance = tree.body.Groups[0].Groups.find((g: { Name: string }) => g.Name === 'A19');
		expect(compliance.Groups.map((g: { Name: string }) => g.Name)).toContain('A30');

		await admin.post('/groupMembers/delete', { GroupName: 'A1', Groups: ['A30'] });
		await admin.post('/groupMembers/delete', { GroupName: 'A19', Groups: ['A30'] });
		const back = await admin.post('/groups', { Name: 'A30' });
		expect(back.body.Groups[0].MemberOf).toEqual(['A1']);
	});

	it('rejects unknown members, bad ids and cycles, changing nothing', async () => {
		const { hub, admin } = await newHub();
		const device = hub.store.agents[0];
		const before = [...device.GroupNames];
		const unknown = await admin.post('/groupMembers/add', {
			GroupName: 'A22',
			AgentDeviceIds: [idOf(device), '999,999', '12'],
			Groups: ['A404'],
		});
		expect(unknown.status).toBe(400);
		expect(errorsOf(unknown)).toEqual([
			'Groups:NotFound',
			'AgentDeviceIds:Invalid',
			'AgentDeviceIds:NotFound',
		]);
		expect(device.GroupNames).toEqual(before);
		const cycle = await admin.post('/groupMembers/add', { GroupName: 'A12', Groups: ['A11'] });
		expect(cycle.status).toBe(400);
		expect(errorsOf(cycle)).toEqual(['Groups:Invalid']);
		const self = await admin.post('/groupMembers/add', { GroupName: 'A12', Groups: ['A12'] });
		expect(self.status).toBe(400);
		const noGroup = await admin.post('/groupMembers/delete', { AgentDeviceIds: [idOf(device)] });
		expect(errorsOf(noGroup)).toEqual(['GroupName:NotEmpty']);
		expect((await admin.post('/groupMembers/add', { GroupName: 'A404' })).status).toBe(404);
		const viewer = new HubTestClient(hub.apiUrl);
		await viewer.login('viewer');
		expect((await viewer.post('/groupMembers/add', { GroupName: 'A22' })).status).toBe(403);
	});
});

describe('/groupMemberships', () => {
	it('answers the direct groups, then the inherited ones unless ExcludeInherited', async () => {
		const { hub, admin } = await newHub();
		const device = hub.store.agents.find((candidate) => candidate.GroupNames.includes('A27'))!;
		const all = await admin.post('/groupMemberships', { MemberName: memberNameOf(device) });
		expect(all.status).toBe(200);
		expectShape(S.GroupMembershipsResponse, all.body);
		expect(all.body.slice(0, device.GroupNames.length)).toEqual(device.GroupNames);
		expect(all.body).toEqual(expect.arrayContaining(['A2', 'A1']));
		expect(new Set(all.body).size).toBe(all.body.length);
		const direct = await admin.post('/groupMemberships', {
			MemberName: idOf(device),
			MemberType: 'AgentDevice',
			ExcludeInherited: true,
		});
		expect(direct.body).toEqual(device.GroupNames);
		const ofGroup = await admin.post('/groupMemberships', {
			MemberName: 'A12',
			MemberType: 'Group',
		});
		expect(ofGroup.body).toEqual(['A11', 'A1']);
		expect((await admin.post('/groupMemberships', { MemberName: '999:1' })).status).toBe(404);
		expect((await admin.post('/groupMemberships', {})).status).toBe(400);
	});
});

describe('/groups/add', () => {
	it('creates a group under its parent; members and devices can then be added', async () => {
		const { hub, admin } = await newHub();
		const added = await admin.post('/groups/add', {
			GroupType: 'DeviceContainer, GroupContainer',
			DisplayName: 'PCI Web Tier',
			ParentGroupName: 'A20',
			RiskScore: 'High',
			Members: ['A27'],
		});
		expect(added.status).toBe(200);
		expect(added.body).toEqual({ Name: 'A31', Version: 1 });
		const group = await admin.post('/groups', { Name: 'A31' });
		expect(group.body.Groups[0]).toMatchObject({
			Name: 'A31',
			DisplayName: 'PCI Web Tier',
			GroupType: 6,
			MemberOf: ['A20'],
			Members: ['A27'],
			RiskScore: 'High',
		});
		expect((await admin.post('/groups', {})).body.Total).toBe(31);
		const device = hub.store.agents[3];
		await admin.post('/groupMembers/add', { GroupName: 'A31', AgentDeviceIds: [idOf(device)] });
		expect(await groupsOfDevice(admin, device)).toContain('A31');
		const lookup = await admin.post('/agentsRanked', {
			DeviceFilter: { AgentDeviceIds: [idOf(device)] },
			GetAgentGroupDetails: true,
		});
		expect(lookup.body.GroupsLookup).toEqual(
			expect.arrayContaining([{ Key: 'A31', Value: 'PCI Web Tier' }]),
		);
		const next = await admin.post('/groups/add', { GroupType: 2, DisplayName: 'Another' });
		expect(next.body.Name).toBe('A32');
		expect((await admin.post('/groups', { Name: 'A32' })).body.Groups[0].MemberOf).toEqual(['A1']);
	});

	it('rejects a duplicate display name, a missing GroupType and unknown names', async () => {
		const { admin } = await newHub();
		const duplicate = await admin.post('/groups/add', { GroupType: 2, DisplayName: 'web servers' });
		expect(duplicate.status).toBe(400);
		expect(duplicate.body.ResponseStatus).toMatchObject({
			ErrorCode: 'ValidationException',
			Message: "A group named 'web servers' already exists",
		});
		expect(errorsOf(duplicate)).toEqual(['DisplayName:AlreadyExists']);
		const bad = await admin.post('/groups/add', {
			ParentGroupName: 'A404',
			RiskScore: 'Extreme',
		});
		expect(bad.status).toBe(400);
		expect(errorsOf(bad)).toEqual([
			'GroupType:NotEmpty',
			'DisplayName:NotEmpty',
			'ParentGroupName:NotFound',
			'RiskScore:Invalid',
		]);
		expect((await admin.post('/groups/add', { GroupType: 9, DisplayName: 'X' })).status).toBe(400);
		expect((await admin.post('/groups', {})).body.Total).toBe(30);
	});
});
