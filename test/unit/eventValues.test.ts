import { optionalDate, requiredDate } from '../../nodes/shared/parameters/dateValues';
import { eventIdList, eventStatusValue } from '../../nodes/shared/parameters/eventValues';
import { readTimeRange } from '../../nodes/shared/events/timeRange';
import { changedAttributesOf, simplifyEvent } from '../../nodes/shared/events/simplifyEvent';
import { hubDateOrNull } from '../../nodes/shared/helpers/hubDates';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('dates typed or given by expressions', () => {
	it.each([
		['2025-01-10T09:00:00Z', 'UTC', '2025-01-10T09:00:00.000Z'],
		['2025-01-10T09:00:00.5+02:00', 'UTC', '2025-01-10T07:00:00.500Z'],
		['2025-01-10T09:00:00', 'Europe/Berlin', '2025-01-10T08:00:00.000Z'],
		['2025-07-10T09:00:00', 'Europe/Berlin', '2025-07-10T07:00:00.000Z'],
		['2025-07-10', 'America/New_York', '2025-07-10T04:00:00.000Z'],
		['2025-07-10 09:15', 'Asia/Kolkata', '2025-07-10T03:45:00.000Z'],
		// The hour skipped by the spring change reads as the hour after it; the repeated autumn hour as the later one.
		['2025-03-30T02:30:00', 'Europe/Berlin', '2025-03-30T01:30:00.000Z'],
		['2025-10-26T02:30:00', 'Europe/Berlin', '2025-10-26T01:30:00.000Z'],
		['2025-01-10T09:00:00', 'No/Such_Zone', '2025-01-10T09:00:00.000Z'],
	])('%s in %s is %s', (text, zone, expected) => {
		expect(iso(optionalDate(text, 'Start', zone))).toBe(expected);
	});

	it('takes Dates, Luxon DateTimes and epoch milliseconds as they are', () => {
		const at = Date.UTC(2025, 0, 10, 9);
		expect(optionalDate(new Date(at), 'Start', 'UTC')).toBe(at);
		expect(optionalDate({ toMillis: () => at }, 'Start', 'UTC')).toBe(at);
		expect(optionalDate(at, 'Start', 'UTC')).toBe(at);
	});

	it.each([
		['2025-02-30', /Start: "2025-02-30" is not a date\./],
		['2025-01-10T24:00:00', /is not a date/],
		['10/01/2025', /is not a date/],
		[true, /is not a date/],
		[{}, /is not a date/],
		[Number.NaN, /is not a date/],
		['0001-01-01T00:00:00Z', /is outside the years 1970 to 9999/],
	])('rejects %j naming the field', (value, message) => {
		expect(() => optionalDate(value, 'Start', 'UTC')).toThrow(message);
	});

	it('empty is undefined, or an error when required', () => {
		expect(optionalDate('  ', 'Start', 'UTC')).toBeUndefined();
		expect(() => requiredDate(null, 'End', 'UTC')).toThrow(/^End: is empty\. /);
	});
});

describe('time ranges', () => {
	const now = Date.UTC(2025, 0, 15, 9);
	it('rolling ranges end now', () => {
		expect(readTimeRange({ timeRange: 'last7Days' }, now, 'UTC')).toEqual({
			startMs: now - 7 * 24 * 3600_000,
			endMs: now,
		});
	});
	it('Since ends now and may not start in the future; Between needs End after Start', () => {
		expect(
			readTimeRange({ timeRange: 'since', start: '2025-01-01T00:00:00Z' }, now, 'UTC'),
		).toEqual({ startMs: Date.UTC(2025, 0, 1), endMs: now });
		expect(() =>
			readTimeRange({ timeRange: 'since', start: '2025-02-01T00:00:00Z' }, now, 'UTC'),
		).toThrow(/^Start: 2025-02-01T00:00:00.000Z is in the future\./);
		expect(() =>
			readTimeRange(
				{ timeRange: 'between', start: '2025-01-02T00:00:00Z', end: '2025-01-01T00:00:00Z' },
				now,
				'UTC',
			),
		).toThrow(/^End: 2025-01-01T00:00:00.000Z is before Start \(2025-01-02T00:00:00.000Z\)\./);
		expect(() => readTimeRange({ timeRange: 'yesterday' }, now, 'UTC')).toThrow(
			/^Time Range: "yesterday" is not a valid value\./,
		);
	});
});

describe('event IDs and statuses', () => {
	it('splits lists, drops repeats (any case) and rejects what is no ID', () => {
		expect(eventIdList('aa01, AA01;bb02\ncc03 dd04', 'Event IDs')).toEqual([
			'aa01',
			'bb02',
			'cc03',
			'dd04',
		]);
		expect(() => eventIdList('aa01, a.b', 'Event IDs')).toThrow(
			/^Event IDs: "a\.b" is not an event ID\./,
		);
		expect(() => eventIdList([], 'Event IDs')).toThrow(/^Event IDs: is empty\./);
	});
	it('reads statuses in any case, with or without spaces; Unknown is no status', () => {
		expect(eventStatusValue('not relevant', 'New Status')).toBe('NotRelevant');
		expect(() => eventStatusValue('Unknown', 'New Status')).toThrow(
			/^New Status: "Unknown" is not a valid value\./,
		);
	});
});

describe('simplified events', () => {
	const lookups = { groupDisplayNames: new Map([['a2', 'Servers']]), plannedChanges: new Map() };
	it('turns .NET empty dates into null and keeps real ones', () => {
		expect(hubDateOrNull('0001-01-01T00:00:00')).toBeNull();
		expect(hubDateOrNull('0001-01-01T00:00:00.000Z')).toBeNull();
		expect(hubDateOrNull('2025-01-15T08:59:39.105Z')).toBe('2025-01-15T08:59:39.105Z');
		const item = simplifyEvent(
			{
				Id: 'ab',
				DateUtc: '0001-01-01T00:00:00',
				GroupNames: ['A2', 'A9'],
				AgentId: '3',
				DeviceId: '4',
			},
			lookups,
			'',
		);
		expect(item).toMatchObject({
			id: 'ab',
			dateUtc: null,
			groups: ['Servers', 'A9'],
			agentDeviceId: '3,4',
			whoMadeTheChange: null,
			plannedChangeName: null,
		});
		expect(item).not.toHaveProperty('hub');
	});
	it('lists changed attributes with previous and current values, never who made the change', () => {
		expect(
			changedAttributesOf({
				Id: 'x',
				ChangeType: 'New',
				CurrentAttributes: { Size: '1', WhoMadeTheChange: 'bob', constructor: 'c' },
			}),
		).toEqual([
			{ name: 'Size', previous: null, current: '1' },
			{ name: 'constructor', previous: null, current: 'c' },
		]);
		expect(
			changedAttributesOf({
				Id: 'x',
				ChangeType: 'Changed',
				ChangedAttributes: ['Mode'],
				PreviousAttributes: { Mode: '0644' },
				CurrentAttributes: { Mode: '0600' },
			}),
		).toEqual([{ name: 'Mode', previous: '0644', current: '0600' }]);
	});
});
