import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { buildEventQuery, type EventQuery } from '../shared/events/eventQuery';
import { readEvents } from '../shared/events/readEvents';
import { eventLookups, simplifyEvent } from '../shared/events/simplifyEvent';
import { hubClientOptions } from '../shared/parameters/clientOptions';
import { hubDate, optionalDate } from '../shared/parameters/dateValues';
import { InputError, integerInRange } from '../shared/parameters/inputValues';
import { pageSizeOption } from '../shared/parameters/pageOptions';
import type { PlannedChangeNames } from '../shared/transport/events';
import { HubClient } from '../shared/transport/hubClient';
import { HubReferenceData } from '../shared/transport/hubReferenceData';
import type { HubEvent } from '../shared/transport/schemas';
import { hubFingerprint, recordedEvents, recordEvents } from './eventStaticData';
import {
	advance,
	readLimit,
	sameState,
	startState,
	windowOf,
	type EventState,
} from './eventWatermark';
import { readEventWindow } from './readEventWindow';
import { asTriggerError } from './triggerErrors';

/** Events a manual test run ("Fetch Test Event") returns: the newest matching ones. */
export const EVENT_SAMPLE_SIZE = 10;

/** Options › Look-Back (Minutes) when not set: how late an event may reach the Hub and still be emitted. */
export const DEFAULT_LOOK_BACK_MINUTES = 15;
export const MAX_LOOK_BACK_MINUTES = 10_080;

/** Options › Max Events per Poll when not set; the rest is emitted by the next polls. */
export const DEFAULT_MAX_EVENTS_PER_POLL = 1000;
export const MAX_EVENTS_PER_POLL = 100_000;

const MINUTE = 60_000;

export const LOOK_BACK_FIELD = 'Options › Look-Back (Minutes)';
export const MAX_EVENTS_FIELD = 'Options › Max Events per Poll';
export const SINCE_FIELD = 'Options › Emit Events Since';

interface EventPollOptions {
	lookBackMs: number;
	cap: number;
	since?: number;
	pageSize: number;
}

function readOptions(options: IDataObject, now: number, timeZone: string): EventPollOptions {
	const lookBackMs =
		(options.lookBackMinutes === undefined
			? DEFAULT_LOOK_BACK_MINUTES
			: integerInRange(options.lookBackMinutes, LOOK_BACK_FIELD, 0, MAX_LOOK_BACK_MINUTES)) *
		MINUTE;
	const cap =
		options.maxEventsPerPoll === undefined
			? DEFAULT_MAX_EVENTS_PER_POLL
			: integerInRange(options.maxEventsPerPoll, MAX_EVENTS_FIELD, 1, MAX_EVENTS_PER_POLL);
	const since = optionalDate(options.emitEventsSince, SINCE_FIELD, timeZone);
	if (since !== undefined && since > now)
		throw new InputError(
			SINCE_FIELD,
			`${hubDate(since)} is in the future`,
			'Enter a date in the past, or leave the option out to emit only events dated after activation',
		);
	return { lookBackMs, cap, since, pageSize: pageSizeOption(options) };
}

interface PollContext {
	client: HubClient;
	reference: HubReferenceData;
	query: EventQuery;
	hub: string;
}

async function simplified(
	context: PollContext,
	events: HubEvent[],
	plannedChanges: PlannedChangeNames,
	extra: IDataObject = {},
): Promise<INodeExecutionData[]> {
	if (!events.length) return [];
	const lookups = await eventLookups(context.reference);
	lookups.plannedChanges = plannedChanges;
	return events.map((event) => ({
		json: { ...simplifyEvent(event, lookups, context.hub), ...extra },
	}));
}

/** Fetch Test Event: the newest events matching the filters, marked `sample: true`; the state is left alone. */
async function sampleEvents(context: PollContext, now: number): Promise<INodeExecutionData[]> {
	const plannedChanges: PlannedChangeNames = new Map();
	const events = await readEvents(
		context.client,
		{
			query: context.query,
			period: { startMs: 0, endMs: now },
			newestFirst: true,
			pageSize: EVENT_SAMPLE_SIZE,
			limit: EVENT_SAMPLE_SIZE,
		},
		(event) => ({ id: event.Id, event }),
		plannedChanges,
	);
	return await simplified(
		context,
		events.map((entry) => entry.event),
		plannedChanges,
		{ sample: true },
	);
}

/**
 * One poll of the New Events mode (docs/trigger.md): reads the events dated from the watermark minus the look-back
 * to now, oldest first, and emits those not emitted before, up to the cap. The state is written only after
 * everything succeeded, so a failed poll is read again in full by the next one.
 */
export async function pollEvents(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const node = this.getNode();
	try {
		const now = Date.now();
		const filters = this.getNodeParameter('eventFilters', {}) as IDataObject;
		const rawOptions = this.getNodeParameter('eventOptions', {}) as IDataObject;
		const options = readOptions(rawOptions, now, this.getTimezone());

		const client = await HubClient.create(this, hubClientOptions(rawOptions));
		const reference = new HubReferenceData(client);
		const context: PollContext = {
			client,
			reference,
			query: await buildEventQuery(filters, reference),
			hub: client.hubLabel || client.hubUrl.base,
		};

		if (this.getMode() === 'manual') {
			const items = await sampleEvents(context, now);
			return items.length ? [items] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const hub = hubFingerprint(client.hubUrl.api);
		const recorded = recordedEvents(staticData, hub);
		const restart = !recorded || (options.since !== undefined && options.since !== recorded.since);

		if (restart && options.since === undefined) {
			// Baseline: nothing dated before now will be emitted. One small read checks the Hub, the permission and
			// the filters, so a wrong setting fails the activation rather than a later poll.
			await readEventWindow(
				client,
				{ query: context.query, start: now, end: now, limit: 1, pageSize: 1 },
				new Map(),
				new Map(),
			);
			recordEvents(staticData, hub, startState(now), undefined);
			return null;
		}

		const state: EventState = restart ? startState(options.since!) : recorded!.state;
		const since = restart ? options.since : recorded!.since;
		const { start, end } = windowOf(state, options.lookBackMs, now);
		const plannedChanges: PlannedChangeNames = new Map();
		const events = await readEventWindow(
			client,
			{
				query: context.query,
				start,
				end,
				limit: readLimit(state, options.cap),
				pageSize: options.pageSize,
			},
			state.seen,
			plannedChanges,
		);
		const outcome = advance(state, events, options.cap, options.lookBackMs, start);
		const items = await simplified(
			context,
			outcome.emitted.map((event) => event.item!),
			plannedChanges,
		);

		// Recorded only once everything above succeeded; an unchanged state is not written again.
		if (restart || !sameState(state, outcome.next))
			recordEvents(staticData, hub, outcome.next, since);
		return items.length ? [items] : null;
	} catch (error) {
		throw asTriggerError(node, error);
	}
}
