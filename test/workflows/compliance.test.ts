/**
 * Compliance › Get Latest Posture, Get Reports, Get Scores, Get Device Results, Get Rule Results (docs/compliance.md)
 * through n8n's engine against the Hub emulator: exact request bodies (filters that are not set are absent), paging
 * under a Take cap, the answers checked against what was asked, and a report merged from two Hubs.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	actionNode,
	chain,
	CredentialStore,
	hubCredential,
	runWorkflow,
	singleNodeWorkflow,
} from '../harness';
import { startHub, type HubEmulator } from '../hub';
import { COMPLIANCE_REPORTS } from '../hub/compliance';
import { HubTestClient } from '../hub/testClient';

const NODE = 'Change Tracker';
const CIS_LINUX = COMPLIANCE_REPORTS[0];
const PCI = COMPLIANCE_REPORTS.find((report) => report.PolicyTemplateName.startsWith('PCI'))!;
/** The seeded runs are weekly up to 2025-01-14 (docs/hub-api.md §16). */
const LAST_FOUR_WEEKS = {
	period: 'between',
	periodStart: '2024-12-20T00:00:00Z',
	periodEnd: '2025-01-15T00:00:00Z',
};

const compliance = (
	operation: string,
	parameters: IDataObject,
	options?: { continueOnFail?: boolean },
) => singleNodeWorkflow({ resource: 'compliance', operation, ...parameters }, options);
const bodies = (hub: HubEmulator, route: string) =>
	hub.requests(route).map((entry) => entry.body as IDataObject);
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

/** What the Hub itself answers (read before the node runs; the log is cleared after). */
async function hubAnswer(hub: HubEmulator, route: string, body: IDataObject) {
	const client = new HubTestClient(hub.apiUrl);
	await client.login();
	const response = await client.post(route, body);
	expect(response.status).toBe(200);
	hub.reset();
	return response.body as IDataObject;
}

