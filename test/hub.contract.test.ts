/**
 * Contract of the Hub emulator: every route answers real HTTP requests with the shapes docs/hub-api.md describes.
 * Responses are checked against the strict zod schemas of test/hub/schemas.ts, so a missing, mistyped or
 * invented field fails here. The reference itself is checked against the emulator's route table, the routes the
 * package calls and the list of inferences, so neither can change without the other.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import type { ZodTypeAny } from 'zod';
import { INFERENCES, startHub, type HubEmulator } from './hub';
import { bindDto } from './hub/http/binder';
import { ROUTES } from './hub/routes';
import * as S from './hub/schemas';
import { HubTestClient } from './hub/testClient';
import { DEVICE_REPORT_DETAIL_FIELDS } from './hub/views';

let hub: HubEmulator;
let admin: HubTestClient;

beforeAll(async () => {
	hub = await startHub();
	admin = new HubTestClient(hub.apiUrl);
	await admin.login();
});
afterAll(() => hub.close());

function expectShape(schema: ZodTypeAny, body: unknown): void {
	const result = schema.safeParse(body);
	if (!result.success)
		throw new Error(
			`Response does not match the schema:\n${JSON.stringify(result.error.issues.slice(0, 5), null, 2)}`,
		);
}

/** The last request as the route's DTO schema binds it (throws when it does not bind). */
function boundDto(schema: ZodTypeAny): Record<string, unknown> {
	const entry = hub.log[hub.log.length - 1];
	return bindDto(schema, { ...entry.query, ...(entry.body as object) }, 'Request');
}

describe('status and session routes', () => {
	it.each(['GET', 'POST'] as const)(
		'/status/ready answers %s without a session',
		async (method) => {
			const response = await new HubTestClient(hub.apiUrl).send('/status/ready', { method });
			expect(response.status).toBe(200);
			expectShape(S.SystemReadyResponse, response.body);
			expect(response.body.IsReady).toBe(true);
		},
	);

	it('/auth/credentials signs in with JSON and sets the ServiceStack cookies', async () => {
		const client = new HubTestClient(hub.apiUrl);
		const response = await client.login('viewer');
		expect(response.status).toBe(200);
		expectShape(S.AuthenticateResponse, response.body);
		expect(response.body).toMatchObject({
			UserName: 'viewer',
			AuthProvider: 'credentials',
			BearerToken: '',
		});
		expect(response.body.UserId).not.toBe('');
		const cookies = [response.headers['set-cookie']].flat().join('\n');
		expect(cookies).toMatch(new RegExp(`ss-id=${response.body.SessionId}; path=/; HttpOnly`));
		expect(cookies).toMatch(/ss-pid=[\w-]{20}; path=\/; expires=.+; HttpOnly/);
		expect(cookies).toMatch(/ss-opt=temp; path=\/; expires=.+; HttpOnly/);
		boundDto(S.AuthenticateRequest);
	});

	it('/auth/credentials accepts a form body with lower-case names, and GET with a query string', async () => {
		const form = await new HubTestClient(hub.apiUrl).send('/auth/credentials', {
			form: { username: 'admin', password: 'Admin-Pa55!', format: 'json' },
		});
		expect(form.status).toBe(200);
		expectShape(S.AuthenticateResponse, form.body);
		const get = await new HubTestClient(hub.apiUrl).send('/auth/credentials', {
			method: 'GET',
			query: { UserName: 'admin', Password: 'Admin-Pa55!' },
		});
		expect(get.status).toBe(200);
		expectShape(S.AuthenticateResponse, get.body);
	});

	it('/auth takes the provider in the query or body, and without a provider reports the current session', async () => {
		const client = new HubTestClient(hub.apiUrl);
		const signIn = await client.send('/auth', {
			query: { provider: 'credentials' },
			json: { UserName: 'registrar', Password: 'Registrar-Pa55!' },
		});
		expect(signIn.status).toBe(200);
		expectShape(S.AuthenticateResponse, signIn.body);
		const current = await admin.get('/auth');
		expect(current.status).toBe(200);
		expectShape(S.AuthenticateResponse, current.body);
		expect(current.body.UserName).toBe('admin');
	});

	it('/auth/logout answers an empty AuthenticateResponse and clears the cookies', async () => {
		const client = new HubTestClient(hub.apiUrl);
		await client.login();
		const response = await client.post('/auth/logout');
		expect(response.status).toBe(200);
		expectShape(S.LogoutResponse, response.body);
		expect([response.headers['set-cookie']].flat().join('\n')).toMatch(
			/ss-id=; path=\/; expires=Thu, 01 Jan 1970/,
		);
	});

	it('/status/system reports the session timeout in minutes and a string version', async () => {
		const response = await admin.get('/status/system');
		expect(response.status).toBe(200);
		expectShape(S.SystemDetailsResponse, response.body);
		expect(response.body.SessionTimeout).toBe(20);
		expect(response.body.Version).toMatch(/^8\.1\./);
	});

	it("/userRolesPermissions lists the caller's permissions", async () => {
		const response = await admin.post('/userRolesPermissions');
		expect(response.status).toBe(200);
		expectShape(S.GetRolesAndPermissionsResponse, response.body);
		expect(response.body.Permissions).toEqual([
			'DeviceView',
			'DeviceRegister',
			'CredentialsGet',
			'CredentialsManage',
		]);
	});
});

