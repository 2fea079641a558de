import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { resolveAgentQuery } from '../shared/agents/agentQuery';
import { pageConcurrencyOption, pageSizeOption } from '../shared/parameters/pageOptions';
import {
	InputError,
	integerInRange,
	oneOf,
	optionalBoolean,
	toList,
} from '../shared/parameters/inputValues';
import { hubClientOptions } from '../shared/parameters/clientOptions';
import { simplifyAgent } from '../shared/agents/simplifyAgent';
import { HubClient } from '../shared/transport/hubClient';
import { HubReferenceData } from '../shared/transport/hubReferenceData';
import {
	detectChanges,
	FLEET_EVENTS,
	isMassRemoval,
	isWanted,
	type FleetChange,
	type FleetDiff,
	type FleetEventOption,
} from './detectChanges';
import type { Fleet } from './fleetEncoding';
import { lookUpDevices, readFleet, type FleetReading } from './readFleet';
import { readSampleChanges } from './sampleChanges';
import { queryFingerprint, recordedFleet, recordFleet } from './fleetStaticData';
import { asTriggerError } from './triggerErrors';

/** Agents a manual test run ("Fetch Test Event") returns. */
export const SAMPLE_SIZE = 10;

/** Options › Confirm Mass Deletion Above (%) when not set: a poll may remove up to half the fleet on one read. */
export const DEFAULT_CONFIRM_DELETIONS_ABOVE = 50;

/** Filters the trigger offers: the action node's, minus those that would hide the changes it reports. */
export const TRIGGER_FILTERS = [
	'groupNames',
	'agentDisplayNames',
	'excludeProxiedDevices',
	'proxyAgentIds',
	'os',
	'textSearch',
	'textSearchExactMatch',
] as const;

function wantedEvents(value: unknown): FleetEventOption[] {
	const events = toList(value, 'Events', /[;,\s]+/).map((event) =>
		oneOf(event, 'Events', FLEET_EVENTS),
	);
	if (!events.length)
		throw new InputError('Events', 'is empty', 'Choose at least one event to watch for');
	return events;
}

function confirmDeletionsAbove(options: IDataObject): number {
	return options.confirmDeletionsAbove === undefined
		? DEFAULT_CONFIRM_DELETIONS_ABOVE
		: integerInRange(
				options.confirmDeletionsAbove,
				'Options › Confirm Mass Deletion Above (%)',
				0,
				100,
			);
}

/** Only the supported filters are passed on: a value left over from an expression cannot widen the query. */
function triggerFilters(filters: IDataObject): IDataObject {
	const picked: IDataObject = {};
	for (const name of TRIGGER_FILTERS) if (filters[name] !== undefined) picked[name] = filters[name];
	return picked;
}

interface ItemContext {
	hub: string;
	detectedAt: string;
}

function agentItem(reading: FleetReading, key: string, header: IDataObject): INodeExecutionData {
	const agent = reading.agents.get(key)!;
	return { json: { ...header, ...simplifyAgent(agent, reading.joins, '') } };
}

/** A device gone from the Hub altogether: only its ID is known (the state keeps no names, to stay small). */
function removedItem(key: string, header: IDataObject): INodeExecutionData {
	const [agentId, deviceId] = key.split(',');
	return {
		json: {
			...header,
			agentDeviceId: key,
			agentId,
			deviceId,
			name: null,
			deleted: true,
			removedFromHub: true,
		},
	};
}

function changeHeader(change: FleetChange, context: ItemContext): IDataObject {
	return {
		event: change.event,
		hub: context.hub,
		previousStatus: change.previousStatus,
		detectedAt: context.detectedAt,
	};
}

/**
 * The items for the wanted changes, from one lookup of just those devices (with their groups). Devices the filters
 * no longer return were deleted (soft-deleted devices move to the Deleted group, so a group filter stops returning
 * them; permanently deleted ones are gone), or are merely out of scope now, which is no event.
 */