describe('Compliance', () => {
	let hub: HubEmulator;
	let store: CredentialStore;
	beforeAll(async () => {
		hub = await startHub({ agents: 80 });
	});
	afterAll(async () => await hub.close());
	beforeEach(() => {
		hub.reset({ reseed: true });
		store = new CredentialStore([hubCredential(hub.url, { hubLabel: 'EMEA' })]);
	});

	describe('Get Latest Posture', () => {
		it('sends only the page when no filter is set, and outputs one flat row per template and group', async () => {
			const expected = (await hubAnswer(hub, '/policyRecent', {})).Results as IDataObject[];
			const run = await runWorkflow(compliance('getLatestPosture', { returnAll: true }), { store });
			expect(run.status).toBe('success');
			expect(bodies(hub, '/policyRecent')).toEqual([{ Skip: 0, Take: 500 }]);
			const rows = run.json(NODE);
			expect(rows).toHaveLength(COMPLIANCE_REPORTS.length);
			expect(rows).toEqual(
				expected.map((result) => ({
					hub: 'EMEA',
					policyTemplate: result.PolicyTemplateName,
					group: hub.store.findGroup(result.GroupName as string)!.DisplayName,
					groupId: result.GroupName,
					averageScore: result.AverageScore,
					passMark: result.PassMark,
					compliant: result.Compliant,
					devicesPassed: result.DevicesPassed,
					devicesFailed: result.DevicesFailed,
					devicesNotRun: result.DevicesNotRun,
					risk: result.Risk,
					runId: result.ReportInstanceId,
				})),
			);
			for (const row of rows)
				expect(row.compliant).toBe(
					(row.averageScore as number) >= (row.passMark as number) &&
						(row.devicesPassed as number) + (row.devicesFailed as number) > 0,
				);
			expect(hub.requests('/groups')).toHaveLength(1);
		});

		it('sends the usage tag and the group (a display name becomes its internal name)', async () => {
			const group = hub.store.findGroup(CIS_LINUX.GroupName)!;
			const run = await runWorkflow(
				compliance('getLatestPosture', {
					returnAll: false,
					limit: 10,
					filters: { usageTag: 'Linux', groupName: group.DisplayName },
				}),
				{ store },
			);
			expect(run.status).toBe('success');
			expect(bodies(hub, '/policyRecent')).toEqual([
				{ UsageTag: 'Linux', GroupName: group.Name, Skip: 0, Take: 10 },
			]);
			expect(run.json(NODE).map((row) => row.policyTemplate)).toEqual([
				CIS_LINUX.PolicyTemplateName,
			]);
		});

		it("returns the Hub's record with the hub label when Simplify is off", async () => {
			const expected = (await hubAnswer(hub, '/policyRecent', { GroupName: PCI.GroupName }))
				.Results as IDataObject[];
			const run = await runWorkflow(
				compliance('getLatestPosture', {
					returnAll: true,
					simplify: false,
					filters: { groupName: PCI.GroupName },
				}),
				{ store },
			);
			expect(run.json(NODE)).toEqual(expected.map((result) => ({ hub: 'EMEA', ...result })));
			expect(hub.requests('/groups')).toHaveLength(1); // the group filter was checked; no names needed
		});

		it('stops when the Hub answers with another group than the one asked for', async () => {
			hub.faults.add({
				route: '/policyRecent',
				rewriteRequest: (dto) => ({ ...dto, GroupName: undefined }),
			});
			const run = await runWorkflow(
				compliance('getLatestPosture', { returnAll: true, filters: { groupName: PCI.GroupName } }),
				{ store },
			);
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(
				new RegExp(
					`^The Hub returned a result of group A\\d+ where group ${PCI.GroupName} was asked for`,
				),
			);
		});

		it('fails with a clear error for a group the Hub does not have, before asking for results', async () => {
			const run = await runWorkflow(
				compliance('getLatestPosture', {
					returnAll: true,
					filters: { groupName: 'No Such Group' },
				}),
				{ store },
			);
			expect(run.error?.message).toMatch(/^Filters › Group: "No Such Group" is not a group/);
			expect(hub.requests('/policyRecent')).toHaveLength(0);
		});
	});

	describe('Get Reports', () => {
		it('sends nothing but the filters set: all runs, no devices', async () => {
			const run = await runWorkflow(compliance('getReports', {}), { store });
			expect(run.status).toBe('success');
			// No field set: n8n's request helper sends the empty object as no body, which the Hub reads as an empty DTO.
			expect(bodies(hub, '/stats/getavailablecompliancedata')).toEqual([undefined]);
			const rows = run.json(NODE);
			expect(rows.map((row) => row.reportId).sort()).toEqual(
				COMPLIANCE_REPORTS.map((report) => report.ReportItemId).sort(),
			);
			const cis = rows.find((row) => row.reportId === CIS_LINUX.ReportItemId)!;
			const group = hub.store.findGroup(CIS_LINUX.GroupName)!;
			expect(cis).toMatchObject({
				hub: 'EMEA',
				reportName: `${CIS_LINUX.PolicyTemplateName} - ${group.DisplayName}`,
				group: group.DisplayName,
				groupId: group.Name,
				scope: 'group',
				name: group.DisplayName,
				agentDeviceId: null,
				latestRunUtc: '2025-01-14T02:00:00.000Z',
			});
			expect(cis.devices).toBe((cis.agentDeviceIds as string[]).length);
			for (const key of ['latestScore', 'previousScore', 'averageScore'])
				expect(typeof cis[key]).toBe('number');
		});

		it('sends the period, the device filter and Include Devices; device rows name their device', async () => {
			const device = hub.store.agents.find(
				(agent) => !agent.Deleted && agent.GroupNames.includes(PCI.GroupName),
			)!;
			const id = `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
			const run = await runWorkflow(
				compliance('getReports', {
					...LAST_FOUR_WEEKS,
					includeDevices: true,
					filters: { agentDeviceIds: id },
				}),
				{ store },
			);
			expect(run.status).toBe('success');
			expect(bodies(hub, '/stats/getavailablecompliancedata')).toEqual([
				{
					StartUtc: '2024-12-20T00:00:00.000Z',
					EndUtc: '2025-01-15T00:00:00.000Z',
					DeviceFilter: { AgentDeviceIds: [id] },
					ReturnDevices: true,
				},
			]);
			const rows = run.json(NODE);
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) expect(row.agentDeviceIds).toEqual([id]);
			expect(rows.filter((row) => row.scope === 'device')).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ agentDeviceId: id, name: device.Name, devices: 1 }),
				]),
			);
		});

		it('sends groups by internal name', async () => {
			const group = hub.store.findGroup(PCI.GroupName)!;
			await runWorkflow(
				compliance('getReports', { filters: { groupNames: [group.DisplayName] } }),
				{
					store,
				},
			);
			expect(bodies(hub, '/stats/getavailablecompliancedata')).toEqual([
				{ DeviceFilter: { GroupNames: [group.Name] } },
			]);
		});

		it('stops when the Hub answers with results outside the period asked for', async () => {
			hub.faults.add({
				route: '/stats/getavailablecompliancedata',
				rewriteRequest: (dto) => ({ ...dto, StartUtc: undefined, EndUtc: undefined }),
			});
			const run = await runWorkflow(
				compliance('getReports', {
					period: 'between',
					periodStart: '2024-12-01T00:00:00Z',
					periodEnd: '2024-12-31T00:00:00Z',
				}),
				{ store },
			);
			expect(run.error?.message).toMatch(/outside the period asked for/);
		});
	});

	describe('Get Scores', () => {
		it('sends the report and the page; one row per group or device and run, the group first', async () => {
			const run = await runWorkflow(
				compliance('getScores', { report: byId(CIS_LINUX.ReportItemId) }),
				{ store },
			);
			expect(run.status).toBe('success');
			expect(bodies(hub, '/stats/compliancedata')).toEqual([
				{ ReportItemId: CIS_LINUX.ReportItemId, Skip: 0, Take: 500 },
			]);
			const rows = run.json(NODE);
			const group = hub.store.findGroup(CIS_LINUX.GroupName)!;
			const groupRows = rows.filter((row) => row.scope === 'group');
			expect(groupRows).toHaveLength(8);
			expect(rows[0]).toMatchObject({
				hub: 'EMEA',
				reportId: CIS_LINUX.ReportItemId,
				scope: 'group',
				name: group.DisplayName,
				agentDeviceId: null,
				passMark: CIS_LINUX.PassMark,
			});
			expect(groupRows.map((row) => row.runUtc)).toEqual(
				[...groupRows.map((row) => row.runUtc as string)].sort(),
			);
			for (const row of rows) {
				expect(row.passed).toBe((row.score as number) >= CIS_LINUX.PassMark);
				expect(row.runId).toMatch(/^[0-9a-f]{24}$/);
			}
			expect(rows.some((row) => row.scope === 'device' && row.agentDeviceId)).toBe(true);
		});

		it('sends the period, device filter, Max Runs and Include Devices Without Results', async () => {
			const group = hub.store.findGroup(CIS_LINUX.GroupName)!;
			const run = await runWorkflow(
				compliance('getScores', {
					report: { __rl: true, mode: 'list', value: CIS_LINUX.ReportItemId },
					...LAST_FOUR_WEEKS,
					filters: { groupNames: [group.DisplayName], agentDisplayNames: 'NO-SUCH-DEVICE' },
					options: { maxRuns: 2, includeDevicesWithNoResults: true, pageSize: 50 },
				}),
				{ store },
			);
			expect(run.status).toBe('success');
			expect(bodies(hub, '/stats/compliancedata')).toEqual([
				{
					ReportItemId: CIS_LINUX.ReportItemId,
					StartUtc: '2024-12-20T00:00:00.000Z',
					EndUtc: '2025-01-15T00:00:00.000Z',
					DeviceFilter: { GroupNames: [group.Name], AgentDisplayNames: ['NO-SUCH-DEVICE'] },
					MaxNumberOfSummaries: 2,
					IncludeDevicesWithNoResults: true,
					Skip: 0,
					Take: 50,
				},
			]);
			// No device has that name: the group's two runs only.
			expect(run.json(NODE).map((row) => [row.scope, row.runUtc])).toEqual([
				['group', '2025-01-07T02:00:00.000Z'],
				['group', '2025-01-14T02:00:00.000Z'],
			]);
		});

		it('reads every group and device once under a Take cap below the page size', async () => {
			const capped = await startHub({ agents: 80, takeCap: 3 });
			try {
				const cappedStore = new CredentialStore([hubCredential(capped.url)]);
				const all = (
					await hubAnswer(capped, '/stats/compliancedata', {
						ReportItemId: CIS_LINUX.ReportItemId,
						CountOnly: true,
					})
				).Total as number;
				expect(all).toBeGreaterThan(6);
				const run = await runWorkflow(
					compliance('getScores', {
						report: byId(CIS_LINUX.ReportItemId),
						simplify: false,
						options: { pageSize: 5, pageConcurrency: 2 },
					}),
					{ store: cappedStore },
				);
				expect(run.status).toBe('success');
				const summaries = run.json(NODE);
				const keys = summaries.map((summary) =>
					JSON.stringify([summary.GroupOrDeviceName, summary.AgentDevice]),
				);
				expect(keys).toHaveLength(all);
				expect(new Set(keys).size).toBe(all);
				const requests = bodies(capped, '/stats/compliancedata');
				expect(requests[0]).toMatchObject({ Skip: 0, Take: 5 });
				expect(requests).toHaveLength(Math.ceil(all / 3));

				// Get Latest Posture pages the same way: 5 results, Take capped at 3, each once.
				for (const pageConcurrency of [1, 2]) {
					capped.reset();
					const posture = await runWorkflow(
						compliance('getLatestPosture', {
							returnAll: true,
							options: { pageSize: 4, pageConcurrency },
						}),
						{ store: new CredentialStore([hubCredential(capped.url)]) },
					);
					const keys = posture.json(NODE).map((row) => `${row.policyTemplate}|${row.groupId}`);
					expect(new Set(keys).size).toBe(COMPLIANCE_REPORTS.length);
					expect(keys).toHaveLength(COMPLIANCE_REPORTS.length);
					expect(bodies(capped, '/policyRecent').map((body) => [body.Skip, body.Take])).toEqual([
						[0, 4],
						[3, 2],
					]);
				}
				capped.reset();
				const limited = await runWorkflow(
					compliance('getLatestPosture', { returnAll: false, limit: 4 }),
					{ store: new CredentialStore([hubCredential(capped.url)]) },
				);
				expect(limited.json(NODE)).toHaveLength(4);
				expect(bodies(capped, '/policyRecent').map((body) => [body.Skip, body.Take])).toEqual([
					[0, 4],
					[3, 1],
				]);
			} finally {
				await capped.close();
			}
		});

		it('stops when the Hub answers with the scores of another report', async () => {
			hub.faults.add({
				route: '/stats/compliancedata',
				rewriteRequest: (dto) => ({ ...dto, ReportItemId: PCI.ReportItemId }),
			});
			const run = await runWorkflow(
				compliance('getScores', { report: byId(CIS_LINUX.ReportItemId) }),
				{ store },
			);
			expect(run.error?.message).toBe(
				`The Hub returned scores of report ${PCI.ReportItemId} where report ${CIS_LINUX.ReportItemId} was asked for`,
			);
		});

		it('reports an unknown report (404) naming the Report field', async () => {
			const run = await runWorkflow(
				compliance('getScores', { report: byId('65a0c0de0000000000000999') }),
				{ store },
			);
			expect(run.error?.message).toBe(
				'Report: the Hub has no compliance report with ID "65a0c0de0000000000000999". Choose a report from the list, or take the reportId field of Get Reports',
			);
		});
	});

	describe('Get Device Results and Get Rule Results', () => {
		async function latestRun(report = CIS_LINUX) {
			const answer = await hubAnswer(hub, '/policyRecent', { GroupName: report.GroupName });
			const result = (answer.Results as IDataObject[]).find(
				(row) => row.PolicyTemplateName === report.PolicyTemplateName,
			)!;
			return result.ReportInstanceId as string;
		}

		it("gets one run's result per device, with the previous score and the change", async () => {
			const runId = await latestRun();
			const expected = await hubAnswer(hub, '/stats/compliancesummarydata', {
				ReportItemId: CIS_LINUX.ReportItemId,
				ReportInstanceId: runId,
				IncludeAgentTaskDetails: true,
			});
			const run = await runWorkflow(
				compliance('getDeviceResults', { report: byId(CIS_LINUX.ReportItemId), runId }),
				{ store },
			);
			expect(run.status).toBe('success');
			expect(bodies(hub, '/stats/compliancesummarydata')).toEqual([
				{
					ReportItemId: CIS_LINUX.ReportItemId,
					ReportInstanceId: runId,
					IncludeAgentTaskDetails: true,
				},
			]);
			expect(run.json(NODE)).toEqual(
				(expected.AgentTaskDetails as IDataObject[]).map((detail) => ({
					hub: 'EMEA',
					reportId: CIS_LINUX.ReportItemId,
					runId,
					runUtc: expected.LastRunTimeUtc,
					agentDeviceId: detail.AgentDeviceId,
					deviceName: detail.DeviceName,
					status: detail.AgentTaskStatus,
					score: detail.TaskScore,
					previousScore: detail.LastTaskScore,
					change: detail.TaskScoreDelta,
					isNew: detail.IsNew,
				})),
			);
		});

		it('gets the run summary without device details', async () => {
			const runId = await latestRun();
			const run = await runWorkflow(
				compliance('getDeviceResults', {
					report: byId(CIS_LINUX.ReportItemId),
					runId,
					output: 'summary',
				}),
				{ store },
			);
			expect(bodies(hub, '/stats/compliancesummarydata')).toEqual([
				{ ReportItemId: CIS_LINUX.ReportItemId, ReportInstanceId: runId },
			]);
			const [summary] = run.json(NODE);
			expect(summary).toEqual({
				hub: 'EMEA',
				reportId: CIS_LINUX.ReportItemId,
				runId,
				runUtc: '2025-01-14T02:00:00.000Z',
				averageScore: expect.any(Number),
				previousAverageScore: expect.any(Number),
				change: expect.any(Number),
				devices: expect.any(Number),
			});
			expect(summary.change).toBeCloseTo(
				(summary.averageScore as number) - (summary.previousAverageScore as number),
				1,
			);
		});

		it('stops when the Hub answers with more device results than the run has devices', async () => {
			const runId = await latestRun();
			hub.faults.add({
				route: '/stats/compliancesummarydata',
				transform: (reply) => ({ ...reply, body: { ...(reply.body as object), DeviceCount: 1 } }),
			});
			const run = await runWorkflow(
				compliance('getDeviceResults', { report: byId(CIS_LINUX.ReportItemId), runId }),
				{ store },
			);
			expect(run.error?.message).toMatch(
				/^The Hub returned \d+ device results for a run of 1 devices/,
			);
		});

		it('gets the failing rules by default, both states when asked, and none sends the Hub default', async () => {
			const runId = await latestRun();
			const failing = await runWorkflow(compliance('getRuleResults', { runId }), { store });
			expect(failing.status).toBe('success');
			const rules = failing.json(NODE);
			expect(rules.length).toBeGreaterThan(0);
			for (const rule of rules) {
				expect(rule).toMatchObject({ hub: 'EMEA', runId, state: 'Failed' });
				expect(rule.deviceCount).toBe((rule.agentDeviceIds as string[]).length);
				expect(CIS_LINUX.rules.map((each) => each.RuleId)).toContain(rule.ruleId);
			}
			const rule = CIS_LINUX.rules.find((each) => each.RuleId === rules[0].ruleId)!;
			expect(rules[0]).toMatchObject({
				title: rule.Title,
				detail: rule.Detail,
				expected: rule.Expected,
				weight: rule.ScoreWeight,
				itemName: rule.ItemName,
				tracker: rule.TrackerTypeName,
			});
			await runWorkflow(compliance('getRuleResults', { runId, states: ['Failed', 'Passed'] }), {
				store,
			});
			await runWorkflow(compliance('getRuleResults', { runId, states: [] }), { store });
			expect(bodies(hub, '/reports/ruleresults')).toEqual([
				{ GroupResultsEventId: runId, RuleResultStateIds: ['Failed'] },
				{ GroupResultsEventId: runId, RuleResultStateIds: ['Failed', 'Passed'] },
				{ GroupResultsEventId: runId },
			]);
		});

		it('reports an unknown run (404) naming the Run ID field', async () => {
			const run = await runWorkflow(
				compliance('getRuleResults', { runId: '65a0c0de000000000000ffff' }),
				{ store },
			);
			expect(run.error?.message).toBe(
				'Run ID: the Hub has no run "65a0c0de000000000000ffff". Take the runId field of Get Latest Posture or Get Scores (for the same report)',
			);
		});

		it('stops when the Hub answers with rules in a state not asked for', async () => {
			const runId = await latestRun();
			hub.faults.add({
				route: '/reports/ruleresults',
				rewriteRequest: (dto) => ({ ...dto, RuleResultStateIds: ['Passed'] }),
			});
			const run = await runWorkflow(compliance('getRuleResults', { runId }), { store });
			expect(run.error?.message).toMatch(/in state Passed where Failed was asked for/);
		});

		it.each([
			['getRuleResults', { runId: '={{ "" }}' }, /^Run ID: is empty\. Give the Report Instance ID/],
			[
				'getDeviceResults',
				{ report: byId('={{ " " }}'), runId: 'x' },
				/^Report: is empty\. Choose a report from the list/,
			],
			[
				'getScores',
				{
					report: byId(CIS_LINUX.ReportItemId),
					period: 'between',
					periodStart: '2025-01-10T00:00:00Z',
					periodEnd: '2025-01-01T00:00:00Z',
				},
				/^End: 2025-01-01T00:00:00\.000Z is before Start/,
			],
		])('%s rejects bad input before any request: %j', async (operation, parameters, message) => {
			const run = await runWorkflow(compliance(operation, parameters), { store });
			expect(run.error?.message).toMatch(message);
			expect(hub.stats().requests).toBe(0);
		});
	});
});

describe('Compliance › a global posture report from two Hubs', () => {
	let emea: HubEmulator;
	let amer: HubEmulator;
	beforeAll(async () => {
		[emea, amer] = await Promise.all([
			startHub({ agents: 60, seed: 1 }),
			startHub({ agents: 40, seed: 2 }),
		]);
	});
	afterAll(async () => await Promise.all([emea.close(), amer.close()]));

	it('merges both Hubs into one table, each row tagged with its Hub', async () => {
		const expected = {
			EMEA: (await hubAnswer(emea, '/policyRecent', {})).Results as IDataObject[],
			AMER: (await hubAnswer(amer, '/policyRecent', {})).Results as IDataObject[],
		};
		const store = new CredentialStore([
			hubCredential(emea.url, { id: 'ct-hub-emea', hubLabel: 'EMEA' }),
			hubCredential(amer.url, { id: 'ct-hub-amer', hubLabel: 'AMER' }),
		]);
		const posture = { resource: 'compliance', operation: 'getLatestPosture', returnAll: true };
		const workflow = chain(
			actionNode(posture, { name: 'EMEA Posture', credentialId: 'ct-hub-emea' }),
			{
				...actionNode(posture, { name: 'AMER Posture', credentialId: 'ct-hub-amer' }),
				executeOnce: true,
			},
		);
		const run = await runWorkflow(workflow, { store });
		expect(run.status).toBe('success');
		const merged = [...run.json('EMEA Posture'), ...run.json('AMER Posture')];
		expect(merged).toHaveLength(expected.EMEA.length + expected.AMER.length);
		for (const label of ['EMEA', 'AMER'] as const) {
			const rows = merged.filter((row) => row.hub === label);
			expect(rows.map((row) => [row.policyTemplate, row.groupId, row.averageScore])).toEqual(
				expected[label].map((result) => [
					result.PolicyTemplateName,
					result.GroupName,
					result.AverageScore,
				]),
			);
		}
		// One login and one posture request per Hub.
		expect(emea.requests('/policyRecent')).toHaveLength(1);
		expect(amer.requests('/policyRecent')).toHaveLength(1);
		expect(emea.stats().logins + amer.stats().logins).toBe(2);
	});
});
