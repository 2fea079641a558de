import type { IExecuteFunctions } from 'n8n-workflow';

import { readTimeRange } from '../../shared/events/timeRange';
import { hubDate } from '../../shared/parameters/dateValues';
import { oneOf } from '../../shared/parameters/inputValues';
import type { CompliancePeriod } from '../../shared/transport/compliance';

const PERIODS = ['all', 'last30Days', 'last90Days', 'since', 'between'] as const;
const DAY = 86_400_000;
const ROLLING_DAYS: Partial<Record<(typeof PERIODS)[number], number>> = {
	last30Days: 30,
	last90Days: 90,
};

/**
 * An item's Period, Start and End as the Hub's StartUtc and EndUtc: none for All Runs; Since and Between are checked
 * as the event Time Range is (an empty or unreadable date, a Start in the future, an End before Start fail naming
 * the field).
 */
export function readCompliancePeriod(
	context: IExecuteFunctions,
	itemIndex: number,
): CompliancePeriod {
	const period = oneOf(context.getNodeParameter('period', itemIndex, 'all'), 'Period', PERIODS);
	if (period === 'all') return {};
	const now = Date.now();
	const days = ROLLING_DAYS[period];
	if (days !== undefined) return { StartUtc: hubDate(now - days * DAY), EndUtc: hubDate(now) };
	const range = readTimeRange(
		{
			timeRange: period,
			start: context.getNodeParameter('periodStart', itemIndex, ''),
			end: period === 'between' ? context.getNodeParameter('periodEnd', itemIndex, '') : undefined,
		},
		now,
		context.getTimezone(),
	);
	return { StartUtc: hubDate(range.startMs), EndUtc: hubDate(range.endMs) };
}