describe('/agentsRanked', () => {
	const request = {
		DeviceFilter: {
			GroupNames: [],
			AgentDeviceIds: [],
			AgentDisplayNames: [],
			OnlineStatuses: [],
			ExcludeProxiedDevices: false,
		},
		GetAgentGroupDetails: true,
		GetRelatedTemplates: true,
		GetRelatedCredentials: true,
		GetRelatedPlannedChanges: true,
		Skip: 0,
		Take: 100,
		Sort: { DeviceName: 'ASC' },
	};

	it('answers POST with every DeviceReportDetail field and the requested details', async () => {
		const response = await admin.post('/agentsRanked', request);
		expect(response.status).toBe(200);
		expectShape(S.GetAgentsRankedResponse, response.body);
		expect(boundDto(S.GetAgentsRankedRequest)).toMatchObject({
			Take: 100,
			Sort: { DeviceName: 'ASC' },
			GetAgentGroupDetails: true,
		});
		const {
			Agents,
			AgentGroups,
			GroupsLookup,
			AgentTemplates,
			TemplatesLookup,
			AgentCredentials,
			Total,
			Returned,
		} = response.body;
		expect(Total).toBe(40);
		expect(Returned).toBe(40);
		for (const field of DEVICE_REPORT_DETAIL_FIELDS) {
			const nullable = [
				'MembershipChangeTimeUtc',
				'ReportedConfigDateUtc',
				'ProxyAgentDevice',
				'DbConnection',
			].includes(field);
			expect(Agents.some((agent: Record<string, unknown>) => field in agent)).toBe(true);
			if (!nullable)
				expect(Agents.every((agent: Record<string, unknown>) => field in agent)).toBe(true);
		}
		expect(AgentGroups).toHaveLength(40);
		expect(AgentTemplates).toHaveLength(40);
		expect(AgentCredentials).toHaveLength(40);
		const groupKeys = new Set(GroupsLookup.map((pair: { Key: string }) => pair.Key));
		for (const entry of AgentGroups)
			for (const group of entry.MemberOf) expect(groupKeys.has(group)).toBe(true);
		const templateKeys = new Set(TemplatesLookup.map((pair: { Key: string }) => pair.Key));
		for (const entry of AgentTemplates)
			for (const template of entry.ConfigTemplates) expect(templateKeys.has(template)).toBe(true);
	});

	it('answers GET with flat query parameters and JSON-valued nested ones', async () => {
		const response = await admin.get('/agentsRanked', {
			Take: '5',
			Skip: '2',
			DeviceFilter: JSON.stringify({ OnlineStatuses: ['Online'] }),
			Sort: '{"Name":"DESC"}',
		});
		expect(response.status).toBe(200);
		expectShape(S.GetAgentsRankedResponse, response.body);
		expect(response.body.Returned).toBe(5);
		expect(
			response.body.Agents.every(
				(agent: { OnlineStatus: string }) => agent.OnlineStatus === 'Online',
			),
		).toBe(true);
		expect(response.body).not.toHaveProperty('AgentGroups');
	});

	it('matches the path case-insensitively and property names at every depth', async () => {
		const response = await admin.post('/AGENTSRANKED/', {
			devicefilter: { onlinestatuses: ['Offline'] },
			take: 3,
			countonly: false,
		});
		expect(response.status).toBe(200);
		expect(hub.log[hub.log.length - 1].route).toBe('/agentsRanked');
		expect(response.body.Agents.length).toBeGreaterThan(0);
		expect(
			response.body.Agents.every(
				(agent: { OnlineStatus: string }) => agent.OnlineStatus === 'Offline',
			),
		).toBe(true);
	});
});

describe('registration and device routes', () => {
	it('/agents/register answers the new Agent', async () => {
		const proxy = hub.store.agents.find((device) => device.CanProxy && !device.Deleted);
		const body = {
			DeviceName: 'contract-fw-01',
			DeviceType: 'Network',
			HostName: '10.99.0.1',
			HostType: 'Network',
			CredentialKey: 'NetworkSSH',
			OnlineDetection: 'Ping',
			ProxiedByAgentId: Number(proxy?.AgentDevice.AgentId),
			GroupNames: ['A5'],
		};
		const response = await admin.post('/agents/register', body);
		expect(response.status).toBe(200);
		expectShape(S.Agent, response.body);
		expect(boundDto(S.RegisterAgentRequest)).toMatchObject({
			ProxiedByAgentId: proxy?.AgentDevice.AgentId,
			GroupNames: ['A5'],
		});
	});

	it('/agents/update answers a GetAgentsResponse with the one agent', async () => {
		const device = hub.store.agents[0];
		const response = await admin.post('/agents/update', {
			Agent: { AgentDevice: device.AgentDevice, HostName: 'updated.example.com' },
			UpdateHostName: true,
		});
		expect(response.status).toBe(200);
		expectShape(S.GetAgentsResponse, response.body);
		expect(response.body).toMatchObject({ Total: 1, Returned: 1 });
		boundDto(S.UpdateAgentRequest);
	});

	it.each([
		['/devices/delete', S.DeleteDevicesRequest, { AgentDeviceIds: ['1,1'] }],
		['/device/reRegister', S.ReRegisterDeviceRequest, { AgentDeviceIds: ['1,1'] }],
		[
			'/deviceName/update',
			S.SetAgentDeviceNameRequest,
			{ AgentDevice: { AgentId: '1', DeviceId: '1' }, DeviceName: 'renamed-by-contract' },
		],
	] as const)('%s answers 204 with an empty body', async (path, schema, body) => {
		const response = await admin.post(path, body);
		expect(response.status).toBe(204);
		expect(response.text).toBe('');
		boundDto(schema);
	});
});

