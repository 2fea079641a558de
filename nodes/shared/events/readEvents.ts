import type { IDataObject } from 'n8n-workflow';

import { hubIdKey } from '../transport/eventId';
import type { HubClient } from '../transport/hubClient';
import { walkEvents, type EventItem, type PlannedChangeNames } from '../transport/events';
import type { HubEvent } from '../transport/schemas';
import type { EventQuery } from './eventQuery';
import { periodFields, type EventPeriod } from './timeRange';

export interface EventRead {
	query: EventQuery;
	period: EventPeriod;
	/** Newest first (DateUtc descending, the Hub's default) or oldest first. */
	newestFirst: boolean;
	pageSize: number;
	concurrency?: number;
	/** undefined = every matching event */
	limit?: number;
	itemIndex?: number;
}

/** The GetEvents body of a read (without Skip and Take), for one status or none. */
export function eventsRequestBody(
	read: Pick<EventRead, 'query' | 'period' | 'newestFirst'>,
	status?: string,
): IDataObject {
	const body: IDataObject = { ...periodFields(read.period), ...read.query.criteria };
	if (status) body.Status = status;
	// Sent even for the default order: the order the walk relies on should not depend on a Hub default.
	body.Sort = { DateUtc: read.newestFirst ? 'DESC' : 'ASC' };
	return body;
}

/**
 * The events a query selects in a period, in date order, each once, complete or an error (walkEvents). GetEvents
 * takes one Status, so a query with several statuses reads each in turn (each up to the limit) and merges them by
 * date; an event whose status changed between two reads is returned once.
 */
export async function readEvents<T extends EventItem>(
	client: HubClient,
	read: EventRead,
	shape: (event: HubEvent) => T,
	plannedChanges: PlannedChangeNames = new Map(),
): Promise<T[]> {
	const walk = async <U extends EventItem>(
		status: string | undefined,
		shapeOne: (e: HubEvent) => U,
	) =>
		await walkEvents(
			client,
			{
				query: eventsRequestBody(read, status),
				pageSize: read.pageSize,
				limit: read.limit,
				concurrency: read.concurrency,
				itemIndex: read.itemIndex,
			},
			shapeOne,
			plannedChanges,
		);
	const { statuses } = read.query;
	if (statuses.length <= 1) return await walk(statuses[0], shape);

	const merged: Array<{ id: string; at: number; item: T }> = [];
	for (const status of statuses) {
		merged.push(
			...(await walk(status, (event) => ({
				id: event.Id,
				at: Date.parse(event.DateUtc ?? '') || 0,
				item: shape(event),
			}))),
		);
	}
	const seen = new Set<string>();
	const unique = merged.filter((entry) => {
		const key = hubIdKey(entry.id);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	unique.sort((a, b) => (read.newestFirst ? b.at - a.at : a.at - b.at));
	return (read.limit === undefined ? unique : unique.slice(0, read.limit)).map(
		(entry) => entry.item,
	);
}
