import type { IDataObject } from 'n8n-workflow';

import { hubIdKey } from './eventId';
import type { HubClient } from './hubClient';
import { collectPages } from './paging';
import {
	eventCountsResponseSchema,
	eventHistoryResponseSchema,
	eventsResponseSchema,
	type EventCountsResponse,
	type EventHistoryResponse,
	type EventsResponse,
	type HubEvent,
} from './schemas';

/**
 * Change events (docs/hub-api.md §10): list (`/events`), set status (`/acknowledgeEvents`), comment
 * (`/setCommentsForEvents`), history (`/event/history/{EventId}`) and counts (`/stats/events`).
 */

/** Planned change instance id → name, from the `PlannedChanges` lookup of `/events` answers. */
export type PlannedChangeNames = Map<string, string>;

export interface EventListRequest {
	/** The GetEvents criteria (period, Status, TextSearch, DeviceFilter, EventFilter, Sort); Skip and Take are added per page. */
	query: IDataObject;
	pageSize: number;
	/** undefined = every matching event */
	limit?: number;
	concurrency?: number;
	itemIndex?: number;
}

/** What a walk's output items look like: simplified (`id`) or the Hub's record (`Id`). */
export type EventItem = { id: string } | { Id: string };

function keyOf(item: EventItem): string {
	return hubIdKey('id' in item ? item.id : item.Id);
}

/**
 * The events of one answer: `DeviceEvents`, then the other typed lists (never `AllEvents`, which repeats them), each
 * event once.
 */
export function eventsOf(page: EventsResponse): HubEvent[] {
	const lists = [
		page.DeviceEvents,
		page.Events,
		page.AlertEvents,
		page.AuditEvents,
		page.BaselineEvents,
		page.DataResultsEvents,
	].filter((list): list is HubEvent[] => Array.isArray(list) && list.length > 0);
	if (lists.length <= 1) return lists[0] ?? [];
	const seen = new Set<string>();
	const events: HubEvent[] = [];
	for (const list of lists) {
		for (const event of list) {
			const key = hubIdKey(event.Id);
			if (seen.has(key)) continue;
			seen.add(key);
			events.push(event);
		}
	}
	return events;
}

/** Adds an answer's `PlannedChanges` lookup (id → name) to `into`. */
function addPlannedChanges(into: PlannedChangeNames, page: EventsResponse): void {
	const lookup = page.PlannedChanges;
	if (!lookup) return;
	for (const [key, name] of Object.entries(lookup)) {
		if (typeof name === 'string' && name !== '') into.set(key.toLowerCase(), name);
	}
}

async function eventsPage(
	client: HubClient,
	query: IDataObject,
	skip: number,
	take: number,
	itemIndex: number | undefined,
): Promise<EventsResponse> {
	return await client.request({
		endpoint: '/events',
		body: { ...query, Skip: skip, Take: take },
		schema: eventsResponseSchema,
		itemIndex,
	});
}

/**
 * Events matching a GetEvents query (POST /events), every page or up to a limit, each once (by `Id`), complete or an
 * error (collectPages). Each page is shaped right away, with the planned change names of the pages read so far in
 * `plannedChanges`, so a walk never holds more than one page of Hub records.
 */
export async function walkEvents<T extends EventItem>(
	client: HubClient,
	request: EventListRequest,
	shape: (event: HubEvent) => T,
	plannedChanges: PlannedChangeNames = new Map(),
): Promise<T[]> {
	return await collectPages<T>({
		pageSize: request.pageSize,
		limit: request.limit,
		concurrency: request.concurrency,
		keyOf,
		fetchPage: async (skip, take) => {
			const page = await eventsPage(client, request.query, skip, take, request.itemIndex);
			addPlannedChanges(plannedChanges, page);
			return { items: eventsOf(page).map(shape), total: page.Total };
		},
	});
}

/** The events with these ids, and the Take cap the Hub showed while answering (undefined when it showed none). */
export interface EventsByIds {
	events: HubEvent[];
	plannedChanges: PlannedChangeNames;
	takeCap?: number;
}

