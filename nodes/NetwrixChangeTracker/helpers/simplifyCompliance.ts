import type { IDataObject } from 'n8n-workflow';

import { hubDateOrNull } from '../../shared/helpers/hubDates';
import { hubTag } from '../../shared/helpers/hubTag';
import type {
	AvailableComplianceResponse,
	ComplianceSummaryResponse,
	HubAgentTaskDetail,
	HubPolicyResult,
	HubReportSummary,
	HubRuleResult,
} from '../../shared/transport/complianceSchemas';

/**
 * Compliance answers as flat items (docs/compliance.md): one row per report, score, device or rule, every value a
 * text, number, boolean or null (lists of ids apart), each tagged with the credential's Hub Label so the outputs of
 * several Hubs merge into one table. Missing numbers are null, never 0: "no score" is not "scored 0".
 */

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

/** Internal group name → display name. */
export type GroupNames = Map<string, string>;

const groupName = (names: GroupNames, id: string | null | undefined) =>
	id ? (names.get(id.toLowerCase()) ?? id) : null;

/** The Hub's record, tagged with its Hub: what Simplify off outputs. */
export function rawComplianceRecord(record: object, hubLabel: string): IDataObject {
	return { ...hubTag(hubLabel), ...(record as IDataObject) };
}

/** Get Latest Posture: one report's latest run (`/policyRecent`). */
export function simplifyPolicyResult(
	row: HubPolicyResult,
	names: GroupNames,
	hubLabel: string,
): IDataObject {
	return {
		...hubTag(hubLabel),
		policyTemplate: orNull(row.PolicyTemplateName),
		group: groupName(names, row.GroupName),
		groupId: orNull(row.GroupName),
		averageScore: orNull(row.AverageScore),
		passMark: orNull(row.PassMark),
		compliant: orNull(row.Compliant),
		devicesPassed: orNull(row.DevicesPassed),
		devicesFailed: orNull(row.DevicesFailed),
		devicesNotRun: orNull(row.DevicesNotRun),
		risk: orNull(row.Risk),
		runId: orNull(row.ReportInstanceId),
	};
}

/** Get Reports: one row per report and group (and per device with Include Devices). */
export function simplifyAvailableReports(
	answer: AvailableComplianceResponse,
	hubLabel: string,
): IDataObject[] {
	const groups = new Map<string, { id: string | null; name: string | null }>();
	for (const [key, reports] of Object.entries(answer.AvailableComplianceReports ?? {}))
		for (const report of reports ?? [])
			groups.set(report.ReportItemId.toLowerCase(), {
				id: report.GroupName ?? key,
				name: report.GroupDisplayName ?? report.GroupName ?? key,
			});
	return (answer.AvailableComplianceDetails ?? []).map((detail) => {
		const group = groups.get(detail.ReportItemId.toLowerCase());
		const scope = detail.ReportType?.toLowerCase() === 'device' ? 'device' : 'group';
		return {
			...hubTag(hubLabel),
			reportId: detail.ReportItemId,
			reportName: orNull(detail.ReportName),
			group: group?.name ?? null,
			groupId: group?.id ?? null,
			scope,
			name: orNull(detail.GroupOrDeviceName),
			agentDeviceId: scope === 'device' ? (detail.Devices?.[0] ?? null) : null,
			devices: orNull(detail.DevicesInReport),
			agentDeviceIds: detail.Devices ?? [],
			latestScore: orNull(detail.LatestPercentageScore),
			previousScore: orNull(detail.PreviousPercentageScore),
			averageScore: orNull(detail.AveragePercentageScore),
			latestRunUtc: hubDateOrNull(detail.LatestDateUtc),
		};
	});
}

/** Get Scores: one row per group or device and run (a summary without runs gives one row without a score). */
export function simplifyReportSummary(
	summary: HubReportSummary,
	reportId: string,
	hubLabel: string,
): IDataObject[] {
	const device = summary.AgentDevice
		? `${summary.AgentDevice.AgentId},${summary.AgentDevice.DeviceId}`
		: null;
	const base = {
		...hubTag(hubLabel),
		reportId,
		reportName: orNull(summary.ReportName),
		scope: device ? 'device' : 'group',
		name: orNull(summary.GroupOrDeviceName),
		agentDeviceId: device,
	};
	const scores = summary.ReportScores ?? [];
	if (scores.length === 0)
		return [
			{
				...base,
				runUtc: null,
				runId: null,
				score: null,
				passMark: null,
				passed: null,
				devicesPassed: null,
				devicesMissing: null,
			},
		];
	return scores.map((score) => ({
		...base,
		runUtc: hubDateOrNull(score.DateUtc),
		runId: orNull(score.ReportInstanceId),
		score: orNull(score.PercentageScore),
		passMark: orNull(score.PassMark),
		passed:
			typeof score.PercentageScore === 'number' && typeof score.PassMark === 'number'
				? score.PercentageScore >= score.PassMark
				: null,
		devicesPassed: orNull(score.DevicesAchievingPassMark),
		devicesMissing: orNull(score.DevicesMissingFromScore),
	}));
}

interface RunOf {
	reportId: string;
	runId: string;
}

/** The Hub, report, run and run date every item of Get Device Results starts with. */
const runFields = (run: RunOf, runUtc: string | null | undefined, hubLabel: string) => ({
	...hubTag(hubLabel),
	reportId: run.reportId,
	runId: run.runId,
	runUtc: hubDateOrNull(runUtc),
});

/** Get Device Results › Run Summary: the run against the one before it. */
export function simplifyRunSummary(
	answer: ComplianceSummaryResponse,
	run: RunOf,
	hubLabel: string,
): IDataObject {
	return {
		...runFields(run, answer.LastRunTimeUtc, hubLabel),
		averageScore: orNull(answer.AverageScore),
		previousAverageScore: orNull(answer.LastAverageScore),
		change: orNull(answer.GroupPerformance),
		devices: orNull(answer.DeviceCount),
	};
}

/** Get Device Results › Per Device: one device's task in the run, against its previous score. */
export function simplifyDeviceResult(
	detail: HubAgentTaskDetail,
	run: RunOf & { runUtc: string | null | undefined },
	hubLabel: string,
): IDataObject {
	return {
		...runFields(run, run.runUtc, hubLabel),
		agentDeviceId: detail.AgentDeviceId,
		deviceName: orNull(detail.DeviceName),
		status: orNull(detail.AgentTaskStatus),
		score: orNull(detail.TaskScore),
		previousScore: orNull(detail.LastTaskScore),
		change: orNull(detail.TaskScoreDelta),
		isNew: orNull(detail.IsNew),
	};
}

/** Get Rule Results: one rule in one state, with the devices in it. */
export function simplifyRuleResult(
	rule: HubRuleResult,
	runId: string,
	hubLabel: string,
): IDataObject {
	const devices = rule.AgentDeviceIds ?? [];
	return {
		...hubTag(hubLabel),
		runId,
		ruleId: orNull(rule.RuleId),
		title: orNull(rule.Title),
		state: orNull(rule.Attributes?.State),
		detail: orNull(rule.Detail),
		expected: orNull(rule.Attributes?.Expected),
		score: orNull(rule.Score),
		weight: orNull(rule.ScoreWeight),
		itemName: orNull(rule.ItemName),
		tracker: orNull(rule.TrackerTypeName),
		deviceCount: devices.length,
		agentDeviceIds: devices,
	};
}
