/** Values the Hub accepts for enum-like fields that the spec types as plain strings. */

/** How a proxy checks that a device is up (DeviceOnlineDetection, OnlineDetection): the docs' values. */
export const ONLINE_DETECTION_MODES = ['None', 'Ping', 'TcpConnect'] as const;
export type OnlineDetectionMode = (typeof ONLINE_DETECTION_MODES)[number];

/**
 * The statuses an event has and can be given: the spec's /acknowledgeEvents `NewStatus` enum without `Unknown`,
 * which no event is given (docs/hub-api.md §10.3, §10.4). `Event.Status` and `EventFilter.PlannedChangeStatuses`
 * take the same values.
 */
export const EVENT_STATUSES = [
	'Unplanned',
	'Planned',
	'Acknowledged',
	'UnderInvestigation',
	'NotRelevant',
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** The verdict of planned change matching (`PlannedChangeStatus`): covered by a planned change or not. */
export const PLANNED_CHANGE_STATUSES = ['Planned', 'Unplanned'] as const;

/** The spec's `ReturnedEventType` enum without `None`: the values of `EventFilter.EventTypes` (§10.2). */
export const EVENT_TYPES = [
	'DeviceEvent',
	'AlertEvent',
	'ErrorEvent',
	'AuditEvent',
	'RuleSetResultEvent',
	'RuleResultEvent',
	'DataResultsEvent',
	'ScheduledPolicyResultEvent',
	'RuleSetScoreEvent',
	'CommsEvent',
	'BaselineEvent',
	'GroupReportResultEvent',
] as const;

/** `DeviceEvent.ChangeType` and `EventFilter.ChangeType` ("new, changed or deleted", spec). */
export const CHANGE_TYPES = ['New', 'Changed', 'Deleted'] as const;

/**
 * The attribute key under which an event names who made the change (docs/hub-api.md §10.3, an inference: the spec
 * has no field for it, the docs call it "Who Made The Change").
 */
export const WHO_MADE_THE_CHANGE = 'WhoMadeTheChange';

/** The spec's `UsageTag` of `/policyRecent` (§16.1): which policy templates, by what they are for. */
export const USAGE_TAGS = [
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
] as const;

/** `RuleResultStateIds` of `/reports/ruleresults` (§16.5; INFERENCES.ruleResults). */
export const RULE_RESULT_STATES = ['Failed', 'Passed'] as const;
