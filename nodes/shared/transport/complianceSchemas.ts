import { z } from 'zod';

import { isRowCount } from './schemas';

/**
 * Shapes of the compliance answers (docs/hub-api.md §16), checked at the transport boundary. Scores and pass marks
 * are percentages (INFERENCES.compliancePercentages): a value outside 0..100 is an answer the node does not
 * understand and stops on, rather than report a wrong posture. Only the fields the node reads are described; the
 * rest passes through (Simplify off keeps it).
 */

const optionalText = z.string().nullish();
const optionalFlag = z.boolean().nullish();
const percentage = z
	.number()
	.refine((value) => Number.isFinite(value) && value >= 0 && value <= 100, 'is not a percentage');
const optionalPercentage = percentage.nullish();
/** Score changes run from -100 to 100. */
const optionalDelta = z
	.number()
	.refine((value) => Number.isFinite(value) && Math.abs(value) <= 100, 'is not a score change')
	.nullish();
const count = z.number().refine(isRowCount, 'is not a count (a whole number, 0 or more)');
const optionalCount = count.nullish();
const id = z.union([z.string(), z.number()]).transform(String);

/** `MostRecentPolicyResult` (§16.1): one report's latest run. */
const policyResultSchema = z
	.object({
		PolicyTemplateName: optionalText,
		GroupName: optionalText,
		AverageScore: optionalPercentage,
		PassMark: optionalPercentage,
		DevicesPassed: optionalCount,
		DevicesFailed: optionalCount,
		DevicesNotRun: optionalCount,
		Compliant: optionalFlag,
		Risk: optionalText,
		ReportInstanceId: optionalText,
	})
	.passthrough();

/** `GetMostRecentPolicyResultsResponse` (§16.1). */
export const policyRecentResponseSchema = z
	.object({
		Results: z.array(policyResultSchema).nullish(),
		Total: count,
		Returned: z.number().nullish(),
	})
	.passthrough();

const availableReportSchema = z
	.object({
		GroupName: optionalText,
		GroupDisplayName: optionalText,
		ReportName: optionalText,
		ReportItemId: id,
	})
	.passthrough();

const availableDetailSchema = z
	.object({
		GroupOrDeviceName: optionalText,
		ReportName: optionalText,
		ReportItemId: id,
		DevicesInReport: optionalCount,
		Devices: z.array(z.string()).nullish(),
		AveragePercentageScore: optionalPercentage,
		LatestPercentageScore: optionalPercentage,
		PreviousPercentageScore: optionalPercentage,
		LatestDateUtc: optionalText,
		ReportType: optionalText,
	})
	.passthrough();

/** `GetAvailableComplianceDataResponse` (§16.2). */
export const availableComplianceResponseSchema = z
	.object({
		AvailableComplianceReports: z.record(z.array(availableReportSchema).nullable()).nullish(),
		AvailableComplianceDetails: z.array(availableDetailSchema).nullish(),
	})
	.passthrough();

const reportScoreSchema = z
	.object({
		DateUtc: optionalText,
		PercentageScore: optionalPercentage,
		PassMark: optionalPercentage,
		DevicesAchievingPassMark: optionalCount,
		DevicesMissingFromScore: optionalCount,
		ReportItemId: id.nullish(),
		ReportInstanceId: optionalText,
	})
	.passthrough();

const reportSummarySchema = z
	.object({
		GroupOrDeviceName: optionalText,
		AgentDevice: z.object({ AgentId: id, DeviceId: id }).passthrough().nullish(),
		ReportName: optionalText,
		LatestPercentageScore: optionalPercentage,
		PreviousPercentageScore: optionalPercentage,
		ReportScores: z.array(reportScoreSchema).nullish(),
	})
	.passthrough();

/** `GetComplianceDataResponse` (§16.3). */
export const complianceDataResponseSchema = z
	.object({
		ReportSummaries: z.array(reportSummarySchema).nullish(),
		Total: count,
		Returned: z.number().nullish(),
	})
	.passthrough();

const agentTaskDetailSchema = z
	.object({
		AgentDeviceId: z.string(),
		DeviceName: optionalText,
		AgentTaskStatus: optionalText,
		TaskScore: optionalPercentage,
		LastTaskScore: optionalPercentage,
		TaskScoreDelta: optionalDelta,
		IsNew: optionalFlag,
	})
	.passthrough();

/** `ComplianceReportSummaryResponse` (§16.4). */
export const complianceSummaryResponseSchema = z
	.object({
		AverageScore: optionalPercentage,
		LastAverageScore: optionalPercentage,
		DeviceCount: optionalCount,
		LastRunTimeUtc: optionalText,
		GroupPerformance: optionalDelta,
		AgentTaskDetails: z.array(agentTaskDetailSchema).nullish(),
	})
	.passthrough();

const ruleResultSchema = z
	.object({
		RuleId: optionalText,
		Title: optionalText,
		Detail: optionalText,
		Score: optionalPercentage,
		ScoreWeight: z.number().nullish(),
		AgentDeviceIds: z.array(z.string()).nullish(),
		ItemName: optionalText,
		TrackerTypeName: optionalText,
		Attributes: z.record(z.string().nullable()).nullish(),
	})
	.passthrough();

/** `GetRuleResultsResponse` (§16.5). */
export const ruleResultsResponseSchema = z
	.object({ Items: z.array(ruleResultSchema).nullish() })
	.passthrough();

export type HubPolicyResult = z.infer<typeof policyResultSchema>;
export type AvailableComplianceResponse = z.infer<typeof availableComplianceResponseSchema>;
export type HubAvailableReport = z.infer<typeof availableReportSchema>;
export type HubAvailableDetail = z.infer<typeof availableDetailSchema>;
export type HubReportSummary = z.infer<typeof reportSummarySchema>;
export type ComplianceSummaryResponse = z.infer<typeof complianceSummaryResponseSchema>;
export type HubAgentTaskDetail = z.infer<typeof agentTaskDetailSchema>;
export type HubRuleResult = z.infer<typeof ruleResultSchema>;
