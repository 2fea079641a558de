import type { IDataObject } from 'n8n-workflow';

import { agentDeviceIdOf } from '../shared/transport/agentDeviceId';
import { emptyJoins, mergeJoins } from '../shared/transport/agentJoins';
import { listAgents } from '../shared/transport/agents';
import type { HubClient } from '../shared/transport/hubClient';
import type { DeviceReportDetail } from '../shared/transport/schemas';
import type { FleetEvent, FleetEventOption } from './detectChanges';
import { fleetStatusOf, type FleetStatus } from './fleetEncoding';
import { toReading, type FleetReading } from './readFleet';

/** A sample item of a test run: which agent, shaped as which change, from which status. */
export interface SampleChange {
	key: string;
	event: FleetEvent;
	previousStatus: FleetStatus | null;
}

/** What an agent must look like now to stand for each event, and the status it would have come from. */
const LOOKS_LIKE: Record<
	Exclude<FleetEventOption, 'anyStatusChange'>,
	{ filter: IDataObject; deleted: boolean; previous: FleetStatus | null }
> = {
	wentOffline: { filter: { OnlineStatuses: ['Offline'] }, deleted: false, previous: 'Online' },
	cameOnline: { filter: { OnlineStatuses: ['Online'] }, deleted: false, previous: 'Offline' },
	registered: { filter: {}, deleted: false, previous: null },
	deleted: { filter: {}, deleted: true, previous: null },
};

function statusEvent(status: FleetStatus): FleetEvent {
	if (status === 'Offline') return 'wentOffline';
	if (status === 'Online') return 'cameOnline';
	return 'statusChanged';
}

/**
 * "Fetch Test Event" for agent status changes: up to `limit` items shaped like the selected events (event,
 * previousStatus), each from an agent that looks like it now — an offline agent for Went Offline, a soft-deleted one
 * for Deleted — so a downstream IF on `event` matches while the workflow is built. When the Hub has no such agent,
 * another matching the filters stands in. Events take turns, so every selected one is shown.
 */
export async function readSampleChanges(
	client: HubClient,
	deviceFilter: IDataObject,
	events: readonly FleetEventOption[],
	limit: number,
): Promise<{ reading: FleetReading; samples: SampleChange[] }> {
	const found: DeviceReportDetail[] = [];
	const joins = emptyJoins();
	const byEvent: Array<{ event: FleetEventOption; agents: DeviceReportDetail[] }> = [];
	for (const event of events) {
		const shape = event === 'anyStatusChange' ? LOOKS_LIKE.registered : LOOKS_LIKE[event];
		const read = async (filter: IDataObject, deleted: boolean) => {
			const page = await listAgents(client, {
				deviceFilter: { ...deviceFilter, ...filter },
				includeDeleted: deleted,
				onlyDeleted: deleted,
				groupDetails: true,
				pageSize: limit,
				limit,
			});
			mergeJoins(joins, page.joins);
			return page.agents;
		};
		let agents = await read(shape.filter, shape.deleted);
		if (agents.length === 0) agents = await read({}, false);
		found.push(...agents);
		byEvent.push({ event, agents });
	}
	const reading = toReading(found, joins);
	const samples: SampleChange[] = [];
	const used = new Set<string>();
	for (
		let round = 0;
		samples.length < limit && byEvent.some((entry) => entry.agents.length > round);
		round++
	) {
		for (const { event, agents } of byEvent) {
			const agent = agents[round];
			if (!agent || samples.length >= limit) continue;
			const key = agentDeviceIdOf(agent.AgentDevice);
			if (used.has(`${event}:${key}`)) continue;
			used.add(`${event}:${key}`);
			const status = fleetStatusOf(agent.OnlineStatus);
			samples.push(
				event === 'anyStatusChange'
					? { key, event: statusEvent(status), previousStatus: null }
					: {
							key,
							event,
							previousStatus: LOOKS_LIKE[event].previous ?? (event === 'deleted' ? status : null),
						},
			);
		}
	}
	return { reading, samples };
}
