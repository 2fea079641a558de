import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { startHub, type HubEmulator } from '../hub';
import type { DeviceRecord } from '../hub/types';
import { CredentialStore, hubCredential, runWorkflow, singleNodeWorkflow } from '../harness';
import { bodies, byId, byName, idOf } from './requestBodies';

const NODE = 'Change Tracker';
const HOUR = 3600_000;

const plannedChange = (
	operation: string,
	parameters: IDataObject,
	options?: { continueOnFail?: boolean },
) => singleNodeWorkflow({ resource: 'plannedChange', operation, ...parameters }, options);
const iso = (ms: number) => new Date(ms).toISOString();
const rows = (list: IDataObject[]): INodeExecutionData[] => list.map((json) => ({ json }));

function registered(hub: HubEmulator): DeviceRecord[] {
	return hub.store.agents.filter(
		(device) =>
			device.Registered && !device.Deleted && ['Windows', 'Unix'].includes(device.HostType),
	);
}

describe('Planned Change through n8n-core', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 40, events: 200 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url, { hubLabel: 'EMEA' })]);
	});

	const createParameters = (extra: IDataObject = {}): IDataObject => ({
		displayName: 'CHG0040100 - Patch the web tier',
		description: 'Monthly patching',
		assignedTo: 'Priya Patel',
		startTime: '2030-01-10T09:00:00Z',
		scheduleEnd: 'endTime',
		endTime: '2030-01-10T11:00:00Z',
		...extra,
	});

	it('Create sends exactly the fields given, resolves device names, and a re-run with Skip creates nothing', async () => {
		const [first, second] = registered(hub);
		const parameters = createParameters({
			memberDevices: { devices: [{ device: byName(first.Name.toLowerCase()) }] },
			memberDeviceList: idOf(second),
			memberGroups: ['Windows Servers'],
			ifExists: 'skip',
		});
		const run = await runWorkflow(plannedChange('create', parameters), { store });
		expect(run.error).toBeUndefined();
		expect(bodies(hub, '/plannedChangeInstances/add')).toEqual([
			{
				DisplayName: 'CHG0040100 - Patch the web tier',
				Description: 'Monthly patching',
				Origin: 'n8n',
				AssignedTo: 'Priya Patel',
				StartTimeUtc: '2030-01-10T09:00:00.000Z',
				EndTimeUtc: '2030-01-10T11:00:00.000Z',
				MemberGroups: ['A3'],
				MemberAgentDeviceIds: [idOf(first), idOf(second)],
			},
		]);
		const [created] = run.json(NODE);
		expect(created).toMatchObject({
			hub: 'EMEA',
			displayName: 'CHG0040100 - Patch the web tier',
			origin: 'n8n',
			assignedTo: 'Priya Patel',
			start: '2030-01-10T09:00:00.000Z',
			end: '2030-01-10T11:00:00.000Z',
			activeNow: false,
			disabled: false,
			memberDevices: [
				{ agentDeviceId: idOf(first), name: first.Name },
				{ agentDeviceId: idOf(second), name: second.Name },
			],
			memberGroups: [{ name: 'A3', displayName: 'Windows Servers' }],
			result: 'created',
		});

		hub.reset();
		const again = await runWorkflow(plannedChange('create', parameters), { store });
		expect(again.error).toBeUndefined();
		expect(bodies(hub, '/plannedChangeInstances/add')).toHaveLength(0);
		expect(again.json(NODE)[0]).toMatchObject({ id: created.id, result: 'existing' });
		expect(
			hub.store.events.plannedChanges.filter((c) => c.DisplayName === parameters.displayName),
		).toHaveLength(1);
	});

	it('Create with If It Exists = Update sends only what differs; Error fails naming the field', async () => {
		const first = await runWorkflow(plannedChange('create', createParameters()), { store });
		const id = first.json(NODE)[0].id as string;
		hub.reset();
		const updated = await runWorkflow(
			plannedChange(
				'create',
				createParameters({ endTime: '2030-01-10T12:00:00Z', ifExists: 'update' }),
			),
			{ store },
		);
		expect(updated.error).toBeUndefined();
		expect(bodies(hub, '/plannedChangeInstances/update')).toEqual([
			{ InstanceId: id, EndTimeUtc: '2030-01-10T12:00:00.000Z' },
		]);
		expect(updated.json(NODE)[0]).toMatchObject({
			id,
			end: '2030-01-10T12:00:00.000Z',
			result: 'updated',
			changedFields: ['end'],
		});
		const failed = await runWorkflow(
			plannedChange('create', createParameters({ ifExists: 'error' })),
			{ store },
		);
		expect(failed.error?.message).toMatch(
			/^Display Name: a planned change named .* already exists/,
		);
	});

	it('Create: a 503 after the Hub applied the add is reported as created with a note, once', async () => {
		const lost = hub.faults.add({
			route: '/plannedChangeInstances/add',
			times: 1,
			transform: () => ({
				status: 503,
				body: { ResponseStatus: { ErrorCode: 'ServiceUnavailable', Message: 'proxy timeout' } },
				headers: { 'Retry-After': '0' },
			}),
		});
		const run = await runWorkflow(plannedChange('create', createParameters()), { store });
		expect(run.error).toBeUndefined();
		expect(lost.hits).toBe(1);
		expect(bodies(hub, '/plannedChangeInstances/add')).toHaveLength(1);
		expect(
			hub.store.events.plannedChanges.filter((c) => c.DisplayName.startsWith('CHG0040100')),
		).toHaveLength(1);
		expect(run.json(NODE)[0]).toMatchObject({
			result: 'created',
			note: expect.stringMatching(/^The Hub answered that this planned change already exists/),
		});
	});

	it('unknown device names, an unknown group, an empty display name and End before Start fail naming the field; nothing is written', async () => {
		const cases: Array<[IDataObject, RegExp]> = [
			[
				{ memberDeviceList: 'NO-SUCH-HOST; OTHER-MISSING' },
				/^Devices: the Hub has no device "NO-SUCH-HOST", "OTHER-MISSING"/,
			],
			[{ memberGroups: ['No Such Group'] }, /^Groups: "No Such Group" is not a group/],
			[{ displayName: '  ' }, /^Display Name: is empty/],
			[{ endTime: '2030-01-10T08:00:00Z' }, /^End: 2030-01-10T08:00:00.000Z is before Start/],
		];
		for (const [extra, message] of cases) {
			const run = await runWorkflow(plannedChange('create', createParameters(extra)), { store });
			expect(run.error?.message).toMatch(message);
		}
		expect(bodies(hub, '/plannedChangeInstances/add')).toHaveLength(0);
	});

	it('Get, Get Many with filters, Update (only what is given), End Now and Delete', async () => {
		const created = await runWorkflow(plannedChange('create', createParameters()), { store });
		const id = created.json(NODE)[0].id as string;
		hub.reset();

		const got = await runWorkflow(plannedChange('get', { plannedChange: byId(id) }), { store });
		expect(got.json(NODE)).toEqual([
			expect.objectContaining({ id, displayName: expect.any(String) }),
		]);
		const missing = await runWorkflow(plannedChange('get', { plannedChange: byId('no-such-id') }), {
			store,
		});
		expect(missing.error?.message).toMatch(
			/^Planned Change: the Hub has no planned change with ID/,
		);

		hub.reset();
		const many = await runWorkflow(
			plannedChange('getAll', {
				returnAll: true,
				filters: {
					displayNameContains: 'chg00401',
					excludeDisabled: true,
					windowStart: '2030-01-01T00:00:00Z',
					windowEnd: '2030-02-01T00:00:00Z',
				},
			}),
			{ store },
		);
		expect(bodies(hub, '/plannedChangeInstances')).toEqual([
			{
				DisplayNameContains: 'chg00401',
				ExcludeDisabled: true,
				StartDateUtc: '2030-01-01T00:00:00.000Z',
				EndDateUtc: '2030-02-01T00:00:00.000Z',
				OmitPlannedChangeDefinitions: true,
				Skip: 0,
				Take: 500,
			},
		]);
		expect(many.json(NODE).map((item) => item.id)).toEqual([id]);
		const seeded = await runWorkflow(
			plannedChange('getAll', { returnAll: false, limit: 3, filters: { memberGroups: ['A4'] } }),
			{ store },
		);
		expect(seeded.json(NODE).map((item) => (item.displayName as string).slice(0, 10))).toEqual([
			'CHG0031302',
			'CHG0031088',
		]);

		hub.reset();
		const updated = await runWorkflow(
			plannedChange('update', {
				plannedChange: byId(id),
				updateFields: { assignedTo: 'Sam Lee', disabled: true },
			}),
			{ store },
		);
		expect(updated.error).toBeUndefined();
		expect(bodies(hub, '/plannedChangeInstances/update')).toEqual([
			{ InstanceId: id, AssignedTo: 'Sam Lee', Disabled: true },
		]);
		expect(updated.json(NODE)[0]).toMatchObject({
			assignedTo: 'Sam Lee',
			disabled: true,
			description: 'Monthly patching',
			start: '2030-01-10T09:00:00.000Z',
		});
		const badWindow = await runWorkflow(
			plannedChange('update', {
				plannedChange: byId(id),
				updateFields: { endTime: '2030-01-09T00:00:00Z' },
			}),
			{ store },
		);
		expect(badWindow.error?.message).toMatch(/^End: .* is before the current Start/);

		hub.reset();
		const ended = await runWorkflow(plannedChange('endNow', { plannedChange: byId(id) }), {
			store,
		});
		// The window has not started: it ends at its start (no End before Start on the Hub).
		expect(bodies(hub, '/plannedChangeInstances/update')).toEqual([
			{ InstanceId: id, EndTimeUtc: '2030-01-10T09:00:00.000Z' },
		]);
		expect(ended.json(NODE)[0]).toMatchObject({
			end: '2030-01-10T09:00:00.000Z',
			alreadyEnded: false,
		});

		hub.reset();
		const deleted = await runWorkflow(
			plannedChange('delete', { plannedChange: byId(id), deleteRuleset: true }),
			{ store },
		);
		expect(bodies(hub, '/plannedChangeInstances/delete')).toEqual([
			{ InstanceId: id, DeletePlannedChange: true },
		]);
		expect(deleted.json(NODE)[0]).toMatchObject({ id, deleted: true, existed: true });
		const again = await runWorkflow(plannedChange('delete', { plannedChange: byId(id) }), {
			store,
		});
		expect(again.json(NODE)[0]).toMatchObject({ deleted: false, existed: false });
		expect(bodies(hub, '/plannedChangeInstances/delete')).toHaveLength(1);
	});

	it('Add Members and Remove Members are idempotent; removal sends one request per member', async () => {
		const [first, second, third] = registered(hub);
		const created = await runWorkflow(
			plannedChange('create', createParameters({ memberDeviceList: idOf(first) })),
			{ store },
		);
		const id = created.json(NODE)[0].id as string;
		hub.reset();
		const added = await runWorkflow(
			plannedChange('addMembers', {
				plannedChange: byId(id),
				memberDeviceList: [idOf(first), second.Name],
				memberGroups: ['A3'],
			}),
			{ store },
		);
		expect(bodies(hub, '/plannedChangeInstances/addMembers')).toEqual([
			{ InstanceId: id, MemberGroups: ['A3'], MemberAgentDeviceIds: [idOf(second)] },
		]);
		expect(added.json(NODE)[0]).toMatchObject({
			added: [idOf(second), 'A3'],
			alreadyMembers: [idOf(first)],
		});
		hub.reset();
		const removed = await runWorkflow(
			plannedChange('removeMembers', {
				plannedChange: byId(id),
				memberDeviceList: [idOf(first), idOf(second), idOf(third)],
				memberGroups: ['A3'],
			}),
			{ store },
		);
		expect(bodies(hub, '/plannedChangeInstances/deleteMember')).toEqual([
			{ InstanceId: id, AgentDeviceId: idOf(first) },
			{ InstanceId: id, AgentDeviceId: idOf(second) },
			{ InstanceId: id, GroupName: 'A3' },
		]);
		expect(removed.json(NODE)[0]).toMatchObject({
			memberDevices: [],
			memberGroups: [],
			removed: [idOf(first), idOf(second), 'A3'],
			notMembers: [idOf(third)],
		});
	});

	it('files events inside the window on members as Planned, others Unplanned; Re-evaluate re-classifies; Approve Events previews, then files', async () => {
		const [member, other] = registered(hub);
		const now = Date.now();
		const created = await runWorkflow(
			plannedChange('create', {
				displayName: 'CHG0040200 - Hotfix',
				description: 'Emergency hotfix',
				startTime: iso(now - HOUR),
				scheduleEnd: 'duration',
				durationHours: 2,
				memberDevices: { devices: [{ device: byId(idOf(member)) }] },
			}),
			{ store },
		);
		const instance = created.json(NODE)[0];
		expect(instance).toMatchObject({ activeNow: true, end: iso(now + HOUR) });
		const id = instance.id as string;

		const [inside] = hub.store.addEvents({ devices: [idOf(member)] });
		const [notMember] = hub.store.addEvents({ devices: [idOf(other)] });
		const [before] = hub.store.addEvents({ devices: [idOf(member)], dateUtc: now - 3 * HOUR });
		const status = (eventId: string) => hub.store.events.find(eventId)!;
		expect(status(inside.Id)).toMatchObject({
			PlannedChangeStatus: 'Planned',
			PlannedChangeId: id,
		});
		expect(status(notMember.Id).PlannedChangeStatus).toBe('Unplanned');
		expect(status(before.Id).PlannedChangeStatus).toBe('Unplanned');

		// Widened after the fact: the late approval re-classifies the earlier change only on Re-evaluate.
		await runWorkflow(
			plannedChange('update', {
				plannedChange: byId(id),
				updateFields: { startTime: iso(now - 4 * HOUR) },
			}),
			{ store },
		);
		expect(status(before.Id).PlannedChangeStatus).toBe('Unplanned');
		hub.reset();
		const reevaluated = await runWorkflow(
			plannedChange('reevaluateEvents', { plannedChange: byId(id) }),
			{ store },
		);
		expect(reevaluated.error).toBeUndefined();
		expect(bodies(hub, '/plannedChangeInstances/reevaluateEvents')).toEqual([{ InstanceId: id }]);
		expect(status(before.Id)).toMatchObject({
			PlannedChangeStatus: 'Planned',
			PlannedChangeId: id,
		});
		expect(status(notMember.Id).PlannedChangeStatus).toBe('Unplanned');

		const approve = (previewOnly: boolean) =>
			runWorkflow(
				plannedChange('approveEvents', {
					plannedChange: byId(id),
					eventIds: '={{ $json.id }}',
					previewOnly,
				}),
				{ store, input: rows([{ id: notMember.Id }]) },
			);
		hub.reset();
		const preview = await approve(true);
		expect(preview.error).toBeUndefined();
		expect(bodies(hub, '/plannedChangeInstances/addOrUpdateFromEvents')).toEqual([
			{
				InstanceId: id,
				UpdateExisting: true,
				RuleBuilderItems: [
					{
						EventType: 'DeviceEvent',
						EventIds: [notMember.Id],
						PlannedChangeFilterRuleInferenceOptions: {},
					},
				],
				PreviewOnly: true,
			},
		]);
		expect(preview.json(NODE)[0]).toMatchObject({
			preview: true,
			approvedEventIds: [notMember.Id],
		});
		expect(status(notMember.Id).PlannedChangeStatus).toBe('Unplanned');
		const real = await approve(false);
		expect(real.json(NODE)[0]).toMatchObject({ preview: false });
		expect(status(notMember.Id)).toMatchObject({
			PlannedChangeStatus: 'Planned',
			PlannedChangeId: id,
			PlannedChangeManual: true,
		});
	});
});
