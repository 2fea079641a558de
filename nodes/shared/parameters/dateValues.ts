import { InputError, quote } from './inputValues';

/**
 * Dates typed in the UI or produced by expressions. n8n's date picker gives wall-clock text without an offset
 * ("2025-01-10T09:00:00"), meant in the workflow's time zone; an expression may give ISO text with an offset or `Z`,
 * a Date, a Luxon DateTime ({{ $now }}) or epoch milliseconds. All become one instant (epoch ms).
 */

const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/;

/** Dates from year 1970 to 9999: anything else is a typo or a number that was not meant as a date. */
const EARLIEST = 0;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const DATE_HINT =
	"Pick a date, or give ISO 8601 text such as 2025-01-31T09:00:00Z (without an offset it is read in the workflow's time zone)";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms (0 for an unknown zone name). */
function zoneOffsetMs(timeZone: string, instant: number): number {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		try {
			formatter = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
			});
		} catch {
			return 0;
		}
		formatters.set(timeZone, formatter);
	}
	const parts: Record<string, number> = {};
	for (const part of formatter.formatToParts(instant)) parts[part.type] = Number(part.value);
	const wall = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/** Wall-clock fields in a time zone as an instant (the later reading when a DST change repeats an hour). */
function fromWallClock(match: RegExpExecArray, timeZone: string): number | undefined {
	const [year, month, day, hour, minute, second] = match
		.slice(1, 7)
		.map((part) => (part === undefined ? 0 : Number(part)));
	const ms = match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0').slice(0, 3));
	const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
	const check = new Date(wall);
	if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23)
		return undefined;
	const guess = wall - zoneOffsetMs(timeZone, wall);
	return wall - zoneOffsetMs(timeZone, guess);
}

function toInstant(value: unknown, timeZone: string): number | undefined {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'object' && value !== null) {
		const luxon = value as { toMillis?: unknown };
		if (typeof luxon.toMillis === 'function') return Number((luxon.toMillis as () => unknown)());
		return undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (WITH_OFFSET.test(text) && ISO_DATE.test(text)) {
		const instant = Date.parse(text);
		return Number.isNaN(instant) ? undefined : instant;
	}
	const wall = WALL_CLOCK.exec(text);
	return wall ? fromWallClock(wall, timeZone) : undefined;
}

/** An optional date (empty → undefined) as epoch ms; InputError naming the field when it is not a date. */
export function optionalDate(value: unknown, field: string, timeZone: string): number | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return undefined;
	if (typeof value === 'boolean' || Array.isArray(value))
		throw new InputError(field, `${quote(value)} is not a date`, DATE_HINT);
	const instant = toInstant(value, timeZone);
	if (instant === undefined || Number.isNaN(instant))
		throw new InputError(field, `${quote(value)} is not a date`, DATE_HINT);
	if (instant < EARLIEST || instant > LATEST)
		throw new InputError(
			field,
			`${quote(value)} is outside the years 1970 to 9999`,
			'Check the date; a number is read as milliseconds since 1970',
		);
	return instant;
}

export function requiredDate(value: unknown, field: string, timeZone: string): number {
	const instant = optionalDate(value, field, timeZone);
	if (instant === undefined) throw new InputError(field, 'is empty', DATE_HINT);
	return instant;
}

/** An instant as the Hub's date-time text (ISO 8601, UTC). */
export function hubDate(instant: number): string {
	return new Date(instant).toISOString();
}
