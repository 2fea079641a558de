import type { EventQuery } from '../shared/events/eventQuery';
import { eventsRequestBody } from '../shared/events/readEvents';
import { hubIdKey } from '../shared/transport/eventId';
import type { HubClient } from '../shared/transport/hubClient';
import { walkEvents, type PlannedChangeNames } from '../shared/transport/events';
import { HubAnswerError } from '../shared/transport/hubAnswerError';
import type { HubEvent } from '../shared/transport/schemas';
import type { WindowEvent } from './eventWatermark';

export interface WindowRead {
	query: EventQuery;
	/** DateUtc period, epoch ms, both ends inclusive. */
	start: number;
	end: number;
	/** Most events read per status (the walk stops there). */
	limit: number;
	pageSize: number;
}

/** How far before StartUtc a Hub may date an event it returns (a Hub comparing whole seconds). */
const START_TOLERANCE_MS = 1000;

const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A Hub date as epoch ms; text without an offset is UTC (docs/hub-api.md §1.6). Undefined when it is no date. */
export function hubInstant(text: string | null | undefined): number | undefined {
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	const trimmed = text.trim();
	const value = Date.parse(WITH_OFFSET.test(trimmed) ? trimmed : `${trimmed}Z`);
	return Number.isNaN(value) ? undefined : value;
}

interface WalkedEvent extends WindowEvent<HubEvent> {
	id: string;
	/** The DateUtc as the Hub sent it, for the error messages. */
	date: string;
}

/**
 * The events of the period, oldest first, each once: one walk per Status (GetEvents takes one) with
 * `Sort: {DateUtc: ASC}`, each up to `limit` events. Events in `seen` are not kept, only their IDs and dates.
 * Checked: a walk that stopped at the limit must be oldest first (otherwise the events it did not read could be
 * older than those it did), and no event may be dated before the period (a Hub that ignored StartUtc).
 * Events dated after `end` (a device clock ahead, a Hub that ignored EndUtc) are left for a later poll.
 */
export async function readEventWindow(
	client: HubClient,
	read: WindowRead,
	seen: ReadonlyMap<string, number>,
	plannedChanges: PlannedChangeNames,
): Promise<Array<WindowEvent<HubEvent>>> {
	const statuses: Array<string | undefined> = read.query.statuses.length
		? read.query.statuses
		: [undefined];
	const byKey = new Map<string, WalkedEvent>();
	for (const status of statuses) {
		const body = eventsRequestBody(
			{
				query: read.query,
				period: { startMs: read.start, endMs: read.end },
				newestFirst: false,
			},
			status,
		);
		const walked = await walkEvents(
			client,
			{ query: body, pageSize: read.pageSize, limit: read.limit },
			(event): WalkedEvent => {
				const key = hubIdKey(event.Id);
				const at = hubInstant(event.DateUtc) ?? read.start;
				return {
					id: event.Id,
					key,
					at,
					date: event.DateUtc ?? '',
					item: seen.has(key) ? undefined : event,
				};
			},
			plannedChanges,
		);
		if (walked.length >= read.limit) checkOldestFirst(walked);
		for (const event of walked) if (!byKey.has(event.key)) byKey.set(event.key, event);
	}
	const events: Array<WindowEvent<HubEvent>> = [];
	for (const event of byKey.values()) {
		if (event.at < read.start - START_TOLERANCE_MS) throw beforePeriod(event, read.start);
		if (event.at < read.start || event.at > read.end) continue;
		events.push({ key: event.key, at: event.at, item: event.item });
	}
	// Stable: events of one DateUtc stay in the Hub's order (arrival).
	return events.sort((a, b) => a.at - b.at);
}

function checkOldestFirst(events: WalkedEvent[]): void {
	for (let index = 1; index < events.length; index++) {
		if (events[index].at < events[index - 1].at)
			throw new HubAnswerError(
				`The Hub did not return events oldest first: ${events[index].date} came after ${events[index - 1].date}`,
				'The trigger reads events with Sort {"DateUtc": "ASC"} and takes the oldest first; a Hub that ignores the sort could make it skip events, so the poll stops and nothing is recorded. Report this answer to Netwrix support; meanwhile, a higher Options › Max Events per Poll avoids reads that stop part-way.',
			);
	}
}

function beforePeriod(event: WalkedEvent, start: number): HubAnswerError {
	return new HubAnswerError(
		`The Hub returned event ${event.id} dated ${event.date}, before the StartUtc asked for (${new Date(start).toISOString()})`,
		'The Hub seems to ignore StartUtc, so the trigger cannot tell new events from old ones. The poll stops and nothing is recorded. Check that the credential points at a Change Tracker Hub 8.1 or later.',
	);
}
