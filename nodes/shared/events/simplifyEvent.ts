import type { IDataObject } from 'n8n-workflow';

import { hubDateOrNull } from '../helpers/hubDates';
import { hubTag } from '../helpers/hubTag';
import { agentDeviceIdOf } from '../transport/agentDeviceId';
import type { PlannedChangeNames } from '../transport/events';
import { WHO_MADE_THE_CHANGE } from '../transport/hubEnums';
import type { HubReferenceData } from '../transport/hubReferenceData';
import type { HubEvent } from '../transport/schemas';

/** What turns an event's internal names into names a person knows. */
export interface EventLookups {
	/** Internal group name (lower case) → display name: the Hub's groups, read once per run. */
	groupDisplayNames: Map<string, string>;
	/** Planned change id (lower case) → name: the PlannedChanges lookups of the answers read so far. */
	plannedChanges: PlannedChangeNames;
}

/** Lookups for a run: the Hub's groups (read once through `reference`) and an empty planned change map. */
export async function eventLookups(reference: HubReferenceData): Promise<EventLookups> {
	const groupDisplayNames = new Map<string, string>();
	for (const group of await reference.groups())
		groupDisplayNames.set(group.Name.toLowerCase(), group.DisplayName || group.Name);
	return { groupDisplayNames, plannedChanges: new Map() };
}

type Attributes = Record<string, string | null> | null | undefined;

const own = (attributes: Attributes, name: string): string | null =>
	attributes && Object.prototype.hasOwnProperty.call(attributes, name)
		? (attributes[name] ?? null)
		: null;

/**
 * The attributes that changed, each with its value before and after: the Hub's ChangedAttributes, or for a new item
 * every attribute it has (previous null) and for a deleted one every attribute it had (current null). Who made the
 * change is its own field, not an attribute that changed.
 */
export function changedAttributesOf(
	event: HubEvent,
): Array<{ name: string; previous: string | null; current: string | null }> {
	const current = event.CurrentAttributes;
	const previous = event.PreviousAttributes;
	let names = event.ChangedAttributes ?? [];
	if (names.length === 0) {
		const type = event.ChangeType?.toLowerCase();
		if (type === 'new') names = Object.keys(current ?? {});
		else if (type === 'deleted') names = Object.keys(previous ?? {});
	}
	return names
		.filter((name) => name !== WHO_MADE_THE_CHANGE)
		.map((name) => ({ name, previous: own(previous, name), current: own(current, name) }));
}

export function whoMadeTheChangeOf(event: HubEvent): string | null {
	return (
		own(event.CurrentAttributes, WHO_MADE_THE_CHANGE) ??
		own(event.PreviousAttributes, WHO_MADE_THE_CHANGE)
	);
}

function agentDeviceIdOfEvent(event: HubEvent): string | null {
	if (event.AgentDevice) return agentDeviceIdOf(event.AgentDevice);
	return event.AgentId && event.DeviceId ? `${event.AgentId},${event.DeviceId}` : null;
}

/**
 * One flat item per event: what tickets, chat messages, SIEM records and IF nodes need, with names instead of
 * internal keys. .NET's "never set" date becomes null (docs/events.md lists every field).
 */
export function simplifyEvent(
	event: HubEvent,
	lookups: EventLookups,
	hubLabel: string,
): IDataObject & { id: string } {
	const groupIds = event.GroupNames ?? [];
	const plannedChangeId = event.PlannedChangeId || null;
	const item = {
		id: event.Id,
		eventType: event.EventType ?? null,
		status: event.Status ?? null,
		plannedChangeStatus: event.PlannedChangeStatus ?? null,
		plannedChangeId,
		plannedChangeName: plannedChangeId
			? (lookups.plannedChanges.get(plannedChangeId.toLowerCase()) ?? null)
			: null,
		dateUtc: hubDateOrNull(event.DateUtc),
		agentDeviceId: agentDeviceIdOfEvent(event),
		deviceName: event.DeviceName ?? null,
		groups: groupIds.map((name) => lookups.groupDisplayNames.get(name.toLowerCase()) ?? name),
		groupIds,
		changeType: event.ChangeType ?? null,
		itemName: event.ItemName ?? null,
		itemType: event.ItemTypeName ?? null,
		tracker: event.TrackerTypeName ?? null,
		whoMadeTheChange: whoMadeTheChangeOf(event),
		changedAttributes: changedAttributesOf(event),
		description: event.Description ?? null,
		url: event.Url ?? null,
		comment: event.Comment || null,
	};
	return hubLabel ? { ...hubTag(hubLabel), ...item } : item;
}

/** Simplify off: the Hub's record, with the credential's Hub Label. */
export function rawEvent(event: HubEvent, hubLabel: string): IDataObject & { Id: string } {
	return (hubLabel ? { ...event, Hub: hubLabel } : event) as IDataObject & { Id: string };
}