/**
 * The events the Hub has among `ids` (EventFilter.EventIds), read before a write: which exist, and what they hold.
 * A page shorter than asked while more rows remain shows the Hub's Take cap (docs/hub-api.md §4.3), which a write
 * that follows /events paging (`/setCommentsForEvents`) must respect.
 */
export async function readEventsByIds(
	client: HubClient,
	ids: string[],
	itemIndex?: number,
): Promise<EventsByIds> {
	const plannedChanges: PlannedChangeNames = new Map();
	let takeCap: number | undefined;
	const query = { EventFilter: { EventIds: ids } };
	const events = await collectPages<HubEvent>({
		pageSize: ids.length,
		// A Hub that ignored the filter would otherwise be walked to its end; the caller keeps only the ids asked for.
		limit: ids.length,
		keyOf: (event) => hubIdKey(event.Id),
		fetchPage: async (skip, take) => {
			const page = await eventsPage(client, query, skip, take, itemIndex);
			addPlannedChanges(plannedChanges, page);
			const events = eventsOf(page);
			if (events.length > 0 && events.length < take && page.Total > skip + events.length)
				takeCap = Math.min(takeCap ?? events.length, events.length);
			return { items: events, total: page.Total };
		},
	});
	return { events, plannedChanges, takeCap };
}

/**
 * One event by id (GetEvents.EventId): whatever the Hub answered, up to `window` events, for the caller to check that
 * the one asked for is among them (a Hub that ignores EventId answers with others).
 */
export async function lookUpEvent(
	client: HubClient,
	eventId: string,
	window: number,
	itemIndex?: number,
): Promise<{ events: HubEvent[]; plannedChanges: PlannedChangeNames }> {
	const page = await eventsPage(client, { EventId: eventId }, 0, window, itemIndex);
	const plannedChanges: PlannedChangeNames = new Map();
	addPlannedChanges(plannedChanges, page);
	return { events: eventsOf(page), plannedChanges };
}

/** POST /acknowledgeEvents for exactly these ids (never without them: no ids means every event, §10.4). */
export async function setEventStatus(
	client: HubClient,
	change: { eventIds: string[]; status: string; plannedChangeId?: string },
	itemIndex?: number,
): Promise<void> {
	if (change.eventIds.length === 0) return;
	const body: IDataObject = { EventIds: change.eventIds, NewStatus: change.status };
	if (change.plannedChangeId) body.PlannedChangeId = change.plannedChangeId;
	await client.request({ endpoint: '/acknowledgeEvents', body, write: true, itemIndex });
}

/**
 * POST /setCommentsForEvents for exactly these ids: the Hub comments the page `/events` would answer for the
 * GetEvents given (§10.5), so the ids go in EventFilter.EventIds and Take covers them all (the caller keeps a batch
 * within the Hub's Take cap).
 */
export async function setEventComment(
	client: HubClient,
	eventIds: string[],
	comment: string,
	itemIndex?: number,
): Promise<void> {
	if (eventIds.length === 0) return;
	await client.request({
		endpoint: '/setCommentsForEvents',
		body: {
			GetEvents: { EventFilter: { EventIds: eventIds }, Skip: 0, Take: eventIds.length },
			Comment: comment,
		},
		write: true,
		itemIndex,
	});
}

/** GET-or-POST /event/history/{EventId}; undefined when the Hub has no such event (404). */
export async function fetchEventHistory(
	client: HubClient,
	eventId: string,
	itemIndex?: number,
): Promise<EventHistoryResponse | undefined> {
	return await client.request({
		endpoint: `/event/history/${encodeURIComponent(eventId)}`,
		body: { EventId: eventId },
		schema: eventHistoryResponseSchema,
		notFound: 'undefined',
		itemIndex,
	});
}

/** POST /stats/events with a GetEventCounts body. */
export async function countEvents(
	client: HubClient,
	body: IDataObject,
	itemIndex?: number,
): Promise<EventCountsResponse> {
	return await client.request({
		endpoint: '/stats/events',
		body,
		schema: eventCountsResponseSchema,
		itemIndex,
	});
}
