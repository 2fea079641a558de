/**
 * Behaviour of the emulator's planned changes (docs/hub-api.md §14) over real sockets: the seeded instances and
 * rulesets, an instance's life (add, list, update, members, delete), validation, the correlation of arriving events
 * with instances (members, groups, windows, periods, rules), re-evaluation after a late approval, approving events
 * with /addOrUpdateFromEvents (preview and real), and /stats/plannedChanges.
 */
import { startHub, type HubEmulator } from './hub';
import type { EventRecord } from './hub/events';
import * as S from './hub/schemas';
import { HubTestClient, type HubResponse } from './hub/testClient';
import type { DeviceRecord } from './hub/types';

const HOUR = 3600_000;
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

const iso = (ms: number) => new Date(ms).toISOString();
const idOf = (device: DeviceRecord) =>
	`${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
const errorsOf = (response: HubResponse) =>
	(response.body.ResponseStatus.Errors as { FieldName: string; ErrorCode: string }[]).map(
		(error) => `${error.FieldName}:${error.ErrorCode}`,
	);

interface WireInstance {
	InstanceId: string;
	DisplayName: string;
	Description?: string;
	Origin?: string;
	AssignedTo?: string;
	PlannedChangeName: string;
	PlannedChangeDisplayName: string;
	PlannedChange?: { Name: string; Rules: Record<string, Record<string, unknown>> };
	StartTimeUtc: string;
	EndTimeUtc: string;
	Started: boolean;
	Ended: boolean;
	Disabled: boolean;
	DisallowRules: boolean;
	MemberGroups: string[];
	MemberAgentDeviceIds: string[];
	MemberGroupsWithInherit: string[];
	GroupLookup: { Id: string; Name: string }[];
	AgentDeviceLookup: { Id: string; Name: string }[];
	LastModifiedDateUtc: string;
}

/** Registered devices that raise events, by group membership. */
function devices(hub: HubEmulator) {
	const registered = hub.store.agents.filter(
		(device) =>
			device.Registered &&
			!device.Deleted &&
			['Windows', 'Unix', 'Network'].includes(device.HostType),
	);
	const network = registered.filter((device) => device.GroupNames.includes('A5'));
	const linux = registered.filter(
		(device) => device.GroupNames.includes('A4') && !device.GroupNames.includes('A5'),
	);
	const outsiders = registered.filter(
		(device) => !device.GroupNames.some((name) => ['A2', 'A3', 'A4', 'A5'].includes(name)),
	);
	return { network, linux, outsiders };
}

async function add(admin: HubTestClient, body: Record<string, unknown>): Promise<WireInstance> {
	const response = await admin.post('/plannedChangeInstances/add', {
		Description: 'Raised by the test',
		...body,
	});
	expect(response.status).toBe(200);
	expectShape(S.GetPlannedChangesInstancesResponse, response.body);
	return response.body.PlannedChangeInstances[0];
}

async function list(admin: HubTestClient, body: Record<string, unknown> = {}) {
	const response = await admin.post('/plannedChangeInstances', body);
	expect(response.status).toBe(200);
	expectShape(S.GetPlannedChangesInstancesResponse, response.body);
	return response.body.PlannedChangeInstances as WireInstance[];
}

async function wireEvent(admin: HubTestClient, id: string) {
	const response = await admin.post('/events', { EventId: id });
	return response.body.DeviceEvents[0] as {
		Id: string;
		Status: string;
		PlannedChangeStatus: string;
		PlannedChangeId?: string;
		PlannedChangeManual: boolean;
	};
}

async function historyOf(admin: HubTestClient, id: string): Promise<string[]> {
	const response = await admin.get(`/event/history/${id}`);
	return response.body.HistoryItems.map((item: { Message: string }) => item.Message);
}

describe('seeded planned changes', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeAll(async () => ({ hub, admin } = await newHub()));

	it('seeds eight instances with rulesets, change request numbers and ITSM origins, newest start first', async () => {
		const seeded = await list(admin);
		expect(seeded).toHaveLength(8);
		const starts = seeded.map((instance) => Date.parse(instance.StartTimeUtc));
		expect(starts).toEqual([...starts].sort((a, b) => b - a));
		expect(seeded.every((instance) => /^CHG\d{7} - /.test(instance.DisplayName))).toBe(true);
		expect(new Set(seeded.map((instance) => instance.Origin))).toEqual(
			new Set(['servicenow-prod', 'Interactive', 'n8n']),
		);
		const patch = seeded.find((instance) => instance.DisplayName.startsWith('CHG0031245'));
		expect(patch).toMatchObject({
			AssignedTo: 'Priya Patel',
			MemberGroups: ['A3'],
			GroupLookup: [{ Id: 'A3', Name: 'Windows Servers' }],
			MemberAgentDeviceIds: [],
			Disabled: false,
			DisallowRules: false,
			Started: true,
			Ended: true,
			PlannedChangeDisplayName: patch?.DisplayName,
		});
		expect(Object.values(patch?.PlannedChange?.Rules ?? {})).toEqual([
			expect.objectContaining({
				RuleType: 'ListFilter',
				ListFilterAttribute: 'WhoMadeTheChange',
				List: ['CORP\\svc_sccm'],
			}),
		]);
		const switches = seeded.find((instance) => instance.DisplayName.startsWith('CHG0031466'));
		expect(switches?.MemberGroups).toEqual([]);
		expect(switches?.AgentDeviceLookup).toHaveLength(2);
		const ftp = seeded.find((instance) => instance.DisplayName.startsWith('CHG0031290'));
		expect(ftp).toMatchObject({ Disabled: true, DisallowRules: true });
		expect(hub.store.events.plannedChanges).toHaveLength(8);
	});

	it('filters by name, members, state, rules and period; pages and counts', async () => {
		const names = async (body: Record<string, unknown>) =>
			(await list(admin, body)).map((instance) => instance.DisplayName.slice(0, 10));
		expect(await names({ DisplayNameContains: 'patch' })).toEqual(['CHG0031245']);
		expect(await names({ DisplayName: 'chg0031302 - rhel kernel and openssl update' })).toEqual([
			'CHG0031302',
		]);
		expect(await names({ MemberGroups: ['A4'] })).toEqual(['CHG0031302', 'CHG0031088']);
		expect(await names({ MemberGroups: ['A2'] })).toEqual([]);
		const { linux, network } = devices(hub);
		expect(await names({ MemberAgentDeviceIds: [idOf(network[0])] })).toEqual([
			'CHG0031466',
			'CHG0031377',
		]);
		expect(await names({ MemberAgentDeviceIds: [idOf(linux[0])] })).toEqual(
			expect.arrayContaining(['CHG0031302', 'CHG0031088']),
		);
		expect(await names({ ExcludeDisabled: true })).not.toContain('CHG0031290');
		expect(await names({ DisallowRules: true })).toEqual(['CHG0031290']);
		expect(await names({ ExcludeOutOfSchedule: true })).toEqual([]);
		expect(
			await names({ StartDateUtc: '2025-01-10T00:00:00Z', EndDateUtc: '2025-01-13T00:00:00Z' }),
		).toEqual(['CHG0031377', 'CHG0031412']);
		expect(
			await names({ Description: 'Cumulative Update 25 on every SQL Server 2019 instance.' }),
		).toEqual(['CHG0031190']);
		const page = await admin.post('/plannedChangeInstances', {
			Take: 3,
			Skip: 1,
			OmitPlannedChangeDefinitions: true,
			Sort: { DisplayName: 'ASC' },
		});
		expectShape(S.GetPlannedChangesInstancesResponse, page.body);
		expect(page.body).toMatchObject({ Total: 8, Returned: 3 });
		expect(page.body.PlannedChangeInstances[0]).not.toHaveProperty('PlannedChange');
		expect(page.body.PlannedChangeInstances.map((i: WireInstance) => i.DisplayName)).toEqual(
			[...page.body.PlannedChangeInstances.map((i: WireInstance) => i.DisplayName)].sort(),
		);
		const count = await admin.post('/plannedChangeInstances', {
			CountOnly: true,
			GenericFilters: [{ Field: 'Origin', Operator: 'eq', Value: 'servicenow-prod' }],
		});
		expect(count.body).toMatchObject({ PlannedChangeInstances: [], Total: 5, Returned: 0 });
		const byQuery = await admin.get('/plannedChangeInstances', {
			DisplayNameContains: 'sshd',
			ExcludeDisabled: 'true',
		});
		expect(byQuery.body.Total).toBe(1);
	});

	it('lists the rulesets for a dropdown, by display name', async () => {
		const response = await admin.post('/plannedChanges', {});
		expect(response.status).toBe(200);
		expectShape(S.GetPlannedChangesResponse, response.body);
		const names = response.body.PlannedChanges.map((ruleset: { DisplayName: string }) =>
			ruleset.DisplayName.toLowerCase(),
		);
		expect(names).toHaveLength(8);
		expect(names).toEqual([...names].sort());
		const container = await admin.post('/plannedChanges', { DisallowRules: true });
		expect(
			container.body.PlannedChanges.map((r: { DisplayName: string }) => r.DisplayName),
		).toEqual(['CHG0031290 - Decommission legacy FTP server']);
		const byName = await admin.post('/plannedChanges', {
			Name: container.body.PlannedChanges[0].Name,
		});
		expect(byName.body.Total).toBe(1);
		expect((await admin.post('/plannedChanges', { DisplayNameContains: 'tls' })).body.Total).toBe(
			1,
		);
	});

	it('agrees with its own rules: re-evaluating a seeded instance over its window changes no event', async () => {
		const before = JSON.stringify(
			hub.store.events.events.map((event) => [event.Id, event.PlannedChangeId, event.Status]),
		);
		for (const instance of hub.store.events.plannedChanges) {
			const response = await admin.post('/plannedChangeInstances/reevaluateEvents', {
				InstanceId: instance.InstanceId,
			});
			expect(response.status).toBe(204);
		}
		expect(
			JSON.stringify(
				hub.store.events.events.map((event) => [event.Id, event.PlannedChangeId, event.Status]),
			),
		).toBe(before);
	});
});

describe('an instance from request to deletion', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeAll(async () => ({ hub, admin } = await newHub()));

	it('adds, lists, updates, changes members and deletes an instance with its ruleset', async () => {
		const { network, linux } = devices(hub);
		const now = Date.now();
		const created = await add(admin, {
			DisplayName: 'CHG0040100 - Patch the web tier',
			Description: 'Approved by CAB 2025-14',
			Origin: 'n8n',
			AssignedTo: 'Priya Patel',
			MemberGroups: ['a27'],
			MemberAgentDeviceIds: [idOf(linux[0])],
			StartTimeUtc: iso(now - HOUR),
			EndTimeUtc: iso(now + 2 * HOUR),
		});
		expect(created).toMatchObject({
			DisplayName: 'CHG0040100 - Patch the web tier',
			Description: 'Approved by CAB 2025-14',
			Origin: 'n8n',
			AssignedTo: 'Priya Patel',
			MemberGroups: ['A27'],
			GroupLookup: [{ Id: 'A27', Name: 'Web Servers' }],
			MemberAgentDeviceIds: [idOf(linux[0])],
			AgentDeviceLookup: [{ Id: idOf(linux[0]), Name: linux[0].Name }],
			Started: true,
			Ended: false,
			Disabled: false,
			DisallowRules: false,
			PlannedChangeDisplayName: 'CHG0040100 - Patch the web tier',
			PlannedChange: { Rules: {} },
		});
		expect(created.PlannedChangeName).not.toBe(created.InstanceId);
		expect(await list(admin, { DisplayNameContains: 'chg0040100' })).toEqual([created]);
		expect((await list(admin, { ExcludeOutOfSchedule: true })).map((i) => i.InstanceId)).toEqual([
			created.InstanceId,
		]);
		const rulesets = await admin.post('/plannedChanges', { Name: created.PlannedChangeName });
		expect(rulesets.body.PlannedChanges[0]).toMatchObject({
			DisplayName: created.DisplayName,
			Origin: 'n8n',
			Rules: {},
		});

		const updated = await admin.post('/plannedChangeInstances/update', {
			InstanceId: created.InstanceId,
			DisplayName: 'CHG0040100 - Patch the web tier (extended)',
			EndTimeUtc: iso(now + 4 * HOUR),
			MemberGroups: [],
		});
		expect(updated.status).toBe(200);
		expectShape(S.GetPlannedChangesInstancesResponse, updated.body);
		expect(updated.body.PlannedChangeInstances[0]).toMatchObject({
			DisplayName: 'CHG0040100 - Patch the web tier (extended)',
			EndTimeUtc: iso(now + 4 * HOUR),
			StartTimeUtc: created.StartTimeUtc,
			MemberGroups: [],
			MemberAgentDeviceIds: [idOf(linux[0])],
			Origin: 'n8n',
			AssignedTo: 'Priya Patel',
		});

		const addMembers = await admin.post('/plannedChangeInstances/addMembers', {
			InstanceId: created.InstanceId,
			MemberGroups: ['A5', 'A27'],
			MemberAgentDeviceIds: [idOf(network[0]), idOf(linux[0])],
		});
		expect(addMembers.status).toBe(204);
		let [current] = await list(admin, { InstanceIds: [created.InstanceId] });
		expect(current.MemberGroups).toEqual(['A5', 'A27']);
		expect(current.MemberAgentDeviceIds).toEqual([idOf(linux[0]), idOf(network[0])]);

		for (const member of [{ GroupName: 'a5' }, { AgentDeviceId: idOf(linux[0]) }]) {
			const removed = await admin.post('/plannedChangeInstances/deleteMember', {
				InstanceId: created.InstanceId,
				...member,
			});
			expect(removed.status).toBe(204);
		}
		const notMember = await admin.post('/plannedChangeInstances/deleteMember', {
			InstanceId: created.InstanceId,
			GroupName: 'A9',
		});
		expect(notMember.status).toBe(204);
		[current] = await list(admin, { InstanceIds: [created.InstanceId] });
		expect(current.MemberGroups).toEqual(['A27']);
		expect(current.MemberAgentDeviceIds).toEqual([idOf(network[0])]);

		const both = await admin.post('/plannedChangeInstances/deleteMember', {
			InstanceId: created.InstanceId,
			GroupName: 'A27',
			AgentDeviceId: idOf(network[0]),
		});
		expect(both.status).toBe(400);
		expect(errorsOf(both)).toEqual(['AgentDeviceId:Invalid']);
		const neither = await admin.post('/plannedChangeInstances/deleteMember', {
			InstanceId: created.InstanceId,
		});
		expect(errorsOf(neither)).toEqual(['GroupName:NotEmpty']);

		// An event filed under it keeps its id after the deletion.
		const [event] = hub.store.addEvents({ devices: [idOf(network[0])] });
		expect(event.PlannedChangeId).toBe(created.InstanceId);
		const deleted = await admin.post('/plannedChangeInstances/delete', {
			InstanceId: created.InstanceId,
			DeletePlannedChange: true,
		});
		expect(deleted.status).toBe(204);
		expect(await list(admin, { InstanceIds: [created.InstanceId] })).toEqual([]);
		expect(
			(await admin.post('/plannedChanges', { Name: created.PlannedChangeName })).body.Total,
		).toBe(0);
		const page = await admin.post('/events', { EventId: event.Id });
		expect(page.body.DeviceEvents[0].PlannedChangeId).toBe(created.InstanceId);
		expect(page.body.PlannedChanges).toEqual({ [created.InstanceId]: created.InstanceId });
		const again = await admin.post('/plannedChangeInstances/delete', {
			InstanceId: created.InstanceId,
		});
		expect(again.status).toBe(204);
	});

	it('defaults to an open-ended window from now; reuses a named ruleset, which a shared delete keeps', async () => {
		const before = Date.now();
		const open = await add(admin, { DisplayName: 'CHG0040101 - Open-ended' });
		expect(Date.parse(open.StartTimeUtc)).toBeGreaterThanOrEqual(before - 1000);
		expect(open.EndTimeUtc).toBe('9999-12-31T23:59:59.999Z');
		expect(open).toMatchObject({ Started: true, Ended: false, MemberGroups: [] });
		expect(open).not.toHaveProperty('Origin');
		const sibling = await add(admin, {
			DisplayName: 'CHG0040102 - Same ruleset',
			PlannedChangeName: open.PlannedChangeName.toUpperCase(),
		});
		expect(sibling.PlannedChangeName).toBe(open.PlannedChangeName);
		await admin.post('/plannedChangeInstances/delete', {
			InstanceId: open.InstanceId,
			DeletePlannedChange: true,
		});
		expect((await admin.post('/plannedChanges', { Name: open.PlannedChangeName })).body.Total).toBe(
			1,
		);
		const renamed = await admin.post('/plannedChangeInstances/update', {
			InstanceId: sibling.InstanceId,
			Disabled: true,
			DisallowRules: true,
			Started: false,
		});
		expect(renamed.body.PlannedChangeInstances[0]).toMatchObject({
			Disabled: true,
			DisallowRules: true,
			Started: false,
			DisplayName: 'CHG0040102 - Same ruleset',
		});
	});
});

describe('validation', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeAll(async () => ({ hub, admin } = await newHub()));

	it('rejects an add without a name or description, ending before it starts, or with unknown members', async () => {
		const count = hub.store.events.plannedChanges.length;
		const empty = await admin.post('/plannedChangeInstances/add', { DisplayName: '  ' });
		expect(empty.status).toBe(400);
		expectShape(S.ErrorResponse, empty.body);
		expect(empty.body.ResponseStatus).toMatchObject({
			ErrorCode: 'ValidationException',
			Message: "'Display Name' must not be empty.",
		});
		expect(errorsOf(empty)).toEqual(['DisplayName:NotEmpty', 'Description:NotEmpty']);
		const backwards = await admin.post('/plannedChangeInstances/add', {
			DisplayName: 'CHG1',
			Description: 'd',
			StartTimeUtc: '2025-02-01T10:00:00Z',
			EndTimeUtc: '2025-02-01T09:00:00Z',
		});
		expect(errorsOf(backwards)).toEqual(['EndTimeUtc:Invalid']);
		expect(backwards.body.ResponseStatus.Message).toBe(
			"'End Time Utc' must not be before 'Start Time Utc'.",
		);
		const unknown = await admin.post('/plannedChangeInstances/add', {
			DisplayName: 'CHG1',
			Description: 'd',
			MemberGroups: ['A3', 'NoSuchGroup'],
			MemberAgentDeviceIds: ['1,1', '999,999'],
			PlannedChangeName: 'no-such-ruleset',
		});
		expect(errorsOf(unknown)).toEqual([
			'PlannedChangeName:NotFound',
			'MemberGroups:NotFound',
			'MemberAgentDeviceIds:NotFound',
		]);
		const odd = await admin.post('/plannedChangeInstances/add', {
			DisplayName: 'CHG1',
			Description: 'd',
			MemberAgentDeviceIds: ['1'],
			PeriodicityCount: 1,
			PeriodicityUnit: 'Fortnight',
		});
		expect(errorsOf(odd)).toEqual([
			'MemberAgentDeviceIds:Invalid',
			'PeriodicityUnit:Invalid',
			'PeriodicityCount:Invalid',
		]);
		const notADate = await admin.post('/plannedChangeInstances/add', {
			DisplayName: 'CHG1',
			Description: 'd',
			StartTimeUtc: 'next Tuesday',
		});
		expect(notADate.status).toBe(400);
		expect(notADate.body.ResponseStatus.ErrorCode).toBe('RequestBindingException');
		expect(hub.store.events.plannedChanges).toHaveLength(count);
	});

	it('rejects updates and member changes to unknown or invalid targets, changing nothing', async () => {
		const [instance] = hub.store.events.plannedChanges;
		const snapshot = JSON.stringify(instance);
		const missingId = await admin.post('/plannedChangeInstances/update', { DisplayName: 'x' });
		expect(errorsOf(missingId)).toEqual(['InstanceId:NotEmpty']);
		for (const path of ['update', 'addMembers', 'deleteMember', 'reevaluateEvents']) {
			const response = await admin.post(`/plannedChangeInstances/${path}`, {
				InstanceId: 'no-such-instance',
				GroupName: 'A3',
			});
			expect(response.status).toBe(404);
			expect(response.body.ResponseStatus.ErrorCode).toBe('NotFound');
		}
		const backwards = await admin.post('/plannedChangeInstances/update', {
			InstanceId: instance.InstanceId,
			DisplayName: 'renamed',
			EndTimeUtc: iso(Date.parse(instance.StartTimeUtc) - 1),
		});
		expect(errorsOf(backwards)).toEqual(['EndTimeUtc:Invalid']);
		const blank = await admin.post('/plannedChangeInstances/update', {
			InstanceId: instance.InstanceId,
			DisplayName: '',
		});
		expect(errorsOf(blank)).toEqual(['DisplayName:NotEmpty']);
		const members = await admin.post('/plannedChangeInstances/addMembers', {
			InstanceId: instance.InstanceId,
			MemberGroups: ['A4', 'Nope'],
		});
		expect(errorsOf(members)).toEqual(['MemberGroups:NotFound']);
		const window = await admin.post('/plannedChangeInstances/reevaluateEvents', {
			InstanceId: instance.InstanceId,
			EarliestEventTimeUtc: '2025-01-02T00:00:00Z',
			LastEventTimeUtc: '2025-01-01T00:00:00Z',
		});
		expect(errorsOf(window)).toEqual(['LastEventTimeUtc:Invalid']);
		expect(JSON.stringify(instance)).toBe(snapshot);
	});

	it('lets a viewer read planned changes but not change them', async () => {
		const viewer = new HubTestClient(hub.apiUrl);
		await viewer.login('viewer');
		expect((await viewer.post('/plannedChangeInstances')).status).toBe(200);
		expect((await viewer.post('/plannedChanges')).status).toBe(200);
		expect((await viewer.post('/stats/plannedChanges')).status).toBe(200);
		for (const path of [
			'/plannedChangeInstances/add',
			'/plannedChangeInstances/update',
			'/plannedChangeInstances/addMembers',
			'/plannedChangeInstances/deleteMember',
			'/plannedChangeInstances/delete',
			'/plannedChangeInstances/reevaluateEvents',
			'/plannedChangeInstances/addOrUpdateFromEvents',
		]) {
			const response = await viewer.post(path, { DisplayName: 'x' });
			expect(response.status).toBe(403);
			expect(response.body.ResponseStatus.Message).toBe(
				'Invalid Permission: DeviceRegister is required',
			);
		}
	});
});

describe('classification of arriving events', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeAll(async () => ({ hub, admin } = await newHub()));

	it('files events on member devices inside the window under the instance, others Unplanned', async () => {
		const { network, linux, outsiders } = devices(hub);
		const now = Date.now();
		const change = await add(admin, {
			DisplayName: 'CHG0040200 - Switch and Linux patching',
			MemberGroups: ['A5'],
			MemberAgentDeviceIds: [idOf(linux[0])],
			StartTimeUtc: iso(now - HOUR),
			EndTimeUtc: iso(now + HOUR),
		});
		const [byGroup] = hub.store.addEvents({ devices: [idOf(network[1])] });
		const [direct] = hub.store.addEvents({
			devices: [idOf(linux[0])],
			Status: 'UnderInvestigation',
		});
		const [outsider] = hub.store.addEvents({ devices: [idOf(outsiders[0])] });
		const [early] = hub.store.addEvents({ devices: [idOf(linux[0])], dateUtc: now - 2 * HOUR });
		const [otherLinux] = hub.store.addEvents({ devices: [idOf(linux[1])] });
		expect(await wireEvent(admin, byGroup.Id)).toMatchObject({
			Status: 'Planned',
			PlannedChangeStatus: 'Planned',
			PlannedChangeId: change.InstanceId,
			PlannedChangeManual: false,
		});
		expect(await wireEvent(admin, direct.Id)).toMatchObject({
			Status: 'UnderInvestigation',
			PlannedChangeStatus: 'Planned',
			PlannedChangeId: change.InstanceId,
		});
		for (const event of [outsider, early, otherLinux]) {
			const wire = await wireEvent(admin, event.Id);
			expect(wire).toMatchObject({ Status: 'Unplanned', PlannedChangeStatus: 'Unplanned' });
			expect(wire.PlannedChangeId).toBeUndefined();
		}
		expect(await historyOf(admin, byGroup.Id)).toEqual([
			`Matched planned change '${change.DisplayName}'`,
		]);
		const planned = await admin.post('/events', {
			EventFilter: { PlannedChangeIds: [change.InstanceId] },
		});
		expect(planned.body.DeviceEvents.map((event: { Id: string }) => event.Id).sort()).toEqual(
			[byGroup.Id, direct.Id].sort(),
		);
		expect(planned.body.PlannedChanges).toEqual({ [change.InstanceId]: change.DisplayName });
	});

	it('includes sub-groups of a member group; ignores disabled instances and rule-less containers', async () => {
		const { linux } = devices(hub);
		const now = Date.now();
		const window = { StartTimeUtc: iso(now - HOUR), EndTimeUtc: iso(now + HOUR) };
		await add(admin, {
			DisplayName: 'CHG0040201 - Disabled',
			MemberGroups: ['A1'],
			Disabled: true,
			...window,
		});
		await add(admin, {
			DisplayName: 'CHG0040202 - Container',
			MemberGroups: ['A1'],
			DisallowRules: true,
			...window,
		});
		const [none] = hub.store.addEvents({ devices: [idOf(linux[2])] });
		expect(none.PlannedChangeStatus).toBe('Unplanned');
		const servers = await add(admin, {
			DisplayName: 'CHG0040203 - All servers',
			MemberGroups: ['A2'],
			...window,
		});
		expect(servers.MemberGroupsWithInherit).toEqual(
			expect.arrayContaining(['A2', 'A3', 'A4', 'A26', 'A27']),
		);
		const [sub] = hub.store.addEvents({ devices: [idOf(linux[2])] });
		expect(sub.PlannedChangeId).toBe(servers.InstanceId);
	});

	it('applies a periodic schedule and the ruleset the instance names', async () => {
		const { outsiders } = devices(hub);
		const now = Date.now();
		// Every 2 hours for 30 minutes, starting 10 minutes ago: active now, not 45 minutes from now.
		const periodic = await add(admin, {
			DisplayName: 'STD-0007 - Recurring window',
			MemberAgentDeviceIds: [idOf(outsiders[1])],
			StartTimeUtc: iso(now - 10 * 60_000),
			EndTimeUtc: iso(now + 10 * HOUR),
			PeriodicityCount: 2,
			PeriodicityUnit: 'hour',
			PeriodDurationCount: 30,
			PeriodDurationUnit: 'Minute',
		});
		expect(periodic).toMatchObject({ PeriodicityUnit: 'Hour', PeriodDurationUnit: 'Minute' });
		const [inside] = hub.store.addEvents({ devices: [idOf(outsiders[1])] });
		const [outside] = hub.store.addEvents({
			devices: [idOf(outsiders[1])],
			dateUtc: now + 45 * 60_000,
		});
		const [nextPeriod] = hub.store.addEvents({
			devices: [idOf(outsiders[1])],
			dateUtc: now + 2 * HOUR,
		});
		expect([inside, outside, nextPeriod].map((event) => event.PlannedChangeStatus)).toEqual([
			'Planned',
			'Unplanned',
			'Planned',
		]);
		// The seeded Patch Tuesday ruleset: only changes made by CORP\svc_sccm.
		const patch = hub.store.events.plannedChanges[0];
		const windows = outsiders[0];
		const reused = await add(admin, {
			DisplayName: 'CHG0040204 - Out-of-band patch',
			PlannedChangeName: patch.PlannedChangeName,
			MemberAgentDeviceIds: [idOf(windows)],
			StartTimeUtc: iso(now - HOUR),
			EndTimeUtc: iso(now + HOUR),
		});
		const [bySccm] = hub.store.addEvents({
			devices: [idOf(windows)],
			WhoMadeTheChange: 'CORP\\svc_sccm',
		});
		const [byHand] = hub.store.addEvents({
			devices: [idOf(windows)],
			WhoMadeTheChange: 'CORP\\j.smith',
		});
		expect(bySccm.PlannedChangeId).toBe(reused.InstanceId);
		expect(byHand.PlannedChangeStatus).toBe('Unplanned');
	});
});

describe('re-evaluation after a late approval', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeAll(async () => ({ hub, admin } = await newHub()));

	it('files earlier events once the change is approved and re-evaluated; a shorter window takes them out again', async () => {
		const { network, outsiders } = devices(hub);
		const now = Date.now();
		// The work starts before the CR is approved: its events arrive Unplanned.
		const work = hub.store.addEvents({
			count: 4,
			devices: [idOf(network[0])],
			dateUtc: now - 30 * 60_000,
			spreadMs: 60 * 60_000,
		});
		const [elsewhere] = hub.store.addEvents({ devices: [idOf(outsiders[0])], dateUtc: now - HOUR });
		const [before] = hub.store.addEvents({ devices: [idOf(network[0])], dateUtc: now - 3 * HOUR });
		expect(work.every((event) => event.PlannedChangeStatus === 'Unplanned')).toBe(true);
		const change = await add(admin, {
			DisplayName: 'CHG0040300 - Emergency switch fix (approved retrospectively)',
			MemberGroups: ['A5'],
			StartTimeUtc: iso(now - 2 * HOUR),
			EndTimeUtc: iso(now + HOUR),
		});
		// Adding the instance reclassifies nothing by itself.
		expect((await wireEvent(admin, work[0].Id)).PlannedChangeStatus).toBe('Unplanned');

		const manual: EventRecord = hub.store.addEvents({
			devices: [idOf(outsiders[1])],
			dateUtc: now - HOUR,
		})[0];
		await admin.post('/acknowledgeEvents', {
			EventIds: [manual.Id],
			NewStatus: 'Planned',
			PlannedChangeId: change.InstanceId,
		});
		const response = await admin.post('/plannedChangeInstances/reevaluateEvents', {
			InstanceId: change.InstanceId,
		});
		expect(response.status).toBe(204);
		expect(response.text).toBe('');
		for (const event of work)
			expect(await wireEvent(admin, event.Id)).toMatchObject({
				Status: 'Planned',
				PlannedChangeStatus: 'Planned',
				PlannedChangeId: change.InstanceId,
				PlannedChangeManual: false,
			});
		expect((await wireEvent(admin, elsewhere.Id)).PlannedChangeStatus).toBe('Unplanned');
		expect((await wireEvent(admin, before.Id)).PlannedChangeStatus).toBe('Unplanned');
		expect(await historyOf(admin, work[0].Id)).toEqual([
			`Matched planned change '${change.DisplayName}' on re-evaluation by admin`,
		]);
		const stats = await admin.post('/stats/events', {
			StartUtc: iso(now - 2 * HOUR),
			EndUtc: iso(now + 1000),
			ReturnAsSingleResult: true,
			DeviceFilter: { AgentDeviceIds: [idOf(network[0])] },
		});
		expect(stats.body).toMatchObject({ PlannedTotal: 4, UnplannedTotal: 0 });

		// The window is cut to the last hour: the events a rule filed earlier leave; the one filed by hand stays.
		await admin.post('/plannedChangeInstances/update', {
			InstanceId: change.InstanceId,
			StartTimeUtc: iso(now - 60 * 60_000),
		});
		await admin.post('/plannedChangeInstances/reevaluateEvents', {
			InstanceId: change.InstanceId,
			EarliestEventTimeUtc: iso(now - 4 * HOUR),
		});
		const statuses = await Promise.all(work.map((event) => wireEvent(admin, event.Id)));
		expect(statuses.map((event) => event.PlannedChangeStatus)).toEqual([
			'Unplanned',
			'Unplanned',
			'Planned',
			'Planned',
		]);
		expect(statuses[0]).toMatchObject({ Status: 'Unplanned' });
		expect((await historyOf(admin, work[0].Id)).at(-1)).toBe(
			`Removed from planned change '${change.DisplayName}' on re-evaluation by admin`,
		);
		expect(await wireEvent(admin, manual.Id)).toMatchObject({
			PlannedChangeId: change.InstanceId,
			PlannedChangeManual: true,
		});
		// PlannedChangeManual: true re-checks the events filed by hand, which the rules do not match.
		await admin.post('/plannedChangeInstances/reevaluateEvents', {
			InstanceId: change.InstanceId,
			EarliestEventTimeUtc: iso(now - 4 * HOUR),
			PlannedChangeManual: true,
		});
		expect(await wireEvent(admin, manual.Id)).toMatchObject({
			PlannedChangeStatus: 'Unplanned',
			PlannedChangeManual: false,
		});
		expect((await wireEvent(admin, work[3].Id)).PlannedChangeStatus).toBe('Planned');
	});
});

describe('approving events with /plannedChangeInstances/addOrUpdateFromEvents', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeAll(async () => ({ hub, admin } = await newHub()));

	it('previews a new planned change from events without changing anything, then creates it', async () => {
		const { outsiders } = devices(hub);
		const now = Date.now();
		const [first, second] = [
			hub.store.addEvents({
				devices: [idOf(outsiders[0])],
				dateUtc: now - 40 * 60_000,
				TrackerTypeName: 'filetracker',
				ItemTypeName: 'File',
				ItemName: 'C:\\inetpub\\wwwroot\\web.config',
			})[0],
			hub.store.addEvents({ devices: [idOf(outsiders[1])], dateUtc: now - 10 * 60_000 })[0],
		];
		const request = {
			InstanceId: 'b0c1f0de-0000-4000-a000-000000000001',
			Name: 'CHG0040400 - Approved after the fact',
			Origin: 'servicenow-prod',
			RuleBuilderItems: [
				{
					EventIds: [first.Id],
					PlannedChangeFilterRuleInferenceOptions: {
						FilterByTracker: true,
						FilterByItemValue: true,
						ItemValueTextMatchOperator: 'endswith',
						ItemValueToMatch: 'web.config',
					},
				},
				{ EventType: 'DeviceEvent', EventIds: [second.Id] },
			],
			PreviewOnly: true,
		};
		const preview = await admin.post('/plannedChangeInstances/addOrUpdateFromEvents', request);
		expect(preview.status).toBe(200);
		expectShape(S.AddOrUpdatePlannedChangeInstanceFromEventsResponse, preview.body);
		expect(preview.body.IsPreview).toBe(true);
		expect(preview.body.PlannedChangeInstance).toMatchObject({
			InstanceId: request.InstanceId,
			DisplayName: request.Name,
			PlannedChangeName: request.Name,
			Origin: 'servicenow-prod',
			StartTimeUtc: first.DateUtc,
			EndTimeUtc: '9999-12-31T23:59:59.999Z',
			MemberAgentDeviceIds: [idOf(outsiders[0]), idOf(outsiders[1])],
		});
		expect(preview.body.PlannedChange.Rules).toEqual({
			'1': expect.objectContaining({
				RuleType: 'Filter',
				TrackerTypeName: 'filetracker',
				NameMatchText: 'web.config',
				NameMatchOperator: 'EndsWith',
				Description: "Tracker is filetracker and Name EndsWith 'web.config'",
			}),
		});
		expect(await list(admin, { InstanceIds: [request.InstanceId] })).toEqual([]);
		expect((await wireEvent(admin, first.Id)).PlannedChangeStatus).toBe('Unplanned');

		const created = await admin.post('/plannedChangeInstances/addOrUpdateFromEvents', {
			...request,
			PreviewOnly: false,
		});
		expect(created.status).toBe(200);
		expectShape(S.AddOrUpdatePlannedChangeInstanceFromEventsResponse, created.body);
		expect(created.body.IsPreview).toBe(false);
		const [listed] = await list(admin, { InstanceIds: [request.InstanceId] });
		expect(listed).toMatchObject({
			PlannedChangeName: request.Name,
			MemberAgentDeviceIds: [idOf(outsiders[0]), idOf(outsiders[1])],
		});
		for (const event of [first, second])
			expect(await wireEvent(admin, event.Id)).toMatchObject({
				Status: 'Planned',
				PlannedChangeStatus: 'Planned',
				PlannedChangeId: request.InstanceId,
				PlannedChangeManual: true,
			});
		expect(await historyOf(admin, first.Id)).toEqual([
			`Added to planned change '${request.Name}' by admin`,
		]);
		const manual = await admin.post('/events', { EventFilter: { PlannedChangeManual: true } });
		expect(manual.body.Total).toBe(2);

		// Its rule now plans matching changes on its devices by itself; others stay Unplanned.
		const [again] = hub.store.addEvents({
			devices: [idOf(outsiders[0])],
			TrackerTypeName: 'filetracker',
			ItemName: 'D:\\sites\\shop\\web.config',
		});
		const [different] = hub.store.addEvents({
			devices: [idOf(outsiders[0])],
			TrackerTypeName: 'filetracker',
			ItemName: 'C:\\Windows\\win.ini',
		});
		expect(again).toMatchObject({
			PlannedChangeId: request.InstanceId,
			PlannedChangeManual: false,
		});
		expect(different.PlannedChangeStatus).toBe('Unplanned');
	});

	it('adds events, members and rules to an existing instance, or all the events a query selects', async () => {
		const { network, linux } = devices(hub);
		const now = Date.now();
		const change = await add(admin, {
			DisplayName: 'CHG0040401 - Existing change',
			MemberGroups: ['A5'],
			StartTimeUtc: iso(now - HOUR),
			EndTimeUtc: iso(now + HOUR),
		});
		const stray = hub.store.addEvents({
			count: 3,
			devices: [idOf(linux[0])],
			dateUtc: now - 5 * 60_000,
		});
		const response = await admin.post('/plannedChangeInstances/addOrUpdateFromEvents', {
			InstanceId: change.InstanceId,
			UpdateExisting: true,
			MemberAgentDeviceIds: [idOf(linux[0])],
			AllEventsSelected: true,
			EventsQuery: { EventFilter: { EventIds: stray.slice(0, 2).map((event) => event.Id) } },
			RuleBuilderItems: [
				{
					EventIds: [stray[2].Id],
					PlannedChangeFilterRuleInferenceOptions: { FilterByItemType: true },
				},
			],
			EndDateUtc: iso(now + 3 * HOUR),
		});
		expect(response.status).toBe(200);
		expectShape(S.AddOrUpdatePlannedChangeInstanceFromEventsResponse, response.body);
		expect(response.body.PlannedChangeInstance).toMatchObject({
			InstanceId: change.InstanceId,
			DisplayName: change.DisplayName,
			MemberGroups: ['A5'],
			MemberAgentDeviceIds: [idOf(linux[0])],
			EndTimeUtc: iso(now + 3 * HOUR),
		});
		expect(Object.values(response.body.PlannedChange.Rules)).toEqual([
			expect.objectContaining({ ItemTypeName: stray[2].ItemTypeName }),
		]);
		for (const event of stray)
			expect((await wireEvent(admin, event.Id)).PlannedChangeId).toBe(change.InstanceId);
		// Now with a rule, the instance plans only changes of that item type on its network devices.
		const [other] = hub.store.addEvents({
			devices: [idOf(network[0])],
			ItemTypeName: 'NoSuchType',
		});
		expect(other.PlannedChangeStatus).toBe('Unplanned');
	});

	it('rejects missing ids and names, taken ids, unknown events and instances, changing nothing', async () => {
		const { outsiders } = devices(hub);
		const [event] = hub.store.addEvents({ devices: [idOf(outsiders[0])] });
		const existing = hub.store.events.plannedChanges[0];
		const count = hub.store.events.plannedChanges.length;
		const send = (body: Record<string, unknown>) =>
			admin.post('/plannedChangeInstances/addOrUpdateFromEvents', body);
		expect(errorsOf(await send({ Name: 'x' }))).toEqual(['InstanceId:NotEmpty']);
		expect(errorsOf(await send({ InstanceId: 'new-1' }))).toEqual(['Name:NotEmpty']);
		expect(errorsOf(await send({ InstanceId: existing.InstanceId, Name: 'x' }))).toEqual([
			'InstanceId:AlreadyExists',
		]);
		expect(
			errorsOf(
				await send({
					InstanceId: 'new-1',
					Name: 'x',
					RuleBuilderItems: [{ EventIds: [event.Id, 'ffffffff0000000000000000'] }],
				}),
			),
		).toEqual(['RuleBuilderItems:NotFound']);
		expect(
			errorsOf(await send({ InstanceId: 'new-1', Name: 'x', AllEventsSelected: true })),
		).toEqual(['EventsQuery:NotEmpty']);
		const missing = await send({ InstanceId: 'no-such-instance', UpdateExisting: true });
		expect(missing.status).toBe(404);
		expect(hub.store.events.plannedChanges).toHaveLength(count);
		expect((await wireEvent(admin, event.Id)).PlannedChangeStatus).toBe('Unplanned');
	});
});

describe('/stats/plannedChanges', () => {
	let hub: HubEmulator;
	let admin: HubTestClient;
	beforeAll(async () => ({ hub, admin } = await newHub()));

	it('summarises the enabled planned changes around now, with their closure and member counts', async () => {
		const { network, linux } = devices(hub);
		const now = Date.now();
		const at = (from: number, to: number) => ({
			StartTimeUtc: iso(now + from * HOUR),
			EndTimeUtc: iso(now + to * HOUR),
		});
		const open = await add(admin, {
			DisplayName: 'CHG0040500 - Open',
			MemberGroups: ['A5'],
			MemberAgentDeviceIds: [idOf(linux[0])],
			...at(-1, 1),
		});
		const soon = await add(admin, {
			DisplayName: 'CHG0040501 - Soon',
			MemberGroups: ['A4'],
			...at(3, 5),
		});
		const done = await add(admin, {
			DisplayName: 'CHG0040502 - Done',
			MemberGroups: ['A4'],
			...at(-5, -2),
		});
		await add(admin, {
			DisplayName: 'CHG0040503 - Next week',
			MemberGroups: ['A4'],
			...at(150, 152),
		});
		await add(admin, {
			DisplayName: 'CHG0040504 - Disabled',
			MemberGroups: ['A4'],
			Disabled: true,
			...at(-1, 1),
		});
		const response = await admin.post('/stats/plannedChanges', {});
		expect(response.status).toBe(200);
		expectShape(S.GetCurrentPlannedChangesResponse, response.body);
		expect(response.body.PlannedChanges).toEqual([
			expect.objectContaining({
				Name: done.DisplayName,
				Closure: 'Closed',
				PlannedChangeId: done.InstanceId,
			}),
			expect.objectContaining({
				Name: open.DisplayName,
				Closure: 'Open',
				GroupsInPlannedChange: 1,
				DevicesInPlannedChange: network.length + 1,
			}),
			expect.objectContaining({ Name: soon.DisplayName, Closure: 'Scheduled' }),
		]);
		const hour = await admin.get('/stats/plannedChanges/hours/1');
		expect(hour.status).toBe(200);
		expect(hour.body.PlannedChanges.map((summary: { Name: string }) => summary.Name)).toEqual([
			open.DisplayName,
		]);
		expect(hub.requests('/stats/plannedChanges')).toHaveLength(2);
		const byDevice = await admin.post('/stats/plannedChanges', {
			DeviceFilter: { AgentDeviceIds: [idOf(network[0])] },
		});
		expect(byDevice.body.PlannedChanges.map((summary: { Name: string }) => summary.Name)).toEqual([
			open.DisplayName,
		]);
		const page = await admin.post('/stats/plannedChanges', { Take: 1, Sort: { Name: 'DESC' } });
		expect(page.body.PlannedChanges.map((summary: { Name: string }) => summary.Name)).toEqual([
			done.DisplayName,
		]);
	});
});