async function changeItems(
	client: HubClient,
	changes: FleetChange[],
	missing: FleetChange[],
	current: FleetReading,
	pageSize: number,
	context: ItemContext,
): Promise<INodeExecutionData[]> {
	const keys = [...changes, ...missing].map((change) => change.key);
	if (!keys.length) return [];
	const found = await lookUpDevices(client, keys, pageSize);
	const items: INodeExecutionData[] = [];
	for (const change of changes) {
		// A device deleted between the two reads is still reported, from the first read, without its groups.
		items.push(
			agentItem(
				found.agents.has(change.key) ? found : current,
				change.key,
				changeHeader(change, context),
			),
		);
	}
	for (const change of missing) {
		const now = found.fleet.get(change.key);
		if (!now) items.push(removedItem(change.key, changeHeader(change, context)));
		else if (now.deleted) items.push(agentItem(found, change.key, changeHeader(change, context)));
	}
	return items;
}

/**
 * The fleet this poll reports and records, with its diff against the recorded one. One Hub answer is not trusted
 * alone when it would take more than `percent` % of the recorded live devices out of the fleet, or when it is the
 * first (the baseline) and empty: such an answer may be a glitch (an empty or partial list from the Hub or a proxy),
 * and recording it would report every device as registered again on the next poll. The fleet is then read once
 * more and the second read is used: it either confirms the removal (reported) or shows the first answer was wrong.
 */
async function readConfirmedFleet(
	read: () => Promise<FleetReading>,
	previous: Fleet | undefined,
	percent: number,
): Promise<{ current: FleetReading; diff?: FleetDiff }> {
	const diffOf = (reading: FleetReading) => previous && detectChanges(previous, reading.fleet);
	let current = await read();
	let diff = diffOf(current);
	const suspicious =
		previous && diff
			? isMassRemoval(previous, diff, percent)
			: current.fleet.size === 0 && percent < 100;
	if (suspicious) {
		current = await read();
		diff = diffOf(current);
	}
	return { current, diff };
}

export async function pollFleet(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const node = this.getNode();
	try {
		const events = wantedEvents(this.getNodeParameter('events'));
		const filters = triggerFilters(this.getNodeParameter('filters', {}) as IDataObject);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const confirmAbove = confirmDeletionsAbove(options);

		const client = await HubClient.create(this, hubClientOptions(options));
		const { deviceFilter } = await resolveAgentQuery(filters, new HubReferenceData(client));
		const context: ItemContext = {
			hub: client.hubLabel || client.hubUrl.base,
			detectedAt: new Date().toISOString(),
		};
		const header = (event: string): IDataObject => ({
			event,
			hub: context.hub,
			previousStatus: null,
			detectedAt: context.detectedAt,
		});

		if (this.getMode() === 'manual') {
			// A test run shows items shaped like the selected events (marked sample) and leaves the recorded fleet alone.
			const { reading, samples } = await readSampleChanges(
				client,
				deviceFilter,
				events,
				SAMPLE_SIZE,
			);
			const items = samples.map((sample) =>
				agentItem(reading, sample.key, {
					...header(sample.event),
					previousStatus: sample.previousStatus,
					sample: true,
				}),
			);
			return items.length ? [items] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const query = queryFingerprint(client.hubUrl.api, deviceFilter);
		const previous = recordedFleet(staticData, query);
		const emitCurrent =
			!previous &&
			optionalBoolean(options.emitOnFirstRun, 'Options › Emit Current Agents on First Run', false);
		const pageSize = pageSizeOption(options);
		const concurrency = pageConcurrencyOption(options);
		const { current, diff } = await readConfirmedFleet(
			async () =>
				await readFleet(client, deviceFilter, { pageSize, concurrency, groupDetails: emitCurrent }),
			previous,
			confirmAbove,
		);

		let items: INodeExecutionData[] = [];
		if (emitCurrent) {
			const live = [...current.fleet].filter(([, entry]) => !entry.deleted).map(([key]) => key);
			items = live.map((key) => agentItem(current, key, header('current')));
		} else if (previous && diff) {
			const missing = isWanted('deleted', events)
				? diff.missing.map(
						(key): FleetChange => ({
							key,
							event: 'deleted',
							previousStatus: previous.get(key)?.status ?? null,
						}),
					)
				: [];
			const wanted = diff.changes.filter((change) => isWanted(change.event, events));
			items = await changeItems(client, wanted, missing, current, pageSize, context);
		}
		// Recorded only once everything above succeeded: a failed poll is retried with the same baseline.
		recordFleet(staticData, query, current.fleet, context.detectedAt);
		return items.length ? [items] : null;
	} catch (error) {
		throw asTriggerError(node, error);
	}
}