describe('credential routes', () => {
	it('/credential answers one Credentials, masked', async () => {
		const response = await admin.get('/credential', {
			CredentialsType: 'Database',
			Key: 'SqlProd',
		});
		expect(response.status).toBe(200);
		expectShape(S.Credentials, response.body);
		expect(response.body.Parameters.Password).toBe('***');
		boundDto(S.GetCredentialRequest);
	});

	it('/credentials answers a JSON array of Credentials', async () => {
		const response = await admin.post('/credentials', { CredentialType: 'Unknown' });
		expect(response.status).toBe(200);
		expectShape(S.CredentialsList, response.body);
		expect(
			new Set(
				response.body.map((credential: { CredentialType: string }) => credential.CredentialType),
			),
		).toEqual(new Set(S.CREDENTIAL_TYPE_NAMES));
		boundDto(S.GetCredentialsListRequest);
	});

	it('/credentialsKeyedByType answers key names per type', async () => {
		const response = await admin.get('/credentialsKeyedByType');
		expect(response.status).toBe(200);
		expectShape(S.CredentialsKeyedByType, response.body);
		expect(response.body.Database).toContain('SqlProd');
	});

	it('/credentials/add, /credentials/update and /credentials/delete', async () => {
		const added = await admin.post('/credentials/add', {
			Credentials: {
				CredentialType: 'FTP',
				Key: 'ContractFtp',
				Parameters: { UserName: 'u', Password: 'p' },
				DeviceOnlineDetection: 'None',
				PublicKeys: [],
				Prompts: [],
			},
		});
		expect(added.status).toBe(200);
		expectShape(S.Credentials, added.body);
		boundDto(S.AddCredentialsRequest);
		const updated = await admin.post('/credentials/update', {
			CredentialsType: 'FTP',
			Key: 'ContractFtp',
			Credentials: { Parameters: { UserName: 'v' } },
		});
		expect(updated.status).toBe(200);
		expectShape(S.Credentials, updated.body);
		boundDto(S.UpdateCredentialsRequest);
		const removed = await admin.post('/credentials/delete', {
			CredentialsType: 'FTP',
			Key: 'ContractFtp',
		});
		expect(removed.status).toBe(204);
		expect(removed.text).toBe('');
		boundDto(S.RemoveCredentialsRequest);
	});
});

describe('group and template routes', () => {
	it('/groups answers paged Groups', async () => {
		const response = await admin.post('/groups', { Take: 500, Sort: { DisplayName: 'ASC' } });
		expect(response.status).toBe(200);
		expectShape(S.GetGroupsResponse, response.body);
		expect(response.body.Total).toBe(30);
		expect(response.body.Groups[0].DisplayName <= response.body.Groups[1].DisplayName).toBe(true);
		boundDto(S.GetGroupsRequest);
	});

	it('/groupsTree answers the recursive tree under "All Devices"', async () => {
		const response = await admin.get('/groupsTree');
		expect(response.status).toBe(200);
		expectShape(S.GetGroupsTreeResponse, response.body);
		expect(response.body.Groups[0]).toMatchObject({
			Name: 'A1',
			DisplayName: 'All Devices',
			ParentCount: 0,
		});
		expect(response.body.Groups[0].Groups.length).toBeGreaterThan(3);
	});

	it('/deviceConfigTemplateNames answers a string array', async () => {
		const response = await admin.post('/deviceConfigTemplateNames');
		expect(response.status).toBe(200);
		expectShape(S.TemplateNames, response.body);
		expect(response.body).toContain('Linux - Core Tracking');
	});
});

