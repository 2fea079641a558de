import type { IExecuteFunctions } from 'n8n-workflow';

import { readTimeRange, TIME_RANGES, type EventPeriod } from '../../shared/events/timeRange';
import { oneOf } from '../../shared/parameters/inputValues';

/** An item's Time Range, Start and End as a period (Start and End are read only when the range uses them). */
export function readPeriod(context: IExecuteFunctions, itemIndex: number): EventPeriod {
	const timeRange = oneOf(
		context.getNodeParameter('timeRange', itemIndex),
		'Time Range',
		TIME_RANGES,
	);
	return readTimeRange(
		{
			timeRange,
			start:
				timeRange === 'since' || timeRange === 'between'
					? context.getNodeParameter('start', itemIndex, '')
					: undefined,
			end: timeRange === 'between' ? context.getNodeParameter('end', itemIndex, '') : undefined,
		},
		Date.now(),
		context.getTimezone(),
	);
}
