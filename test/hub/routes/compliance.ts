/**
 * Compliance (docs/hub-api.md §16): /policyRecent, /stats/getavailablecompliancedata, /stats/compliancedata,
 * /stats/compliancesummarydata and /reports/ruleresults over the runs of compliance.ts.
 */
import {
	averageScore,
	complianceOf,
	type ComplianceReportSpec,
	type ComplianceRun,
} from '../compliance';
import { deviceFilterTest } from '../deviceQuery';
import { parseDate } from '../eventQuery';
import { fieldError, notFound, validationError } from '../http/errors';
import { pagedRows, readPath, resolverFor, type PagedRequest } from '../paging';
import {
	ComplianceSummaryDataRequest,
	GetAvailableComplianceDataRequest,
	GetComplianceDataRequest,
	GetMostRecentPolicyResultsRequest,
	GetRuleResultsRequest,
} from '../schemas';
import { agentDeviceId, type HubStore } from '../store';
import type { DeviceRecord } from '../types';
import { ok, route } from './route';

const USAGE_TAGS = [
	'All',
	'Database',
	'Linux',
	'Network',
	'OSX',
	'Unix',
	'Windows',
	'Baseline',
	'Compliance',
	'Tracking',
	'Hardening',
	'Cloud',
];
const RULE_STATES = ['Failed', 'Passed'];
const POLICY_FIELDS = [
	'PolicyTemplateName',
	'GroupName',
	'AverageScore',
	'PassMark',
	'DevicesPassed',
	'DevicesFailed',
	'DevicesNotRun',
	'Compliant',
	'Risk',
	'ReportInstanceId',
];

const round1 = (value: number) => Math.round(value * 10) / 10;
const mean = (values: number[]) =>
	values.length === 0 ? 0 : round1(values.reduce((sum, value) => sum + value, 0) / values.length);

type Row = Record<string, unknown>;
/** Paging, CountOnly, Sort and GenericFilters on a response row type (INFERENCES.complianceData). */
function paged<T extends Row>(
	rows: T[],
	fields: readonly string[],
	dto: PagedRequest,
	takeCap: number,
) {
	const read = (row: T, [field, ...rest]: string[]) => readPath(row[field], rest);
	return pagedRows(rows, dto, resolverFor(fields), read, takeCap);
}

function mustFindReport(store: HubStore, id: string | undefined): ComplianceReportSpec {
	if (!id?.trim())
		throw validationError([
			fieldError('ReportItemId', 'NotEmpty', "'Report Item Id' must not be empty."),
		]);
	const report = complianceOf(store).findReport(id);
	if (!report) throw notFound(`Compliance report '${id.trim()}' not found`);
	return report;
}

/** Runs dated StartUtc..EndUtc (both inclusive; absent = unbounded). */
function runsBetween(runs: ComplianceRun[], start?: string, end?: string): ComplianceRun[] {
	const from = parseDate(start) ?? -Infinity;
	const to = parseDate(end) ?? Infinity;
	if (from > to)
		throw validationError([
			fieldError('StartUtc', 'Invalid', "'Start Utc' must not be after 'End Utc'."),
		]);
	return runs.filter((run) => {
		const at = Date.parse(run.DateUtc);
		return at >= from && at <= to;
	});
}

const reportName = (store: HubStore, report: ComplianceReportSpec) =>
	`${report.PolicyTemplateName} - ${store.findGroup(report.GroupName)?.DisplayName ?? report.GroupName}`;

export const policyRecent = route({
	name: '/policyRecent',
	dtoName: 'GetMostRecentPolicyResults',
	request: GetMostRecentPolicyResultsRequest,
	permission: 'DeviceView', // INFERENCES.compliancePermissions
	handle: ({ hub, dto }) => {
		const { store } = hub;
		const data = complianceOf(store);
		const tag = USAGE_TAGS.find(
			(value) => value.toLowerCase() === (dto.UsageTag ?? 'All').trim().toLowerCase(),
		);
		if (!tag)
			throw validationError([
				fieldError('UsageTag', 'Invalid', `'${dto.UsageTag}' is not a valid Usage Tag`),
			]);
		const group = dto.GroupName?.trim().toLowerCase();
		// INFERENCES.policyRecent: one row per report (template and group), from its latest run.
		const rows = data.reports
			.filter((report) => tag === 'All' || report.UsageTags.includes(tag))
			.filter((report) => !group || report.GroupName.toLowerCase() === group)
			.map((report) => {
				const runs = data.runs(report);
				const latest = runs[runs.length - 1];
				const scores = [...latest.scores.values()];
				const average = averageScore(latest);
				return {
					PolicyTemplateName: report.PolicyTemplateName,
					GroupName: report.GroupName,
					AverageScore: average,
					PassMark: report.PassMark,
					DevicesPassed: scores.filter((score) => score >= report.PassMark).length,
					DevicesFailed: scores.filter((score) => score < report.PassMark).length,
					DevicesNotRun: latest.devices.length - scores.length,
					Compliant: scores.length > 0 && average >= report.PassMark,
					Risk: data.group(report)?.RiskScore ?? 'Undefined',
					ReportInstanceId: latest.ReportInstanceId,
				};
			});
		const page = paged(rows, POLICY_FIELDS, dto, hub.settings.takeCap);
		return ok({ Results: page.rows, Total: page.total, Returned: page.rows.length });
	},
});

