import type { IDataObject } from 'n8n-workflow';

import type { HubClient } from './hubClient';
import { collectPages } from './paging';
import {
	availableComplianceResponseSchema,
	complianceDataResponseSchema,
	complianceSummaryResponseSchema,
	policyRecentResponseSchema,
	ruleResultsResponseSchema,
	type AvailableComplianceResponse,
	type ComplianceSummaryResponse,
	type HubPolicyResult,
	type HubReportSummary,
	type HubRuleResult,
} from './complianceSchemas';

/**
 * Compliance results (docs/hub-api.md §16): the latest posture per template and group (`/policyRecent`), the reports
 * with data (`/stats/getavailablecompliancedata`), scores over time (`/stats/compliancedata`), one run per device
 * (`/stats/compliancesummarydata`) and its rule results (`/reports/ruleresults`). Every answer is checked against
 * what was asked for: a Hub that ignores a filter or the period fails the item instead of reporting other data.
 */

/** An answer that does not fit the question: the message says what came back, the description what to do. */
export class ComplianceAnswerError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'ComplianceAnswerError';
	}
}

const IGNORED_FILTER =
	'The Hub seems to ignore part of the request, so the node stops rather than report results that were not asked for. Check that the credential points at a Change Tracker Hub 8.1 or later; if it does, report this answer to Netwrix support.';

const same = (a: string | null | undefined, b: string) =>
	typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** StartUtc..EndUtc as sent (ISO text); absent ends are open. */
export interface CompliancePeriod {
	StartUtc?: string;
	EndUtc?: string;
}

/** A date the Hub sent outside the period asked for (MinValue and unreadable dates are not judged). */
function checkInPeriod(date: string | null | undefined, period: CompliancePeriod, what: string) {
	if (!date || date.startsWith('0001-01-01')) return;
	const at = Date.parse(date);
	if (Number.isNaN(at)) return;
	const start = period.StartUtc ? Date.parse(period.StartUtc) : -Infinity;
	const end = period.EndUtc ? Date.parse(period.EndUtc) : Infinity;
	if (at < start || at > end)
		throw new ComplianceAnswerError(
			`The Hub returned ${what} dated ${date}, outside the period asked for (${period.StartUtc ?? 'any'} to ${period.EndUtc ?? 'now'})`,
			IGNORED_FILTER,
		);
}

export interface PostureRequest {
	/** UsageTag and GroupName, only those set; Skip and Take are added per page. */
	query: { UsageTag?: string; GroupName?: string };
	pageSize: number;
	/** undefined = every row */
	limit?: number;
	concurrency?: number;
	itemIndex?: number;
}

/**
 * The latest result per policy template and group (POST /policyRecent, §16.1), every page or up to a limit, each row
 * once (keyed by template and group): complete or an error (collectPages).
 */
export async function walkPolicyResults(
	client: HubClient,
	request: PostureRequest,
): Promise<HubPolicyResult[]> {
	const group = request.query.GroupName;
	return await collectPages<HubPolicyResult>({
		pageSize: request.pageSize,
		limit: request.limit,
		concurrency: request.concurrency,
		keyOf: (row) =>
			`${String(row.PolicyTemplateName ?? '').toLowerCase()}|${String(row.GroupName ?? '').toLowerCase()}`,
		fetchPage: async (skip, take) => {
			const page = await client.request({
				endpoint: '/policyRecent',
				body: { ...request.query, Skip: skip, Take: take },
				schema: policyRecentResponseSchema,
				itemIndex: request.itemIndex,
			});
			const rows = page.Results ?? [];
			const other = group ? rows.find((row) => !same(row.GroupName, group)) : undefined;
			if (other)
				throw new ComplianceAnswerError(
					`The Hub returned a result of group ${String(other.GroupName)} where group ${group} was asked for`,
					IGNORED_FILTER,
				);
			return { items: rows, total: page.Total };
		},
	});
}

/**
 * The reports with data in the period for the devices a DeviceFilter selects (POST /stats/getavailablecompliancedata,
 * §16.2). With only device IDs in the filter, every device of the answer must be one of them.
 */
export async function fetchAvailableCompliance(
	client: HubClient,
	request: CompliancePeriod & { DeviceFilter?: IDataObject; ReturnDevices?: boolean },
	itemIndex?: number,
): Promise<AvailableComplianceResponse> {
	const answer = await client.request({
		endpoint: '/stats/getavailablecompliancedata',
		body: request as IDataObject,
		schema: availableComplianceResponseSchema,
		itemIndex,
	});
	const filter = request.DeviceFilter ?? {};
	const askedIds =
		Object.keys(filter).length === 1 && Array.isArray(filter.AgentDeviceIds)
			? new Set((filter.AgentDeviceIds as string[]).map((value) => value.toLowerCase()))
			: undefined;
	for (const detail of answer.AvailableComplianceDetails ?? []) {
		checkInPeriod(detail.LatestDateUtc, request, `report ${detail.ReportItemId} results`);
		const stranger = askedIds
			? (detail.Devices ?? []).find((device) => !askedIds.has(device.toLowerCase()))
			: undefined;
		if (stranger)
			throw new ComplianceAnswerError(
				`The Hub returned results of device ${stranger}, which is not among the devices asked for`,
				IGNORED_FILTER,
			);
	}
	return answer;
}

