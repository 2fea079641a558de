/**
 * Behaviour of the emulator's compliance routes (docs/hub-api.md §16) over real sockets: discovering reports, the
 * latest posture per template and group, scores over time, one run in detail, failing rules, and that membership
 * changes (§15) reach the reports.
 */
import { startHub, type HubEmulator } from './hub';
import { COMPLIANCE_REPORTS } from './hub/compliance';
import * as S from './hub/schemas';
import { HubTestClient } from './hub/testClient';

const hubs: HubEmulator[] = [];

async function newHub(seed?: number): Promise<{ hub: HubEmulator; admin: HubTestClient }> {
	const hub = await startHub(seed === undefined ? {} : { seed });
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

const PCI = COMPLIANCE_REPORTS.find((report) => report.PolicyTemplateName.startsWith('PCI'))!;
const CIS_LINUX = COMPLIANCE_REPORTS[0];

interface Summary {
	GroupOrDeviceName: string;
	AgentDevice?: { AgentId: string; DeviceId: string };
	LatestPercentageScore: number;
	ReportScores: { PercentageScore: number; ReportInstanceId: string; DateUtc: string }[];
}

describe('/stats/getavailablecompliancedata', () => {
	it('lists the reports per group with latest, previous and average scores', async () => {
		const { admin } = await newHub();
		const response = await admin.post('/stats/getavailablecompliancedata', {});
		expect(response.status).toBe(200);
		expectShape(S.GetAvailableComplianceDataResponse, response.body);
		expect(Object.keys(response.body.AvailableComplianceReports).sort()).toEqual([
			'A20',
			'A23',
			'A24',
			'A5',
		]);
		expect(response.body.AvailableComplianceReports.A23).toEqual(
			expect.arrayContaining([
				{
					GroupName: 'A23',
					GroupDisplayName: 'CIS Level 1',
					ReportName: 'CIS Benchmark L1 - Linux - CIS Level 1',
					ReportItemId: CIS_LINUX.ReportItemId,
				},
			]),
		);
		const details = response.body.AvailableComplianceDetails;
		expect(details.every((row: { ReportType: string }) => row.ReportType === 'Group')).toBe(true);
		const withDevices = await admin.post('/stats/getavailablecompliancedata', {
			ReturnDevices: true,
		});
		expectShape(S.GetAvailableComplianceDataResponse, withDevices.body);
		const deviceRows = withDevices.body.AvailableComplianceDetails.filter(
			(row: { ReportType: string }) => row.ReportType === 'Device',
		);
		expect(deviceRows.length).toBeGreaterThan(details.length);
		expect(deviceRows[0]).toMatchObject({ DevicesInReport: 1 });
	});

	it('narrows to a device with DeviceFilter and to runs in StartUtc..EndUtc', async () => {
		const { hub, admin } = await newHub();
		const device = hub.store.agents.find((candidate) => candidate.DeviceType === 'Network')!;
		const id = `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
		const response = await admin.post('/stats/getavailablecompliancedata', {
			DeviceFilter: { AgentDeviceIds: [id] },
			ReturnDevices: true,
		});
		const ids = response.body.AvailableComplianceDetails.map(
			(row: { ReportItemId: string }) => row.ReportItemId,
		);
		expect(ids).toContain(COMPLIANCE_REPORTS[4].ReportItemId);
		for (const row of response.body.AvailableComplianceDetails) expect(row.Devices).toEqual([id]);
		const none = await admin.post('/stats/getavailablecompliancedata', {
			StartUtc: '2030-01-01T00:00:00Z',
		});
		expect(none.body).toEqual({ AvailableComplianceReports: {}, AvailableComplianceDetails: [] });
	});
});

describe('/policyRecent', () => {
	it('answers each template and group from its latest run, filtered by UsageTag and GroupName, paged', async () => {
		const { hub, admin } = await newHub();
		const all = await admin.post('/policyRecent', {});
		expect(all.status).toBe(200);
		expectShape(S.GetMostRecentPolicyResultsResponse, all.body);
		expect(all.body).toMatchObject({ Total: 5, Returned: 5 });
		for (const row of all.body.Results) {
			expect(row.Compliant).toBe(
				row.AverageScore >= row.PassMark && row.DevicesPassed + row.DevicesFailed > 0,
			);
			expect(row.Risk).toBe(hub.store.findGroup(row.GroupName)!.RiskScore);
		}
		const network = await admin.post('/policyRecent', { UsageTag: 'network' });
		expect(network.body.Results.map((row: { GroupName: string }) => row.GroupName)).toEqual(['A5']);
		const pci = await admin.post('/policyRecent', { GroupName: 'A20' });
		expect(pci.body.Results).toHaveLength(1);
		expect(pci.body.Results[0]).toMatchObject({
			PolicyTemplateName: PCI.PolicyTemplateName,
			PassMark: 90,
		});
		const page = await admin.post('/policyRecent', {
			Sort: { AverageScore: 'DESC' },
			Skip: 1,
			Take: 2,
		});
		expect(page.body).toMatchObject({ Total: 5, Returned: 2 });
		expect(page.body.Results[0].AverageScore >= page.body.Results[1].AverageScore).toBe(true);
		const bad = await admin.post('/policyRecent', { UsageTag: 'Everything' });
		expect(bad.status).toBe(400);
	});
});

describe('/stats/compliancedata', () => {
	it("answers the group's average and each device's scores over time, changing run to run", async () => {
		const { admin } = await newHub();
		const response = await admin.post('/stats/compliancedata', {
			ReportItemId: CIS_LINUX.ReportItemId,
		});
		expect(response.status).toBe(200);
		expectShape(S.GetComplianceDataResponse, response.body);
		const [group, ...devices] = response.body.ReportSummaries as Summary[];
		expect(group.GroupOrDeviceName).toBe('CIS Level 1');
		expect(group.AgentDevice).toBeUndefined();
		expect(group.ReportScores).toHaveLength(8);
		expect(response.body.ComplianceHeaders).toEqual(
			group.ReportScores.map((score) => score.DateUtc),
		);
		expect(new Set(group.ReportScores.map((score) => score.PercentageScore)).size).toBeGreaterThan(
			1,
		);
		expect(devices.length).toBeGreaterThan(0);
		expect(devices.every((row) => row.AgentDevice !== undefined)).toBe(true);
		expect(response.body).toMatchObject({ OlderDataAvailable: false, NewerDataAvailable: false });

		const again = await admin.post('/stats/compliancedata', {
			ReportItemId: CIS_LINUX.ReportItemId,
		});
		expect(again.body.ReportSummaries).toEqual(response.body.ReportSummaries); // deterministic
	});

	it('honours the range, MaxNumberOfSummaries, DeviceFilter and paging; rejects a missing or unknown report', async () => {
		const { hub, admin } = await newHub();
		const dates = (
			await admin.post('/stats/compliancedata', { ReportItemId: PCI.ReportItemId, Take: 1 })
		).body.ComplianceHeaders as string[];
		const ranged = await admin.post('/stats/compliancedata', {
			ReportItemId: PCI.ReportItemId,
			StartUtc: dates[2],
			EndUtc: dates[5],
			MaxNumberOfSummaries: 2,
		});
		expect(ranged.body.ComplianceHeaders).toEqual([dates[4], dates[5]]);
		expect(ranged.body).toMatchObject({ OlderDataAvailable: true, NewerDataAvailable: true });
		const device = hub.store.agents.find(
			(candidate) => candidate.GroupNames.includes('A20') && /Windows/.test(candidate.KnownOsName),
		)!;
		const one = await admin.post('/stats/compliancedata', {
			ReportItemId: PCI.ReportItemId,
			DeviceFilter: {
				AgentDeviceIds: [`${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`],
			},
			IncludeDevicesWithNoResults: true,
		});
		expect(one.body.ReportSummaries.map((row: Summary) => row.GroupOrDeviceName)).toEqual([
			'PCI DSS Scope',
			device.Name,
		]);
		const count = await admin.post('/stats/compliancedata', {
			ReportItemId: PCI.ReportItemId,
			CountOnly: true,
		});
		expect(count.body.Returned).toBe(0);
		expect(count.body.Total).toBeGreaterThan(1);
		expect((await admin.post('/stats/compliancedata', {})).status).toBe(400);
		expect(
			(await admin.post('/stats/compliancedata', { ReportItemId: '000000000000000000000000' }))
				.status,
		).toBe(404);
	});

	it('follows group membership: a Linux device added to A23 is scored in its runs', async () => {
		const { hub, admin } = await newHub();
		const device = hub.store.agents.find(
			(candidate) =>
				/RHEL|Ubuntu|Oracle Linux|SLES/.test(candidate.KnownOsName) &&
				!candidate.GroupNames.includes('A23'),
		)!;
		const id = `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
		const before = await admin.post('/stats/compliancedata', {
			ReportItemId: CIS_LINUX.ReportItemId,
			DeviceFilter: { AgentDeviceIds: [id] },
		});
		expect(before.body.ReportSummaries).toHaveLength(1);
		await admin.post('/groupMembers/add', { GroupName: 'A23', AgentDeviceIds: [id] });
		const after = await admin.post('/stats/compliancedata', {
			ReportItemId: CIS_LINUX.ReportItemId,
			DeviceFilter: { AgentDeviceIds: [id] },
			IncludeDevicesWithNoResults: true,
		});
		expect(after.body.ReportSummaries.map((row: Summary) => row.GroupOrDeviceName)).toEqual([
			'CIS Level 1',
			device.Name,
		]);
	});
});

describe('/stats/compliancesummarydata and /reports/ruleresults', () => {
	it('details one run per device with deltas, and its failing rules with devices', async () => {
		const { admin } = await newHub();
		const series = await admin.post('/stats/compliancedata', {
			ReportItemId: CIS_LINUX.ReportItemId,
		});
		const [group, ...devices] = series.body.ReportSummaries as Summary[];
		const latest = group.ReportScores[group.ReportScores.length - 1];
		const previous = group.ReportScores[group.ReportScores.length - 2];
		const summary = await admin.post('/stats/compliancesummarydata', {
			ReportItemId: CIS_LINUX.ReportItemId,
			ReportInstanceId: latest.ReportInstanceId,
			IncludeAgentTaskDetails: true,
		});
		expect(summary.status).toBe(200);
		expectShape(S.ComplianceReportSummaryResponse, summary.body);
		expect(summary.body).toMatchObject({
			AverageScore: latest.PercentageScore,
			LastAverageScore: previous.PercentageScore,
			LastRunTimeUtc: latest.DateUtc,
		});
		const tasks = summary.body.AgentTaskDetails as {
			AgentDeviceId: string;
			TaskScore: number;
			LastTaskScore: number;
			TaskScoreDelta: number;
			AgentTaskStatus: string;
		}[];
		expect(tasks).toHaveLength(summary.body.DeviceCount);
		for (const task of tasks)
			expect(task.TaskScoreDelta).toBeCloseTo(task.TaskScore - task.LastTaskScore, 5);
		const firstDevice = devices[0];
		const task = tasks.find(
			(each) =>
				each.AgentDeviceId ===
				`${firstDevice.AgentDevice!.AgentId},${firstDevice.AgentDevice!.DeviceId}`,
		)!;
		if (task.AgentTaskStatus === 'Complete')
			expect(task.TaskScore).toBe(firstDevice.LatestPercentageScore);
		const bare = await admin.post('/stats/compliancesummarydata', {
			ReportItemId: CIS_LINUX.ReportItemId,
			ReportInstanceId: latest.ReportInstanceId,
		});
		expect(bare.body.AgentTaskDetails).toBeUndefined();

		const rules = await admin.post('/reports/ruleresults', {
			GroupResultsEventId: group.ReportScores[0].ReportInstanceId,
		});
		expect(rules.status).toBe(200);
		expectShape(S.GetRuleResultsResponse, rules.body);
		expect(rules.body.Items.length).toBeGreaterThan(0);
		for (const item of rules.body.Items) {
			expect(item.Attributes.State).toBe('Failed');
			expect(item.AgentDeviceIds.length).toBeGreaterThan(0);
			expect(item.Title).not.toBe('');
			expect(item.Score).toBeLessThan(100);
		}
		const both = await admin.post('/reports/ruleresults', {
			GroupResultsEventId: group.ReportScores[0].ReportInstanceId,
			RuleResultStateIds: ['Failed', 'Passed'],
		});
		expect(both.body.Items.length).toBeGreaterThan(rules.body.Items.length);
		expect((await admin.post('/reports/ruleresults', {})).status).toBe(400);
		expect((await admin.post('/reports/ruleresults', { GroupResultsEventId: 'nope' })).status).toBe(
			404,
		);
		expect(
			(
				await admin.post('/reports/ruleresults', {
					GroupResultsEventId: latest.ReportInstanceId,
					RuleResultStateIds: ['Broken'],
				})
			).status,
		).toBe(400);
	});

	it('needs DeviceView', async () => {
		const { hub } = await newHub();
		const anonymous = new HubTestClient(hub.apiUrl);
		expect((await anonymous.post('/policyRecent', {})).status).toBe(401);
	});
});