export const availableComplianceData = route({
	name: '/stats/getavailablecompliancedata',
	dtoName: 'GetAvailableComplianceData',
	request: GetAvailableComplianceDataRequest,
	permission: 'DeviceView', // INFERENCES.compliancePermissions
	handle: ({ hub, dto }) => {
		const { store } = hub;
		const data = complianceOf(store);
		const selects = deviceFilterTest(store, dto.DeviceFilter) ?? (() => true);
		const reports: Record<string, unknown[]> = {};
		const details: Row[] = [];
		for (const report of data.reports) {
			const runs = runsBetween(data.runs(report), dto.StartUtc, dto.EndUtc);
			const devices = data.devicesOf(report).filter(selects);
			if (runs.length === 0 || devices.length === 0) continue;
			const group = data.group(report);
			const name = reportName(store, report);
			(reports[report.GroupName] ??= []).push({
				GroupName: report.GroupName,
				GroupDisplayName: group?.DisplayName ?? report.GroupName,
				ReportName: name,
				ReportItemId: report.ReportItemId,
			});
			// INFERENCES.complianceAvailable: a group row per report; with ReturnDevices a row per device too.
			const groupScores = runs.map(averageScore);
			details.push(
				detail(
					name,
					report,
					group?.DisplayName ?? report.GroupName,
					'Group',
					devices,
					runs,
					groupScores,
				),
			);
			if (!dto.ReturnDevices) continue;
			for (const device of devices) {
				const id = agentDeviceId(device);
				const scored = runs.filter((run) => run.scores.has(id));
				if (scored.length === 0) continue;
				const scores = scored.map((run) => run.scores.get(id) as number);
				details.push(detail(name, report, device.Name, 'Device', [device], scored, scores));
			}
		}
		return ok({ AvailableComplianceReports: reports, AvailableComplianceDetails: details });
	},
});

function detail(
	name: string,
	report: ComplianceReportSpec,
	groupOrDeviceName: string,
	type: 'Group' | 'Device',
	devices: DeviceRecord[],
	runs: ComplianceRun[],
	scores: number[],
): Row {
	return {
		GroupOrDeviceName: groupOrDeviceName,
		ReportName: name,
		ReportItemId: report.ReportItemId,
		DevicesInReport: devices.length,
		Devices: devices.map(agentDeviceId),
		AveragePercentageScore: mean(scores),
		LatestPercentageScore: scores[scores.length - 1],
		PreviousPercentageScore: scores.length > 1 ? scores[scores.length - 2] : 0,
		LatestDateUtc: runs[runs.length - 1].DateUtc,
		ReportType: type,
	};
}

const SUMMARY_FIELDS = [
	'GroupOrDeviceName',
	'AgentDevice',
	'ReportName',
	'LatestPercentageScore',
	'PreviousPercentageScore',
];

export const complianceData = route({
	name: '/stats/compliancedata',
	dtoName: 'GetComplianceData',
	request: GetComplianceDataRequest,
	permission: 'DeviceView', // INFERENCES.compliancePermissions
	handle: ({ hub, dto }) => {
		const { store } = hub;
		const data = complianceOf(store);
		const report = mustFindReport(store, dto.ReportItemId);
		const all = data.runs(report);
		let runs = runsBetween(all, dto.StartUtc, dto.EndUtc);
		const max = dto.MaxNumberOfSummaries ?? 0;
		if (max > 0 && runs.length > max) runs = runs.slice(runs.length - max);
		const first = runs[0] ? all.indexOf(runs[0]) : all.length;
		const last = runs.length > 0 ? all.indexOf(runs[runs.length - 1]) : -1;
		const name = reportName(store, report);
		const group = data.group(report);
		// INFERENCES.complianceData: the group's average first, then one summary per device.
		const summaries: Row[] = [
			summary(
				group?.DisplayName ?? report.GroupName,
				undefined,
				name,
				runs.map((run) => ({
					run,
					score: averageScore(run),
					passed: [...run.scores.values()].filter((score) => score >= report.PassMark).length,
					missing: run.devices.length - run.scores.size,
				})),
			),
		];
		const selects = deviceFilterTest(store, dto.DeviceFilter) ?? (() => true);
		for (const device of data.devicesOf(report).filter(selects)) {
			const id = agentDeviceId(device);
			const points = runs
				.filter((run) => run.scores.has(id))
				.map((run) => {
					const score = run.scores.get(id) as number;
					return { run, score, passed: score >= report.PassMark ? 1 : 0, missing: 0 };
				});
			if (points.length === 0 && !dto.IncludeDevicesWithNoResults) continue;
			summaries.push(summary(device.Name, { ...device.AgentDevice }, name, points));
		}
		const page = paged(summaries, SUMMARY_FIELDS, dto, hub.settings.takeCap);
		return ok({
			ReportSummaries: page.rows,
			ComplianceHeaders: runs.map((run) => run.DateUtc),
			OlderDataAvailable: first > 0 && all.length > 0,
			NewerDataAvailable: last < all.length - 1,
			Total: page.total,
			Returned: page.rows.length,
		});
	},
});