export interface ScoresRequest {
	/** GetComplianceData without paging: ReportItemId, the period, DeviceFilter and the options set. */
	query: CompliancePeriod & { ReportItemId: string } & IDataObject;
	pageSize: number;
	concurrency?: number;
	itemIndex?: number;
}

/**
 * A report's scores per group and device (POST /stats/compliancedata, §16.3), every page of ReportSummaries, each
 * summary once (keyed by name and device). Every score must be of the report asked for and dated in the period.
 * undefined when the Hub has no such report (404).
 */
export async function walkReportSummaries(
	client: HubClient,
	request: ScoresRequest,
): Promise<HubReportSummary[] | undefined> {
	let unknownReport = false;
	const reportId = request.query.ReportItemId;
	const summaries = await collectPages<HubReportSummary>({
		pageSize: request.pageSize,
		concurrency: request.concurrency,
		keyOf: (summary) =>
			`${String(summary.GroupOrDeviceName ?? '').toLowerCase()}|${summary.AgentDevice ? `${summary.AgentDevice.AgentId},${summary.AgentDevice.DeviceId}` : ''}`,
		fetchPage: async (skip, take) => {
			const page = await client.request({
				endpoint: '/stats/compliancedata',
				body: { ...request.query, Skip: skip, Take: take },
				schema: complianceDataResponseSchema,
				notFound: 'undefined',
				itemIndex: request.itemIndex,
			});
			if (page === undefined) {
				unknownReport = true;
				return { items: [], total: 0 };
			}
			const summaries = page.ReportSummaries ?? [];
			for (const summary of summaries) {
				for (const score of summary.ReportScores ?? []) {
					if (score.ReportItemId && !same(score.ReportItemId, reportId))
						throw new ComplianceAnswerError(
							`The Hub returned scores of report ${score.ReportItemId} where report ${reportId} was asked for`,
							IGNORED_FILTER,
						);
					checkInPeriod(score.DateUtc, request.query, `a score of report ${reportId}`);
				}
			}
			return { items: summaries, total: page.Total };
		},
	});
	return unknownReport ? undefined : summaries;
}

/**
 * One run against the run before it (POST /stats/compliancesummarydata, §16.4), with a result per device when
 * `devices` is set. More device results than the run's DeviceCount is an answer that does not add up. undefined
 * when the Hub has no such report or run (404).
 */
export async function fetchRunSummary(
	client: HubClient,
	run: { reportId: string; runId: string; devices: boolean },
	itemIndex?: number,
): Promise<ComplianceSummaryResponse | undefined> {
	const answer = await client.request({
		endpoint: '/stats/compliancesummarydata',
		body: {
			ReportItemId: run.reportId,
			ReportInstanceId: run.runId,
			...(run.devices ? { IncludeAgentTaskDetails: true } : {}),
		},
		schema: complianceSummaryResponseSchema,
		notFound: 'undefined',
		itemIndex,
	});
	if (answer === undefined) return undefined;
	const details = answer.AgentTaskDetails?.length ?? 0;
	if (typeof answer.DeviceCount === 'number' && details > answer.DeviceCount)
		throw new ComplianceAnswerError(
			`The Hub returned ${details} device results for a run of ${answer.DeviceCount} devices`,
			'The answer does not add up, so the node stops rather than report it. Report this answer to Netwrix support.',
		);
	return answer;
}

/**
 * The rule results of one run in the states asked for (POST /reports/ruleresults, §16.5); no states sends none (the
 * Hub's default, Failed). A result in another state is not what was asked for. undefined when the Hub has no such
 * run (404).
 */
export async function fetchRuleResults(
	client: HubClient,
	request: { runId: string; states: string[] },
	itemIndex?: number,
): Promise<HubRuleResult[] | undefined> {
	const answer = await client.request({
		endpoint: '/reports/ruleresults',
		body: {
			GroupResultsEventId: request.runId,
			...(request.states.length ? { RuleResultStateIds: request.states } : {}),
		},
		schema: ruleResultsResponseSchema,
		notFound: 'undefined',
		itemIndex,
	});
	if (answer === undefined) return undefined;
	const states = request.states.length ? request.states : ['Failed'];
	const items = answer.Items ?? [];
	const other = items.find(
		(item) =>
			typeof item.Attributes?.State === 'string' &&
			!states.some((state) => same(item.Attributes?.State, state)),
	);
	if (other)
		throw new ComplianceAnswerError(
			`The Hub returned rule ${String(other.RuleId)} in state ${String(other.Attributes?.State)} where ${states.join(' or ')} was asked for`,
			IGNORED_FILTER,
		);
	return items;
}
