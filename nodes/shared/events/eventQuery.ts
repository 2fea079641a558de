import type { IDataObject } from 'n8n-workflow';

import { buildAgentQuery } from '../agents/deviceFilter';
import { resolveGroupField } from '../agents/groupNames';
import { eventStatusValue } from '../parameters/eventValues';
import { oneOf, optionalText, toList } from '../parameters/inputValues';
import type { HubReferenceData } from '../transport/hubReferenceData';
import {
	CHANGE_TYPES,
	EVENT_TYPES,
	PLANNED_CHANGE_STATUSES,
	type EventStatus,
} from '../transport/hubEnums';

/** Which events, as the Hub takes them (docs/hub-api.md §10.1–§10.2); the period and paging are added per read. */
export interface EventQuery {
	/**
	 * GetEvents.Status takes one status: several are read one after another and merged (shared/events/readEvents.ts).
	 * Empty: any status.
	 */
	statuses: EventStatus[];
	/** DeviceFilter, EventFilter and TextSearch: only what is set. */
	criteria: IDataObject;
}

const label = (name: string) => `Filters › ${name}`;
const LIST = /[;,\s]+/;

/** The filters as a query, without the Hub: group entries as typed (checked by buildEventQuery). */
export function readEventFilters(filters: IDataObject): {
	query: EventQuery;
	groupNames: string[];
} {
	const criteria: IDataObject = {};

	// The agent filters that select devices: their own checks and messages (shared/agents/deviceFilter.ts).
	const devices = buildAgentQuery({
		groupNames: filters.groupNames,
		agentDeviceIds: filters.agentDeviceIds,
		agentDisplayNames: filters.agentDisplayNames,
	});
	if (Object.keys(devices.deviceFilter).length) criteria.DeviceFilter = devices.deviceFilter;

	// Not split at spaces: "Under Investigation" is one status.
	const statuses = toList(filters.statuses, label('Status'), /[;,\n\r]+/).map((status) =>
		eventStatusValue(status, label('Status')),
	);

	const text = optionalText(filters.textSearch, label('Text Search'));
	if (text) criteria.TextSearch = text;

	const eventFilter: IDataObject = {};
	const planned = toList(filters.plannedChangeStatuses, label('Planned Change Status'), LIST).map(
		(status) => oneOf(status, label('Planned Change Status'), PLANNED_CHANGE_STATUSES),
	);
	if (planned.length) eventFilter.PlannedChangeStatuses = [...new Set(planned)];

	const types = toList(filters.eventTypes, label('Event Types'), LIST).map((type) =>
		oneOf(type, label('Event Types'), EVENT_TYPES),
	);
	if (types.length) eventFilter.EventTypes = [...new Set(types)];

	const trackers = toList(filters.trackerTypes, label('Tracker Types'), LIST);
	if (trackers.length) eventFilter.TrackerTypeNames = trackers;

	const itemTypes = toList(filters.itemTypes, label('Item Types'), LIST);
	if (itemTypes.length) eventFilter.ItemTypeNames = itemTypes;

	if (optionalText(filters.changeType, label('Change Type')) !== undefined)
		eventFilter.ChangeType = oneOf(filters.changeType, label('Change Type'), CHANGE_TYPES);

	const itemName = optionalText(filters.itemName, label('Item Name'));
	if (itemName) eventFilter.ItemName = itemName;

	if (Object.keys(eventFilter).length) criteria.EventFilter = eventFilter;
	return { query: { statuses: [...new Set(statuses)], criteria }, groupNames: devices.groupNames };
}

/**
 * The Filters collection as an event query, with groups checked against the Hub (display names accepted too, read
 * once per run through `reference`). Throws InputError naming the field for a bad value.
 */
export async function buildEventQuery(
	filters: IDataObject,
	reference: HubReferenceData,
): Promise<EventQuery> {
	const { query, groupNames } = readEventFilters(filters);
	if (groupNames.length) {
		const deviceFilter = (query.criteria.DeviceFilter ??= {}) as IDataObject;
		deviceFilter.GroupNames = await resolveGroupField(reference, groupNames, label('Groups'));
	}
	return query;
}
