/**
 * What `npm run test:n8n` runs in the real n8n, in this order: each scenario names a workflow in
 * test/n8n/workflows/ and checks the run's output and what the Hub emulator received. Order matters: the
 * first run logs in and the second must reuse the session n8n stored in its database.
 */
import { strict as assert } from 'node:assert';

import type { HubEmulator, HubStats, RequestLogEntry } from '../hub';
import { DEFAULT_USERS } from '../hub';
import { averageScore, complianceOf } from '../hub/compliance';
import type { Execution } from './n8nCli';

/** Below the node's default page size (500), so Return All must walk several capped pages. */
export const TAKE_CAP = 7;

/** Agents the trigger's manual test run returns (nodes/NetwrixChangeTrackerTrigger/pollFleet.ts SAMPLE_SIZE). */
const SAMPLE_SIZE = 10;

/** Values the credential and workflow templates refer to as @@name@@. */
export interface SuiteValues {
	hubUrl: string;
	adminPassword: string;
	wrongPassword: string;
	proxyAgentDeviceId: string;
	deviceName: string;
	credentialKey: string;
	groupName: string;
	groupDisplayName: string;
	/** A live device that is not a direct member of the group (groupName): Group › Add Members adds it. */
	newMemberId: string;
	credentialKeyNew: string;
	credentialPassword: string;
	rotatedPassword: string;
	lockoutPassword: string;
	changeRequest: string;
}

export function suiteValues(hub: HubEmulator): SuiteValues {
	const admin = DEFAULT_USERS.find((user) => user.userName === 'admin');
	const proxy = hub.store.agents.find(
		(agent) =>
			agent.CanProxy &&
			!agent.Deleted &&
			!agent.IsProxied &&
			agent.AgentDevice.AgentId === agent.AgentDevice.DeviceId,
	);
	const group = hub.store.groups.find(
		(candidate) => !candidate.IsSystem && (candidate.GroupType & 2) !== 0,
	);
	const credential = hub.store.credentials.find(
		(candidate) => candidate.CredentialType === 'Shell',
	);
	const outsider = group
		? hub.store.agents.find(
				(agent) => agent.Registered && !agent.Deleted && !agent.GroupNames.includes(group.Name),
			)
		: undefined;
	assert.ok(
		admin && proxy && group && credential && outsider,
		'the seeded Hub lacks an admin user, a proxy agent, a device group, a device outside it or a Shell credential',
	);
	return {
		hubUrl: hub.url,
		adminPassword: admin.password,
		wrongPassword: 'Not-The-Pa55word!',
		proxyAgentDeviceId: `${proxy.AgentDevice.AgentId},${proxy.AgentDevice.DeviceId}`,
		deviceName: 'E2E-SW-0042',
		credentialKey: credential.Key,
		groupName: group.Name,
		groupDisplayName: group.DisplayName,
		newMemberId: `${outsider.AgentDevice.AgentId},${outsider.AgentDevice.DeviceId}`,
		credentialKeyNew: 'E2E-Rotated-Shell',
		credentialPassword: 'E2E-Initial-S3cret!',
		rotatedPassword: 'E2E-Rotated-S3cret!',
		lockoutPassword: 'E2E-Lockout-Wr0ng!',
		changeRequest: 'CHG0077001',
	};
}

/** Secrets that must never appear in anything n8n prints. */
export function secretsOf(values: SuiteValues): string[] {
	return [
		values.adminPassword,
		values.wrongPassword,
		values.credentialPassword,
		values.rotatedPassword,
		values.lockoutPassword,
	];
}

export interface ScenarioContext {
	execution: Execution;
	hub: HubEmulator;
	values: SuiteValues;
	/** Emulator counters for this scenario alone. */
	stats: HubStats;
	/** Requests the emulator received during this scenario, for one route. */
	requests(route: string): RequestLogEntry[];
}

export interface Scenario {
	name: string;
	/** File name in test/n8n/workflows/, without .json. */
	workflow: string;
	/** Run it as the editor does ("manual" mode, through a running n8n's REST API) from this trigger node; default `n8n execute`. */
	manualFrom?: string;
	check(context: ScenarioContext): void;
}

function succeeded({ execution }: ScenarioContext): void {
	const { code, signal } = execution.result;
	assert.equal(code, 0, `n8n execute exited with ${code}${signal ? ` (ended by ${signal})` : ''}`);
	assert.ok(execution.run, 'n8n printed no execution record');
	// n8n 1.85's CLI prints the record before it sets the final status: "running", with finished: true.
	if (execution.run.status === 'running') assert.equal(execution.run.finished, true, 'finished');
	else assert.equal(execution.run.status, 'success');
	assert.equal(execution.run.data.resultData.error, undefined, 'the run recorded an error');
}

