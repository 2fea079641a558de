import type { IDataObject } from 'n8n-workflow';

import { hubDateOrNull } from '../../shared/helpers/hubDates';
import { hubTag } from '../../shared/helpers/hubTag';
import type { EventCountsResponse } from '../../shared/transport/schemas';

/** What one count covers: a group, a device (by ID or display name), every device, or the filters together. */
export interface StatisticsScope {
	scope: 'group' | 'device' | 'all' | 'selection';
	/** The name to show when the Hub does not name the scope itself. */
	name: string | null;
	id: string | null;
}

const count = (value: number | null | undefined) => value ?? 0;

/** One flat item per scope: the totals of the period and, when windows were asked for, one entry per window. */
export function simplifyEventCounts(
	answer: EventCountsResponse,
	scope: StatisticsScope,
	hubLabel: string,
	withWindows: boolean,
): IDataObject {
	const item: IDataObject = {
		...hubTag(hubLabel),
		scope: scope.scope,
		deviceOrGroupName: answer.DeviceOrGroupName || scope.name,
		deviceOrGroupId: answer.DeviceOrGroupId || scope.id,
		startUtc: hubDateOrNull(answer.StartUtc),
		endUtc: hubDateOrNull(answer.EndUtc),
		planned: count(answer.PlannedTotal),
		unplanned: count(answer.UnplannedTotal),
		alertPlanned: count(answer.AlertPlannedTotal),
		alertUnplanned: count(answer.AlertUnplannedTotal),
		errors: count(answer.ErrorTotal),
		total: count(answer.TotalEvents),
	};
	if (withWindows) {
		item.windows = (answer.Events ?? []).map((window) => ({
			startUtc: hubDateOrNull(window.PeriodStartUtc),
			endUtc: hubDateOrNull(window.PeriodEndUtc),
			planned: count(window.PlannedChanges),
			unplanned: count(window.UnPlannedChanges),
			alertPlanned: count(window.AlertPlannedChanges),
			alertUnplanned: count(window.AlertUnPlannedChanges),
			errors: count(window.Errors),
		}));
	}
	return item;
}

/** Simplify off: the Hub's answer, with the scope it was asked for and the credential's Hub Label. */
export function rawEventCounts(
	answer: EventCountsResponse,
	scope: StatisticsScope,
	hubLabel: string,
): IDataObject {
	return { ...answer, Scope: scope, ...(hubLabel ? { Hub: hubLabel } : {}) };
}