describe('group membership routes (docs/hub-api.md §15)', () => {
	it('/groups/add answers AddGroupResponse; /groupMembers/add and /delete 204; /groupMembers and /groupMemberships read', async () => {
		const added = await admin.post('/groups/add', {
			GroupType: 2,
			DisplayName: 'Contract Group',
			ParentGroupName: 'A2',
		});
		expect(added.status).toBe(200);
		expectShape(S.AddGroupResponse, added.body);
		boundDto(S.AddGroupRequest);
		const name = added.body.Name as string;
		const device = hub.store.agents[0];
		const id = `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
		const add = await admin.post('/groupMembers/add', {
			GroupName: name,
			Groups: ['A30'],
			AgentDeviceIds: [id],
		});
		expect(add.status).toBe(204);
		boundDto(S.AddGroupMembersRequest);
		const members = await admin.post('/groupMembers', { GroupName: name, Take: 10 });
		expect(members.status).toBe(200);
		expectShape(S.GroupMembersResponse, members.body);
		boundDto(S.GroupMembersRequest);
		expect(members.body).toMatchObject({ Total: 2, Returned: 2 });
		const memberships = await admin.post('/groupMemberships', {
			MemberName: id,
			MemberType: 'AgentDevice',
		});
		expect(memberships.status).toBe(200);
		expectShape(S.GroupMembershipsResponse, memberships.body);
		boundDto(S.GroupMembershipsRequest);
		expect(memberships.body).toEqual(expect.arrayContaining([name, 'A2', 'A1']));
		const removed = await admin.post('/groupMembers/delete', {
			GroupName: name,
			Groups: ['A30'],
			AgentDeviceIds: [id],
		});
		expect(removed.status).toBe(204);
		boundDto(S.DeleteGroupMembersRequest);
		const after = await admin.get(`/groupMembers?GroupName=${name}`);
		expectShape(S.GroupMembersResponse, after.body);
		expect(after.body).toMatchObject({ Total: 0, Returned: 0, GroupMembers: [] });
	});
});

describe('compliance routes (docs/hub-api.md §16)', () => {
	it('answer strict GetAvailableComplianceData, policy, compliance data, summary and rule results', async () => {
		const available = await admin.post('/stats/getavailablecompliancedata', {
			ReturnDevices: true,
		});
		expect(available.status).toBe(200);
		expectShape(S.GetAvailableComplianceDataResponse, available.body);
		boundDto(S.GetAvailableComplianceDataRequest);
		const reportItemId = available.body.AvailableComplianceDetails[0].ReportItemId as string;
		const recent = await admin.post('/policyRecent', { UsageTag: 'Compliance', Take: 10 });
		expect(recent.status).toBe(200);
		expectShape(S.GetMostRecentPolicyResultsResponse, recent.body);
		boundDto(S.GetMostRecentPolicyResultsRequest);
		const data = await admin.post('/stats/compliancedata', { ReportItemId: reportItemId });
		expect(data.status).toBe(200);
		expectShape(S.GetComplianceDataResponse, data.body);
		boundDto(S.GetComplianceDataRequest);
		const instance = data.body.ReportSummaries[0].ReportScores[0].ReportInstanceId as string;
		const summary = await admin.post('/stats/compliancesummarydata', {
			ReportItemId: reportItemId,
			ReportInstanceId: instance,
			IncludeAgentTaskDetails: true,
		});
		expect(summary.status).toBe(200);
		expectShape(S.ComplianceReportSummaryResponse, summary.body);
		boundDto(S.ComplianceSummaryDataRequest);
		const rules = await admin.get(`/reports/ruleresults?GroupResultsEventId=${instance}`);
		expect(rules.status).toBe(200);
		expectShape(S.GetRuleResultsResponse, rules.body);
		boundDto(S.GetRuleResultsRequest);
	});
});

describe('change event routes (docs/hub-api.md §10)', () => {
	it('/events answers GetEventsResponse with strict DeviceEvents, newest first', async () => {
		const request = {
			StartUtc: '2024-12-01T00:00:00Z',
			EndUtc: '2025-01-15T09:00:00Z',
			Status: 'Unplanned',
			DeviceFilter: { GroupNames: ['A1'] },
			EventFilter: { EventTypes: ['DeviceEvent'], PlannedChangeStatuses: ['Unplanned'] },
			Sort: { DateUtc: 'DESC' },
			Skip: 0,
			Take: 50,
		};
		const response = await admin.post('/events', request);
		expect(response.status).toBe(200);
		expectShape(S.GetEventsResponse, response.body);
		expect(boundDto(S.GetEventsRequest)).toMatchObject({ Take: 50, Status: 'Unplanned' });
		const { DeviceEvents, PlannedChanges, Total, Returned, Version } = response.body;
		expect(Returned).toBe(50);
		expect(Total).toBeGreaterThan(100);
		expect(Version).toBe(1);
		expect(PlannedChanges).toEqual({});
		for (const event of DeviceEvents) expectShape(S.DeviceEvent, event);
		const dates = DeviceEvents.map((event: { DateUtc: string }) => event.DateUtc);
		expect(dates).toEqual([...dates].sort().reverse());
	});

	it('/events binds a GET query string and the path variants, and counts with CountOnly', async () => {
		const viaQuery = await admin.get('/events', {
			Take: '2',
			Sort: '{"DateUtc":"ASC"}',
			EventFilter: '{"TrackerTypeNames":["filetracker"]}',
		});
		expectShape(S.GetEventsResponse, viaQuery.body);
		expect(viaQuery.body.Returned).toBe(2);
		const id = viaQuery.body.DeviceEvents[0].Id;
		const byPath = await admin.get(`/events/${id}`);
		expectShape(S.GetEventsResponse, byPath.body);
		expect(byPath.body.DeviceEvents.map((event: { Id: string }) => event.Id)).toEqual([id]);
		expect(hub.log[hub.log.length - 1].route).toBe('/events');
		const count = await admin.post('/events', { CountOnly: true });
		expectShape(S.GetEventsResponse, count.body);
		expect(count.body).toMatchObject({ DeviceEvents: [], Returned: 0, Total: 300 });
	});

	it('/acknowledgeEvents and /setCommentsForEvents answer 204; /event/history/{EventId} the trail', async () => {
		const [event] = (await admin.post('/events', { Status: 'Unplanned', Take: 1 })).body
			.DeviceEvents;
		const acknowledged = await admin.post('/acknowledgeEvents', {
			EventIds: [event.Id],
			NewStatus: 'Acknowledged',
		});
		expect(acknowledged.status).toBe(204);
		expect(acknowledged.text).toBe('');
		expect(boundDto(S.AcknowledgeEventsRequest)).toMatchObject({ EventIds: [event.Id] });
		const commented = await admin.post('/setCommentsForEvents', {
			GetEvents: { EventFilter: { EventIds: [event.Id] } },
			Comment: 'INC0012345',
		});
		expect(commented.status).toBe(204);
		boundDto(S.SetCommentForEventsRequest);
		const history = await admin.get(`/event/history/${event.Id}`);
		expect(history.status).toBe(200);
		expectShape(S.GetEventHistoryResponse, history.body);
		expect(history.body).toMatchObject({ EventId: event.Id, Total: 2, Version: 1 });
		expect(hub.log[hub.log.length - 1].route).toBe('/event/history/{EventId}');
		const missing = await admin.post('/event/history/000000000000000000000000');
		expect(missing.status).toBe(404);
		expectShape(S.ErrorResponse, missing.body);
	});

	it('/stats/events answers one GetEventCountsResponse with its summaries', async () => {
		const response = await admin.post('/stats/events', {
			StartUtc: '2025-01-08T09:00:00Z',
			EndUtc: '2025-01-15T09:00:00Z',
			SummaryWindowSeconds: 86_400,
		});
		expect(response.status).toBe(200);
		expectShape(S.GetEventCountsResponse, response.body);
		boundDto(S.GetEventCountsRequest);
		expect(response.body.Events).toHaveLength(7);
		expect(response.body.TotalEvents).toBe(
			response.body.Events.reduce(
				(sum: number, window: { PlannedChanges: number; UnPlannedChanges: number }) =>
					sum + window.PlannedChanges + window.UnPlannedChanges,
				0,
			),
		);
	});
});

describe('planned change routes (docs/hub-api.md §14)', () => {
	it('/plannedChangeInstances answers paged strict PlannedChangeInstances with their rulesets', async () => {
		const response = await admin.post('/plannedChangeInstances', {
			DisplayNameContains: 'CHG',
			ExcludeDisabled: true,
			StartDateUtc: '2024-12-01T00:00:00Z',
			Take: 50,
			Sort: { StartTimeUtc: 'DESC' },
		});
		expect(response.status).toBe(200);
		expectShape(S.GetPlannedChangesInstancesResponse, response.body);
		expect(boundDto(S.GetPlannedChangeInstancesRequest)).toMatchObject({ ExcludeDisabled: true });
		expect(response.body).toMatchObject({ Total: 7, Returned: 7, Version: 1 });
		const viaQuery = await admin.get('/plannedChangeInstances', {
			Take: '2',
			OmitPlannedChangeDefinitions: 'true',
			MemberGroups: 'A4',
		});
		expectShape(S.GetPlannedChangesInstancesResponse, viaQuery.body);
		expect(viaQuery.body.Returned).toBe(2);
	});

	it('/plannedChangeInstances/add and /update answer the instance; the member, re-evaluation and delete routes 204', async () => {
		const added = await admin.post('/plannedChangeInstances/add', {
			DisplayName: 'CHG0049999 - Contract',
			Description: 'Contract test',
			Origin: 'n8n',
			AssignedTo: 'Contract',
			MemberGroups: ['A5'],
			MemberAgentDeviceIds: ['1,1'],
			StartTimeUtc: new Date(Date.now() - 3600_000).toISOString(),
			EndTimeUtc: new Date(Date.now() + 3600_000).toISOString(),
		});
		expect(added.status).toBe(200);
		expectShape(S.GetPlannedChangesInstancesResponse, added.body);
		boundDto(S.AddPlannedChangeInstanceRequest);
		const instance = added.body.PlannedChangeInstances[0];
		expect(added.body).toMatchObject({ Total: 1, Returned: 1 });
		const updated = await admin.post('/plannedChangeInstances/update', {
			InstanceId: instance.InstanceId,
			AssignedTo: 'Someone else',
		});
		expect(updated.status).toBe(200);
		expectShape(S.GetPlannedChangesInstancesResponse, updated.body);
		boundDto(S.UpdatePlannedChangeInstanceRequest);
		for (const [path, schema, body] of [
			[
				'/plannedChangeInstances/addMembers',
				S.AddPlannedChangeInstanceMemberRequest,
				{ MemberGroups: ['A4'] },
			],
			[
				'/plannedChangeInstances/deleteMember',
				S.DeletePlannedChangeInstanceMemberRequest,
				{ AgentDeviceId: '1,1' },
			],
			[
				'/plannedChangeInstances/reevaluateEvents',
				S.AddReEvaluationOfPlannedChangeInstanceEventsRequest,
				{ PlannedChangeManual: false },
			],
			[
				'/plannedChangeInstances/delete',
				S.DeletePlannedChangeInstanceRequest,
				{ DeletePlannedChange: true },
			],
		] as const) {
			const response = await admin.post(path, { InstanceId: instance.InstanceId, ...body });
			expect({ path, status: response.status, text: response.text }).toEqual({
				path,
				status: 204,
				text: '',
			});
			boundDto(schema);
		}
	});

	it('/plannedChangeInstances/addOrUpdateFromEvents answers IsPreview, the ruleset and the instance', async () => {
		const [event] = (await admin.post('/events', { Take: 1 })).body.DeviceEvents;
		const response = await admin.post('/plannedChangeInstances/addOrUpdateFromEvents', {
			InstanceId: 'contract-preview',
			Name: 'CHG0049998 - Contract preview',
			RuleBuilderItems: [
				{
					EventIds: [event.Id],
					PlannedChangeFilterRuleInferenceOptions: {
						FilterByTracker: true,
						FilterByItemValue: true,
					},
				},
			],
			PreviewOnly: true,
		});
		expect(response.status).toBe(200);
		expectShape(S.AddOrUpdatePlannedChangeInstanceFromEventsResponse, response.body);
		boundDto(S.AddOrUpdatePlannedChangeInstanceFromEventsRequest);
		expect(response.body.IsPreview).toBe(true);
	});

	it('/plannedChanges answers paged rulesets; /stats/plannedChanges the summaries', async () => {
		const rulesets = await admin.post('/plannedChanges', { DisplayNameContains: 'CHG', Take: 100 });
		expect(rulesets.status).toBe(200);
		expectShape(S.GetPlannedChangesResponse, rulesets.body);
		boundDto(S.GetPlannedChangesRequest);
		expect(rulesets.body).toMatchObject({ Total: 8, Returned: 8 });
		const stats = await admin.post('/stats/plannedChanges', { PeriodHours: 24 * 365 * 10 });
		expect(stats.status).toBe(200);
		expectShape(S.GetCurrentPlannedChangesResponse, stats.body);
		boundDto(S.GetCurrentPlannedChangesRequest);
		expect(stats.body.PlannedChanges).toHaveLength(7);
		const byPath = await admin.get('/stats/plannedChanges/hours/1');
		expectShape(S.GetCurrentPlannedChangesResponse, byPath.body);
		expect(hub.log[hub.log.length - 1].route).toBe('/stats/plannedChanges');
	});
});

describe('error shapes', () => {
	const protectedRoutes = [
		'/status/system',
		'/userRolesPermissions',
		'/agentsRanked',
		'/agents/register',
		'/agents/update',
		'/devices/delete',
		'/device/reRegister',
		'/deviceName/update',
		'/credential',
		'/credentials',
		'/credentialsKeyedByType',
		'/credentials/add',
		'/credentials/update',
		'/credentials/delete',
		'/groups',
		'/groupsTree',
		'/deviceConfigTemplateNames',
		'/groupMembers',
		'/groupMembers/add',
		'/groupMembers/delete',
		'/groupMemberships',
		'/groups/add',
		'/policyRecent',
		'/stats/getavailablecompliancedata',
		'/stats/compliancedata',
		'/stats/compliancesummarydata',
		'/reports/ruleresults',
		'/events',
		'/events/0000000000000000000000aa',
		'/acknowledgeEvents',
		'/setCommentsForEvents',
		'/event/history/0000000000000000000000aa',
		'/stats/events',
		'/plannedChangeInstances',
		'/plannedChangeInstances/add',
		'/plannedChangeInstances/update',
		'/plannedChangeInstances/addMembers',
		'/plannedChangeInstances/deleteMember',
		'/plannedChangeInstances/delete',
		'/plannedChangeInstances/reevaluateEvents',
		'/plannedChangeInstances/addOrUpdateFromEvents',
		'/plannedChanges',
		'/stats/plannedChanges',
		'/stats/plannedChanges/hours/24',
	];

	it.each(protectedRoutes)('%s without a session is 401 Unauthorized', async (path) => {
		const response = await new HubTestClient(hub.apiUrl).post(path);
		expect(response.status).toBe(401);
		expectShape(S.ErrorResponse, response.body);
		expect(response.body.ResponseStatus).toMatchObject({
			ErrorCode: 'Unauthorized',
			Message: 'Not Authenticated',
		});
	});

	it.each([
		['/credentials', 'CredentialsGet'],
		['/credentials/add', 'CredentialsManage'],
		['/agents/register', 'DeviceRegister'],
		['/acknowledgeEvents', 'DeviceRegister'],
		['/setCommentsForEvents', 'DeviceRegister'],
		['/plannedChangeInstances/add', 'DeviceRegister'],
		['/plannedChangeInstances/addOrUpdateFromEvents', 'DeviceRegister'],
		['/groupMembers/add', 'DeviceRegister'],
		['/groupMembers/delete', 'DeviceRegister'],
		['/groups/add', 'DeviceRegister'],
	])('%s without the permission is 403 naming %s', async (path, permission) => {
		const client = new HubTestClient(hub.apiUrl);
		await client.login('devicesonly');
		const response = await client.post(path);
		expect(response.status).toBe(403);
		expectShape(S.ErrorResponse, response.body);
		expect(response.body.ResponseStatus).toMatchObject({
			ErrorCode: 'Forbidden',
			Message: `Invalid Permission: ${permission} is required`,
		});
	});

	it('an unknown route is 404 NotFound', async () => {
		const response = await admin.get('/noSuchThing');
		expect(response.status).toBe(404);
		expectShape(S.ErrorResponse, response.body);
		expect(response.body.ResponseStatus.ErrorCode).toBe('NotFound');
	});

	it('a malformed JSON body is 400 SerializationException', async () => {
		const response = await admin.send('/agentsRanked', {
			text: '{"Take": ',
			headers: { 'content-type': 'application/json' },
		});
		expect(response.status).toBe(400);
		expectShape(S.ErrorResponse, response.body);
		expect(response.body.ResponseStatus.ErrorCode).toBe('SerializationException');
	});

	it('a value of the wrong type is 400 with the field named', async () => {
		const response = await admin.get('/agentsRanked', { Take: 'lots' });
		expect(response.status).toBe(400);
		expectShape(S.ErrorResponse, response.body);
		expect(response.body.ResponseStatus.Errors[0]).toMatchObject({
			FieldName: 'Take',
			ErrorCode: 'SerializationException',
		});
	});

	it('validation failures are 400 ValidationException with one error per field', async () => {
		const response = await admin.post('/agents/register', {
			HostType: 'Mainframe',
			OnlineDetection: 'Telepathy',
		});
		expect(response.status).toBe(400);
		expectShape(S.ErrorResponse, response.body);
		expect(response.body.ResponseStatus.ErrorCode).toBe('ValidationException');
		expect(
			response.body.ResponseStatus.Errors.map((error: { FieldName: string }) => error.FieldName),
		).toEqual(['DeviceName', 'HostType', 'OnlineDetection']);
	});

	it('a missing credential is 404 with a ResponseStatus', async () => {
		const response = await admin.post('/credential', {
			CredentialsType: 'Shell',
			Key: 'NoSuchKey',
		});
		expect(response.status).toBe(404);
		expectShape(S.ErrorResponse, response.body);
	});
});

describe('response format (Accept, docs/hub-api.md §1.4)', () => {
	const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

	it('answers JSON without an Accept header', async () => {
		const response = await request(`${hub.apiUrl}/status/ready`);
		expect(response.statusCode).toBe(200);
		expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
		expectShape(S.SystemReadyResponse, await response.body.json());
	});

	it.each([
		'application/json',
		'*/*',
		'application/json, text/plain',
		'text/plain',
		'image/png',
		'application/*',
		'',
	])('answers JSON to Accept "%s"', async (accept) => {
		const response = await admin.send('/agentsRanked', { json: { Take: 1 }, headers: { accept } });
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
		expectShape(S.GetAgentsRankedResponse, response.body);
	});

	it("answers a browser's Accept with an HTML snapshot page of the same reply", async () => {
		const response = await admin.send('/groups', {
			method: 'GET',
			query: { Take: '2' },
			headers: { accept: BROWSER },
		});
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(response.text).toMatch(/^<!doctype html>/);
		expect(response.text).toContain('Snapshot of <i>GetGroups</i>');
		const embedded =
			/<script id="dto" type="application\/json">(.*)<\/script>/.exec(response.text)?.[1] ?? '';
		expectShape(S.GetGroupsResponse, JSON.parse(embedded));
		expect(() => JSON.parse(response.text)).toThrow();
	});

	it('keeps the status of an error in the HTML page, and sends 204 empty', async () => {
		const anonymous = await new HubTestClient(hub.apiUrl).send('/agentsRanked', {
			json: {},
			headers: { accept: 'text/html' },
		});
		expect(anonymous.status).toBe(401);
		expect(anonymous.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(anonymous.text).toContain('Not Authenticated');
		const deleted = await admin.send('/devices/delete', {
			json: { AgentDeviceIds: ['999,999'] },
			headers: { accept: 'text/html' },
		});
		expect(deleted.status).toBe(204);
		expect(deleted.text).toBe('');
	});

	it('prefers HTML over JSON whatever the order, unless the body itself is JSON', async () => {
		const get = await admin.send('/groupsTree', {
			method: 'GET',
			headers: { accept: 'application/json;q=1, text/html;q=0.1' },
		});
		expect(get.headers['content-type']).toBe('text/html; charset=utf-8');
		const post = await admin.send('/groupsTree', {
			json: {},
			headers: { accept: 'application/json, text/html' },
		});
		expect(post.headers['content-type']).toBe('application/json; charset=utf-8');
		const form = await admin.send('/groupsTree', {
			form: { Version: '1' },
			headers: { accept: 'text/html, application/json' },
		});
		expect(form.headers['content-type']).toBe('application/json; charset=utf-8');
	});

	it('answers XML to Accept application/xml', async () => {
		const response = await admin.send('/credential', {
			json: { CredentialsType: 'Database', Key: 'SqlProd' },
			headers: { accept: 'application/xml' },
		});
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
		expect(response.text).toMatch(
			/^<\?xml version="1.0" encoding="utf-8"\?><GetCredentialsResponse [^>]*><Version>/,
		);
		expect(response.text).toContain('<Key>SqlProd</Key>');
	});

	it('lets ?format= override the Accept header', async () => {
		const json = await admin.send('/groupsTree', {
			method: 'GET',
			query: { format: 'json' },
			headers: { accept: BROWSER },
		});
		expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
		expectShape(S.GetGroupsTreeResponse, json.body);
		const html = await admin.send('/groupsTree', {
			method: 'GET',
			query: { Format: 'html' },
			headers: { accept: 'application/json' },
		});
		expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
	});

	it('signs in with a browser Accept too, answering the page and the cookies', async () => {
		const response = await new HubTestClient(hub.apiUrl).send('/auth/credentials', {
			json: { UserName: 'viewer', Password: 'Viewer-Pa55!' },
			headers: { accept: 'text/html' },
		});
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(String(response.headers['set-cookie'])).toContain('ss-id=');
	});

	it('leaves a reply with its own content type (an injected fault page) as it is', async () => {
		hub.faults.add({
			route: '/groupsTree',
			status: 502,
			contentType: 'text/plain',
			body: 'Bad gateway',
			times: 1,
		});
		const response = await admin.send('/groupsTree', {
			method: 'GET',
			headers: { accept: 'application/xml' },
		});
		expect(response.status).toBe(502);
		expect(response.headers['content-type']).toBe('text/plain');
		expect(response.text).toBe('Bad gateway');
	});
});

describe('docs/hub-api.md and the emulator are in step', () => {
	const ROOT = join(__dirname, '..');
	const reference = readFileSync(join(ROOT, 'docs', 'hub-api.md'), 'utf8');

	/** Route sections: headings naming one or more `/paths`, with the text up to the next heading. */
	const documented = new Map<string, string>();
	const lines = reference.split('\n');
	lines.forEach((line, index) => {
		if (!/^#{2,4} /.test(line)) return;
		const paths = [...line.matchAll(/`(\/[^`\s]*)`/g)].map((match) => match[1]);
		if (paths.length === 0) return;
		const end = lines.findIndex((next, at) => at > index && /^#{1,4} /.test(next));
		const body = lines.slice(index + 1, end === -1 ? undefined : end).join('\n');
		for (const path of paths) documented.set(path, body);
	});

	/** Routes the package calls: `endpoint: '/x'`, and the login and credential-test URLs. */
	function packageRoutes(): Set<string> {
		const found = new Set<string>();
		const visit = (dir: string): void => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				const path = join(dir, entry.name);
				if (entry.isDirectory()) visit(path);
				else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
					const source = readFileSync(path, 'utf8');
					for (const match of source.matchAll(
						/endpoint:\s*'(\/[A-Za-z][\w/]*)'|'\/api(\/[A-Za-z][\w/]*)'|\$\{api\}(\/[A-Za-z][\w/]*)`/g,
					)) {
						found.add(match[1] ?? match[2] ?? match[3]);
					}
				}
			}
		};
		visit(join(ROOT, 'nodes'));
		visit(join(ROOT, 'credentials'));
		return found;
	}

	it('documents every route the emulator serves, under its exact name', () => {
		const missing = ROUTES.map((route) => route.name).filter((name) => !documented.has(name));
		expect(missing).toEqual([]);
	});

	it('documents no route the emulator does not serve', () => {
		const served = new Set(ROUTES.map((route) => route.name));
		expect([...documented.keys()].filter((path) => !served.has(path))).toEqual([]);
	});

	it('states the permission each route enforces', () => {
		for (const route of ROUTES) {
			const line =
				/\*\*Permission:\*\*\s*(.+)/.exec(documented.get(route.name) ?? '')?.[1] ??
				'(no Permission line)';
			const stated = line.startsWith('none')
				? 'none'
				: line.startsWith('any session')
					? 'session'
					: (/^`(\w+)`/.exec(line)?.[1] ?? line);
			const enforced = route.anonymous ? 'none' : (route.permission ?? 'session');
			expect({ route: route.name, permission: stated }).toEqual({
				route: route.name,
				permission: enforced,
			});
		}
	});

	it('documents and serves every route the package calls', () => {
		const called = packageRoutes();
		expect([...called]).toEqual(
			expect.arrayContaining(['/auth/credentials', '/userRolesPermissions', '/agentsRanked']),
		);
		const served = new Set(ROUTES.map((route) => route.name));
		expect([...called].filter((path) => !documented.has(path))).toEqual([]);
		expect([...called].filter((path) => !served.has(path))).toEqual([]);
	});

	it('lists every inference of test/hub/inferences.ts in §11, and no other', () => {
		const section = /## 11\. Inferences\n([\s\S]*?)\n## 12\./.exec(reference)?.[1] ?? '';
		const listed = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]);
		expect(listed.sort()).toEqual(Object.keys(INFERENCES).sort());
	});
});
