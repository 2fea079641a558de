/**
 * Wire shapes of events (docs/hub-api.md §10.3): the DeviceEvent built from a stored EventRecord, its attributes
 * (generated again from the record's `variant` each time, so records stay small), and single properties for
 * GenericFilters and Sort. Null properties are left out (INFERENCES.nullsOmitted).
 */
import { NEVER } from './catalog';
import { CHANGE_ITEMS, EVENT_URL_BASE, type AttributeKind } from './eventCatalog';
import { isoWithOffset, offsetMinutes, type EventRecord } from './events';
import { Random } from './random';

const { max } = Math;
const DAY = 24 * 3600 * 1000;

/** The property names of DeviceEvent, in spec order (Event's own after the DeviceEvent ones, as the spec lists them). */
export const DEVICE_EVENT_FIELDS = [
	'BaselineType',
	'ProcessingCompleteTimeUtc',
	'NotificationStatus',
	'ChangeType',
	'ChangedAttributes',
	'AttributeSeparators',
	'CurrentAttributes',
	'Data',
	'ItemName',
	'ItemTypeId',
	'ItemTypeName',
	'PreviousAttributes',
	'TrackerTypeId',
	'TrackerTypeName',
	'NotificationRefIds',
	'TextDifferences',
	'Comment',
	'AgentDevice',
	'AgentId',
	'DeviceId',
	'GroupNames',
	'DeviceName',
	'Id',
	'EventType',
	'DateUtc',
	'DateDevice',
	'DateLocal',
	'Status',
	'PlannedChangeStatus',
	'PlannedChangeId',
	'PlannedChangeManual',
	'Origin',
	'TimeZoneId',
	'UtcOffsetHours',
	'Version',
	'Score',
	'Description',
	'ProcessingTimeMs',
	'Url',
	'ExtraInfo',
	'UsedInBaselines',
] as const;
export type DeviceEventField = (typeof DEVICE_EVENT_FIELDS)[number];

/** The attribute key naming who made the change (INFERENCES.whoMadeTheChangeAttribute). */
export const WHO_MADE_THE_CHANGE = 'WhoMadeTheChange';

/** Invented numeric ids of trackers and item types (INFERENCES.eventVocabulary); other names get 0. */
const TRACKER_IDS = new Map(
	[
		'filetracker',
		'registrytracker',
		'servicetracker',
		'usertracker',
		'packagetracker',
		'commandtracker',
		'databasetracker',
		'cloudtracker',
		'processtracker',
	].map((name, index) => [name, index + 1]),
);
const ITEM_TYPE_IDS = new Map(
	[...new Set(CHANGE_ITEMS.map((item) => item.itemType))].map((name, index) => [
		name.toLowerCase(),
		index + 1,
	]),
);

export interface EventAttributes {
	current?: Record<string, string>;
	previous?: Record<string, string>;
	/** Names whose value differs (Changed events only). */
	changed?: string[];
}

/**
 * CurrentAttributes, PreviousAttributes and ChangedAttributes: New events have only current values, Deleted ones
 * only previous values (plus who deleted it), Changed ones both (INFERENCES.eventAttributes).
 */
export function eventAttributes(record: EventRecord): EventAttributes {
	let { previous, current } = record.given ?? generated(record);
	if (record.ChangeType === 'New') previous = undefined;
	if (record.ChangeType === 'Deleted') current = undefined;
	if (record.who !== undefined) current = { ...current, [WHO_MADE_THE_CHANGE]: record.who };
	const changed =
		record.ChangeType === 'Changed'
			? [...new Set([...Object.keys(previous ?? {}), ...Object.keys(current ?? {})])].filter(
					(name) => name !== WHO_MADE_THE_CHANGE && previous?.[name] !== current?.[name],
				)
			: undefined;
	return { current, previous, changed };
}

function generated(record: EventRecord): {
	previous: Record<string, string>;
	current: Record<string, string>;
} {
	const random = new Random(record.variant);
	const attributes = record.item.attributes;
	const names = Object.keys(attributes);
	const changing = (kind: AttributeKind) =>
		kind.kind === 'size' ||
		kind.kind === 'hash' ||
		((kind.kind === 'choice' || kind.kind === 'version') && new Set(kind.values).size > 1);
	const candidates = names.filter((name) => changing(attributes[name]));
	const picked = new Set<string>();
	if (record.ChangeType === 'Changed' && candidates.length > 0) {
		picked.add(random.pick(candidates));
		if (random.chance(0.3)) picked.add(random.pick(candidates));
	}
	// Content changes together: a new size comes with a new hash.
	const content = names.filter((name) => ['size', 'hash'].includes(attributes[name].kind));
	if (content.some((name) => picked.has(name))) for (const name of content) picked.add(name);
	const touched =
		content.some((name) => picked.has(name)) || (content.length === 0 && random.chance(0.5));
	const previous: Record<string, string> = {};
	const current: Record<string, string> = {};
	for (const name of names) {
		const kind = attributes[name];
		const change = picked.has(name);
		let before: string;
		let after: string;
		switch (kind.kind) {
			case 'fixed':
				before = after = kind.value;
				break;
			case 'choice': {
				before = random.pick(kind.values);
				const others = kind.values.filter((value) => value !== before);
				after = change && others.length > 0 ? random.pick(others) : before;
				break;
			}
			case 'version': {
				const index = random.int(0, max(0, kind.values.length - 2));
				before = kind.values[index];
				after = change || record.ChangeType === 'New' ? (kind.values[index + 1] ?? before) : before;
				break;
			}
			case 'hash':
				before = random.hex(64);
				after = change ? random.hex(64) : before;
				break;
			case 'size': {
				const value = random.int(kind.min, kind.max);
				before = String(value);
				const grown = value + random.int(1, 4096) * (random.chance(0.5) ? 1 : -1);
				after = change ? String(grown > 0 ? grown : value + 1) : before;
				break;
			}
			case 'modified':
				before = new Date(
					record.dateMs - random.int(1, 400) * DAY - random.int(0, 86_399) * 1000,
				).toISOString();
				after = record.ChangeType === 'Changed' && !touched ? before : record.DateUtc;
				break;
		}
		previous[name] = before;
		current[name] = after;
	}
	return { previous, current };
}