function summary(
	groupOrDeviceName: string,
	agentDevice: { AgentId: string; DeviceId: string } | undefined,
	name: string,
	points: { run: ComplianceRun; score: number; passed: number; missing: number }[],
): Row {
	return {
		GroupOrDeviceName: groupOrDeviceName,
		AgentDevice: agentDevice,
		ReportName: name,
		LatestPercentageScore: points[points.length - 1]?.score ?? 0,
		PreviousPercentageScore: points[points.length - 2]?.score ?? 0,
		ReportScores: points.map(({ run, score, passed, missing }) => ({
			DateUtc: run.DateUtc,
			PercentageScore: score,
			PassMark: run.report.PassMark,
			DevicesAchievingPassMark: passed,
			DevicesMissingFromScore: missing,
			ReportItemId: run.report.ReportItemId,
			ReportInstanceId: run.ReportInstanceId,
		})),
	};
}

export const complianceSummaryData = route({
	name: '/stats/compliancesummarydata',
	dtoName: 'ComplianceReportSummary',
	request: ComplianceSummaryDataRequest,
	permission: 'DeviceView', // INFERENCES.compliancePermissions
	handle: ({ hub, dto }) => {
		const { store } = hub;
		const data = complianceOf(store);
		if (!dto.ReportInstanceId?.trim())
			throw validationError([
				fieldError('ReportInstanceId', 'NotEmpty', "'Report Instance Id' must not be empty."),
			]);
		const report = mustFindReport(store, dto.ReportItemId);
		const run = data.findRun(report, dto.ReportInstanceId);
		if (!run) throw notFound(`Report instance '${dto.ReportInstanceId.trim()}' not found`);
		const previous = data.runs(report)[run.index - 1];
		const average = averageScore(run);
		const lastAverage = previous ? averageScore(previous) : 0;
		// INFERENCES.complianceSummary
		return ok({
			AverageScore: average,
			LastAverageScore: lastAverage,
			DeviceCount: run.devices.length,
			LastRunTimeUtc: run.DateUtc,
			GroupPerformance: round1(average - lastAverage),
			AgentTaskDetails: dto.IncludeAgentTaskDetails
				? run.devices.map((device) => {
						const id = agentDeviceId(device);
						const score = run.scores.get(id);
						const last = previous?.scores.get(id);
						return {
							AgentDeviceId: id,
							DeviceName: device.Name,
							AgentTaskStatus: score === undefined ? 'NotRun' : 'Complete',
							TaskScore: score ?? 0,
							LastTaskScore: last ?? 0,
							TaskScoreDelta: round1((score ?? 0) - (last ?? 0)),
							IsNew: last === undefined,
						};
					})
				: undefined,
		});
	},
});

export const ruleResults = route({
	name: '/reports/ruleresults',
	dtoName: 'GetRuleResults',
	request: GetRuleResultsRequest,
	permission: 'DeviceView', // INFERENCES.compliancePermissions
	handle: ({ hub, dto }) => {
		const id = dto.GroupResultsEventId?.trim();
		if (!id)
			throw validationError([
				fieldError(
					'GroupResultsEventId',
					'NotEmpty',
					"'Group Results Event Id' must not be empty.",
				),
			]);
		const states = (dto.RuleResultStateIds?.length ? dto.RuleResultStateIds : ['Failed']).map(
			(value) => {
				const state = RULE_STATES.find(
					(known) => known.toLowerCase() === value.trim().toLowerCase(),
				);
				if (!state)
					throw validationError([
						fieldError('RuleResultStateIds', 'Invalid', `'${value}' is not a rule result state`),
					]);
				return state;
			},
		);
		// INFERENCES.ruleResults: GroupResultsEventId is a run's ReportInstanceId.
		const run = complianceOf(hub.store).findAnyRun(id);
		if (!run) throw notFound(`Report instance '${id}' not found`);
		const ran = [...run.failed.keys()];
		const items: Row[] = [];
		for (const rule of run.report.rules) {
			const failing = ran.filter((device) => run.failed.get(device)?.includes(rule.RuleId));
			const passing = ran.filter((device) => !failing.includes(device));
			const score = ran.length === 0 ? 0 : round1((100 * passing.length) / ran.length);
			for (const state of new Set(states)) {
				const devices = state === 'Failed' ? failing : passing;
				if (devices.length === 0) continue;
				items.push({
					RuleId: rule.RuleId,
					Title: rule.Title,
					Detail: state === 'Failed' ? rule.Detail : `Compliant: ${rule.Expected}`,
					Score: score,
					ScoreWeight: rule.ScoreWeight,
					AgentDeviceIds: devices,
					ItemName: rule.ItemName,
					TrackerTypeName: rule.TrackerTypeName,
					Attributes: { State: state, Expected: rule.Expected },
				});
			}
		}
		return ok({ Items: items });
	},
});
