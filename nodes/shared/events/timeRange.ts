import type { IDataObject } from 'n8n-workflow';

import { hubDate, requiredDate } from '../parameters/dateValues';
import { InputError, oneOf } from '../parameters/inputValues';

/** The Time Range choices of Event › Get Many and Get Statistics (descriptions/eventTimeRange.description.ts). */
export const TIME_RANGES = ['lastHour', 'last24Hours', 'last7Days', 'since', 'between'] as const;
export type TimeRange = (typeof TIME_RANGES)[number];

const HOUR = 3_600_000;
const ROLLING: Partial<Record<TimeRange, number>> = {
	lastHour: HOUR,
	last24Hours: 24 * HOUR,
	last7Days: 7 * 24 * HOUR,
};

/** A closed period of DateUtc, both ends inclusive (docs/hub-api.md §10.1). */
export interface EventPeriod {
	startMs: number;
	endMs: number;
}

/**
 * Time Range, Start and End as a period. The end is always fixed (now, for the rolling ranges and "Since"), so a walk
 * over many pages reads one set of events: events dated later do not shift the pages (docs/hub-api.md §10.1).
 * `timeZone` reads dates typed without an offset (the workflow's zone).
 */
export function readTimeRange(
	parameters: { timeRange: unknown; start?: unknown; end?: unknown },
	now: number,
	timeZone: string,
): EventPeriod {
	const range = oneOf(parameters.timeRange, 'Time Range', TIME_RANGES);
	const rolling = ROLLING[range];
	if (rolling !== undefined) return { startMs: now - rolling, endMs: now };
	const startMs = requiredDate(parameters.start, 'Start', timeZone);
	if (range === 'since') {
		if (startMs > now)
			throw new InputError(
				'Start',
				`${hubDate(startMs)} is in the future`,
				'Enter a date in the past, or choose Between Two Dates',
			);
		return { startMs, endMs: now };
	}
	const endMs = requiredDate(parameters.end, 'End', timeZone);
	if (endMs < startMs)
		throw new InputError(
			'End',
			`${hubDate(endMs)} is before Start (${hubDate(startMs)})`,
			'Enter an End after the Start',
		);
	return { startMs, endMs };
}

/** The period as the Hub's StartUtc and EndUtc. */
export function periodFields(period: EventPeriod): IDataObject {
	return { StartUtc: hubDate(period.startMs), EndUtc: hubDate(period.endMs) };
}