/** "File changed: /etc/ssh/sshd_config (Mode)". */
function describe(record: EventRecord, attributes: EventAttributes): string {
	const verb =
		record.ChangeType === 'New' ? 'added' : record.ChangeType === 'Deleted' ? 'removed' : 'changed';
	const which = attributes.changed?.length ? ` (${attributes.changed.join(', ')})` : '';
	return `${record.ItemTypeName} ${verb}: ${record.ItemName}${which}`;
}

/**
 * The DeviceEvent of a record, in spec property order. `localZone` (an IANA zone, from GetEvents.TimeZoneId)
 * fills DateLocal; without it DateLocal is DateTime.MinValue (INFERENCES.eventLocalDates).
 */
export function toDeviceEvent(record: EventRecord, localZone?: string): Record<string, unknown> {
	const attributes = eventAttributes(record);
	const deviceOffset = offsetMinutes(record.timeZone.iana, record.dateMs);
	return {
		BaselineType: 'None',
		ProcessingCompleteTimeUtc: new Date(record.arrivalMs).toISOString(),
		ChangeType: record.ChangeType,
		ChangedAttributes: attributes.changed,
		CurrentAttributes: attributes.current,
		ItemName: record.ItemName,
		ItemTypeId: ITEM_TYPE_IDS.get(record.ItemTypeName.toLowerCase()) ?? 0,
		ItemTypeName: record.ItemTypeName,
		PreviousAttributes: attributes.previous,
		TrackerTypeId: TRACKER_IDS.get(record.TrackerTypeName.toLowerCase()) ?? 0,
		TrackerTypeName: record.TrackerTypeName,
		TextDifferences:
			record.ChangeType === 'Changed' && record.item.textDifferences && !record.given
				? record.item.textDifferences.map((line) => ({ ...line }))
				: undefined,
		Comment: record.Comment,
		AgentDevice: { ...record.AgentDevice },
		AgentId: record.AgentDevice.AgentId,
		DeviceId: record.AgentDevice.DeviceId,
		GroupNames: [...record.GroupNames],
		DeviceName: record.DeviceName,
		Id: record.Id,
		EventType: 'DeviceEvent',
		DateUtc: record.DateUtc,
		DateDevice: isoWithOffset(record.dateMs, deviceOffset),
		DateLocal: localZone
			? isoWithOffset(record.dateMs, offsetMinutes(localZone, record.dateMs))
			: NEVER,
		Status: record.Status,
		PlannedChangeStatus: record.PlannedChangeStatus,
		PlannedChangeId: record.PlannedChangeId,
		PlannedChangeManual: record.PlannedChangeManual,
		Origin: record.Origin,
		TimeZoneId: record.timeZone.windows,
		UtcOffsetHours: deviceOffset / 60,
		Version: 1,
		Score: 0,
		Description: describe(record, attributes),
		ProcessingTimeMs: 2 + (record.variant % 400) / 10,
		Url: `${EVENT_URL_BASE}${record.Id}`,
	};
}

/** One DeviceEvent property of a record, for GenericFilters and Sort; cheap ones without building the event. */
export function eventField(record: EventRecord, field: DeviceEventField): unknown {
	switch (field) {
		case 'Id':
		case 'DateUtc':
		case 'ItemName':
		case 'ItemTypeName':
		case 'TrackerTypeName':
		case 'ChangeType':
		case 'Status':
		case 'PlannedChangeStatus':
		case 'PlannedChangeId':
		case 'PlannedChangeManual':
		case 'Origin':
		case 'Comment':
		case 'DeviceName':
		case 'GroupNames':
		case 'AgentDevice':
			return record[field];
		case 'AgentId':
			return record.AgentDevice.AgentId;
		case 'DeviceId':
			return record.AgentDevice.DeviceId;
		case 'EventType':
			return 'DeviceEvent';
		case 'ProcessingCompleteTimeUtc':
			return new Date(record.arrivalMs).toISOString();
		default:
			return toDeviceEvent(record)[field];
	}
}

/** Every attribute value of an event, current and previous, for text matching. */
export function attributeValues(record: EventRecord): { name: string; value: string }[] {
	const { current, previous } = eventAttributes(record);
	return [current, previous].flatMap((values) =>
		Object.entries(values ?? {}).map(([name, value]) => ({ name, value })),
	);
}