const plannedChangesNamed = (hub: HubEmulator, changeRequest: string) =>
	hub.store.events.plannedChanges.filter((change) => change.DisplayName.startsWith(changeRequest));

const liveAgents = (hub: HubEmulator) => hub.store.agents.filter((agent) => !agent.Deleted);

const devicesNamed = (hub: HubEmulator, name: string) =>
	hub.store.agents.filter(
		(agent) => !agent.Deleted && agent.DeviceName.toLowerCase() === name.toLowerCase(),
	);

export const scenarios: Scenario[] = [
	{
		name: 'Get Many, Return All over a capped Take (first run logs in)',
		workflow: 'agentsGetManyAll',
		check: (context) => {
			succeeded(context);
			const { execution, hub, stats } = context;
			const agents = execution.json('Get Many Agents');
			const expected = liveAgents(hub);
			assert.equal(agents.length, expected.length, 'one item per live agent');
			assert.equal(
				new Set(agents.map((agent) => agent.agentDeviceId)).size,
				agents.length,
				'no agent twice',
			);
			assert.ok(
				agents.every((agent) => agent.hub === 'E2E'),
				'every item carries the Hub Label',
			);
			const pages = context.requests('/agentsRanked');
			assert.equal(
				pages.length,
				Math.ceil(expected.length / TAKE_CAP),
				`pages of ${TAKE_CAP} (the Hub's cap)`,
			);
			assert.deepEqual(
				pages.map((page) => (page.body as { Skip?: number }).Skip),
				pages.map((_, index) => index * TAKE_CAP),
				'each page starts where the previous one ended',
			);
			assert.equal(stats.loginAttempts, 1, 'a new credential logs in once');
			assert.equal(stats.logins, 1);
		},
	},
	{
		name: 'Count, in a new n8n process, reuses the session stored in the credential',
		workflow: 'agentsCount',
		check: (context) => {
			succeeded(context);
			const { execution, hub, stats } = context;
			const online = liveAgents(hub).filter((agent) => agent.OnlineStatus === 'Online').length;
			assert.deepEqual(execution.json('Count Agents'), [{ hub: 'E2E', total: online }]);
			assert.equal(
				stats.loginAttempts,
				0,
				'no login: the session saved by the previous run was reused',
			);
			assert.deepEqual(
				context
					.requests('/agentsRanked')
					.map((request) => (request.body as { CountOnly?: boolean }).CountOnly),
				[true],
			);
		},
	},
	{
		name: 'Register a proxied device',
		workflow: 'agentRegisterProxied',
		check: (context) => {
			succeeded(context);
			const { execution, hub, values } = context;
			const [device] = execution.json('Register Device');
			assert.equal(device.registration, 'created');
			assert.equal(device.name, values.deviceName);
			assert.equal(device.isProxied, true);
			assert.equal(device.proxyAgentDeviceId, values.proxyAgentDeviceId);
			assert.equal(context.requests('/agents/register').length, 1);
			const stored = devicesNamed(hub, values.deviceName);
			assert.equal(stored.length, 1, 'the Hub holds the new device');
			assert.equal(stored[0].HostName, '10.99.0.42');
			assert.deepEqual(
				stored[0].GroupNames,
				[values.groupName],
				'the group display name was mapped to its internal name',
			);
			assert.deepEqual(stored[0].CredentialKeys, [values.credentialKey]);
		},
	},
	{
		name: 'Register the same device again with If Device Exists: Skip',
		workflow: 'agentRegisterProxied',
		check: (context) => {
			succeeded(context);
			const { execution, hub, values } = context;
			const [device] = execution.json('Register Device');
			assert.equal(device.registration, 'existing');
			assert.equal(
				device.agentDeviceId,
				devicesNamed(hub, values.deviceName)[0].AgentDevice.AgentId +
					',' +
					devicesNamed(hub, values.deviceName)[0].AgentDevice.DeviceId,
			);
			assert.equal(context.requests('/agents/register').length, 0, 'nothing registered');
			assert.equal(devicesNamed(hub, values.deviceName).length, 1, 'still one device');
		},
	},
	{
		name: 'Hub credential: create, update (rotate the password), delete',
		workflow: 'credentialLifecycle',
		check: (context) => {
			succeeded(context);
			const { execution, hub, values } = context;
			const [created] = execution.json('Create Credential');
			assert.equal(created.key, values.credentialKeyNew);
			const [updated] = execution.json('Rotate Password');
			assert.equal(updated.key, values.credentialKeyNew);
			const [deleted] = execution.json('Delete Credential');
			assert.equal(deleted.deleted, true);
			const [add] = context.requests('/credentials/add');
			assert.equal(
				bodyParameters(add.body, 'Credentials').Password,
				values.credentialPassword,
				'the Hub got the initial password',
			);
			const [update] = context.requests('/credentials/update');
			assert.equal(
				bodyParameters(update.body, 'Credentials').Password,
				values.rotatedPassword,
				'the Hub got the rotated password',
			);
			assert.equal(context.requests('/credentials/delete').length, 1);
			assert.equal(
				hub.store.findCredential('Shell', values.credentialKeyNew),
				undefined,
				'the credential is gone',
			);
		},
	},
	{
		name: "Trigger's manual test run (n8n start, editor REST API) shows sample agents",
		workflow: 'triggerManualRun',
		manualFrom: 'Change Tracker Trigger',
		check: (context) => {
			succeeded(context);
			const { execution, hub, stats } = context;
			const items = execution.json('Change Tracker Trigger');
			assert.equal(
				items.length,
				Math.min(SAMPLE_SIZE, liveAgents(hub).length),
				`a sample of up to ${SAMPLE_SIZE} agents`,
			);
			assert.ok(
				items.every(
					(item) =>
						item.sample === true &&
						['wentOffline', 'cameOnline'].includes(String(item.event)) &&
						item.hub === 'E2E',
				),
				'every item is a sample shaped like a selected event, from this Hub',
			);
			const known = new Set(
				liveAgents(hub).map(
					(agent) => `${agent.AgentDevice.AgentId},${agent.AgentDevice.DeviceId}`,
				),
			);
			assert.ok(
				items.every((item) => known.has(item.agentDeviceId as string)),
				'every sample is a live agent',
			);
			assert.equal(
				stats.loginAttempts,
				0,
				'the n8n server reused the session stored by the CLI runs',
			);
		},
	},
	{
		name: 'Event › Get Many, Status Unplanned, Return All over a capped Take',
		workflow: 'eventsGetManyUnplanned',
		check: (context) => {
			succeeded(context);
			const { execution, hub, stats } = context;
			const items = execution.json('Unplanned Changes');
			const expected = hub.store.events.events.filter(
				(event) => event.Status === 'Unplanned' && event.arrivalMs <= Date.now(),
			);
			assert.ok(
				expected.length > TAKE_CAP,
				'the seeded Hub has more unplanned events than one page',
			);
			assert.equal(items.length, expected.length, 'every unplanned event');
			assert.equal(new Set(items.map((item) => item.id)).size, items.length, 'each event once');
			assert.ok(
				items.every((item) => item.status === 'Unplanned' && item.hub === 'E2E'),
				'simplified, Unplanned, tagged with the Hub label',
			);
			const bodies = context
				.requests('/events')
				.map((entry) => entry.body as Record<string, unknown>);
			assert.ok(
				bodies.every((body) => body.Status === 'Unplanned'),
				'Status sent as the filter',
			);
			assert.equal(stats.loginAttempts, 0, 'the stored session is reused');
		},
	},
	{
		name: 'Compliance › Get Latest Posture, Usage Tag Compliance, Return All over pages of 2',
		workflow: 'compliancePosture',
		check: (context) => {
			succeeded(context);
			const { execution, hub } = context;
			const items = execution.json('Latest Posture');
			const data = complianceOf(hub.store);
			const expected = data.reports.filter((report) => report.UsageTags.includes('Compliance'));
			assert.equal(items.length, expected.length, 'one item per report');
			assert.deepEqual(
				items.map((item) => `${String(item.policyTemplate)}|${String(item.groupId)}`).sort(),
				expected.map((report) => `${report.PolicyTemplateName}|${report.GroupName}`).sort(),
				'each template and group once',
			);
			for (const item of items) {
				const report = expected.find(
					(candidate) =>
						candidate.PolicyTemplateName === item.policyTemplate &&
						candidate.GroupName === item.groupId,
				)!;
				const runs = data.runs(report);
				assert.equal(item.hub, 'E2E', 'tagged with the Hub label');
				assert.equal(item.averageScore, averageScore(runs[runs.length - 1]));
				assert.equal(item.passMark, report.PassMark);
				assert.equal(item.group, hub.store.findGroup(report.GroupName)?.DisplayName);
			}
			assert.deepEqual(
				context.requests('/policyRecent').map((entry) => entry.body),
				[0, 2, 4].map((skip) => ({
					UsageTag: 'Compliance',
					Skip: skip,
					Take: Math.min(2, expected.length - skip),
				})),
				'the usage tag and the pages of 2',
			);
		},
	},
	{
		name: "New Events trigger's test run (n8n start, editor REST API) shows the newest unplanned events",
		workflow: 'eventsTriggerManualRun',
		manualFrom: 'New Unplanned Changes',
		check: (context) => {
			succeeded(context);
			const { execution, hub } = context;
			const items = execution.json('New Unplanned Changes');
			const visible = hub.store.events.events.filter(
				(event) => event.Status === 'Unplanned' && event.arrivalMs <= Date.now(),
			);
			assert.equal(items.length, Math.min(10, visible.length), 'up to 10 sample events');
			assert.ok(
				items.every(
					(item) => item.sample === true && item.status === 'Unplanned' && item.hub === 'E2E',
				),
				'real simplified Unplanned events, marked as samples, tagged with the Hub label',
			);
			const newest = [...visible].sort((a, b) => b.dateMs - a.dateMs || b.seq - a.seq).slice(0, 10);
			assert.deepEqual(
				items.map((item) => item.id).sort(),
				newest.map((event) => event.Id).sort(),
				'the newest ones',
			);
		},
	},
	{
		name: 'Planned Change › Create (If It Exists: Skip) creates the planned change for the change request',
		workflow: 'plannedChangeCreate',
		check: (context) => {
			succeeded(context);
			const { execution, hub, values } = context;
			const [item] = execution.json('Create Planned Change');
			assert.equal(item.result, 'created');
			assert.equal(item.displayName, `${values.changeRequest} - n8n end-to-end`);
			assert.deepEqual(
				(item.memberDevices as Array<{ agentDeviceId: string }>).map((m) => m.agentDeviceId),
				[values.proxyAgentDeviceId],
			);
			assert.equal(item.activeNow, true);
			assert.equal(context.requests('/plannedChangeInstances/add').length, 1);
			assert.equal(plannedChangesNamed(hub, values.changeRequest).length, 1);
		},
	},
	{
		name: 'Planned Change › Create again with Skip (an ITSM webhook firing twice) creates nothing',
		workflow: 'plannedChangeCreate',
		check: (context) => {
			succeeded(context);
			const { execution, hub, values } = context;
			const [item] = execution.json('Create Planned Change');
			assert.equal(item.result, 'existing');
			assert.equal(context.requests('/plannedChangeInstances/add').length, 0, 'no add sent');
			assert.equal(plannedChangesNamed(hub, values.changeRequest).length, 1, 'still one');
		},
	},
	{
		name: 'Planned Change › Get Many finds it by the request number, End Now closes it',
		workflow: 'plannedChangeEndNow',
		check: (context) => {
			succeeded(context);
			const { execution, hub, values } = context;
			const found = execution.json('Find Planned Change');
			assert.equal(found.length, 1, 'Get Many: the one planned change');
			const [ended] = execution.json('End Planned Change');
			assert.equal(ended.id, found[0].id);
			assert.ok(Date.parse(String(ended.end)) <= Date.now(), 'its end is now');
			const [stored] = plannedChangesNamed(hub, values.changeRequest);
			assert.ok(Date.parse(stored.EndTimeUtc as string) <= Date.now(), 'ended on the Hub');
		},
	},
	{
		name: 'Group › Add Members adds the device the group lacks, in one request',
		workflow: 'groupAddMembers',
		check: (context) => {
			succeeded(context);
			const { execution, hub, values } = context;
			const [item] = execution.json('Add Group Members');
			assert.equal(item.groupId, values.groupName);
			assert.equal(item.changed, true);
			assert.deepEqual(
				(item.added as Array<{ memberId: string }>).map((member) => member.memberId),
				[values.newMemberId],
			);
			const adds = context.requests('/groupMembers/add').filter((entry) => entry.status !== 401);
			assert.equal(adds.length, 1, 'one add');
			assert.deepEqual(adds[0].body, {
				GroupName: values.groupName,
				AgentDeviceIds: [values.newMemberId],
			});
			const device = hub.store.findAgent(values.newMemberId);
			assert.ok(device?.GroupNames.includes(values.groupName), 'a member on the Hub');
		},
	},
	{
		name: 'Group › Add Members again: already a member, nothing sent',
		workflow: 'groupAddMembers',
		check: (context) => {
			succeeded(context);
			const [item] = context.execution.json('Add Group Members');
			assert.equal(item.changed, false);
			assert.equal(item.alreadyMember, true);
			assert.equal(context.requests('/groupMembers/add').length, 0, 'no add sent');
		},
	},
	{
		name: 'Wrong password: a clear error after exactly one login attempt',
		workflow: 'wrongPassword',
		check: ({ execution, stats }) => {
			assert.equal(execution.result.code, 1, 'n8n execute exits 1 when the node fails');
			assert.match(execution.output, /The Hub rejected the username or password for "viewer"/);
			assert.match(execution.output, /Check the Username and Password in the credential/);
			assert.equal(
				stats.loginAttempts,
				1,
				'one login attempt, no retry that could lock the account',
			);
			assert.equal(stats.failedLogins, 1);
			assert.equal(stats.requests, 1, 'nothing else was sent');
		},
	},
];

function bodyParameters(body: unknown, field: string): Record<string, unknown> {
	const wrapper = (body as Record<string, unknown> | undefined)?.[field] as
		| { Parameters?: Record<string, unknown> }
		| undefined;
	return wrapper?.Parameters ?? {};
}
