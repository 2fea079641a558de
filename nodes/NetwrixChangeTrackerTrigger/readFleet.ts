import type { IDataObject } from 'n8n-workflow';

import { agentDeviceIdOf } from '../shared/transport/agentDeviceId';
import { emptyJoins, mergeJoins, type AgentJoins } from '../shared/transport/agentJoins';
import { listAgents } from '../shared/transport/agents';
import type { HubClient } from '../shared/transport/hubClient';
import type { DeviceReportDetail } from '../shared/transport/schemas';
import { fleetStatusOf, type Fleet } from './fleetEncoding';

export interface FleetReading {
	/** Keyed like the Fleet: "agentId,deviceId". */
	agents: Map<string, DeviceReportDetail>;
	joins: AgentJoins;
	fleet: Fleet;
}

interface FleetReadOptions {
	pageSize: number;
	concurrency: number;
	/** Group names for every device; a poll leaves them out and looks up only the devices that changed. */
	groupDetails: boolean;
}

/** Agent Device IDs per lookup request; keeps request bodies small when many devices vanish at once. */
const LOOKUP_BATCH = 500;

export function toReading(agents: DeviceReportDetail[], joins: AgentJoins): FleetReading {
	const byKey = new Map<string, DeviceReportDetail>();
	const fleet: Fleet = new Map();
	for (const agent of agents) {
		const key = agentDeviceIdOf(agent.AgentDevice);
		byKey.set(key, agent);
		fleet.set(key, { status: fleetStatusOf(agent.OnlineStatus), deleted: agent.Deleted === true });
	}
	return { agents: byKey, joins, fleet };
}

/** Every device matching the filters, soft-deleted ones included (their Deleted flag is what "deleted" means). */
export async function readFleet(
	client: HubClient,
	deviceFilter: IDataObject,
	options: FleetReadOptions,
): Promise<FleetReading> {
	const { agents, joins } = await listAgents(client, {
		deviceFilter,
		includeDeleted: true,
		groupDetails: options.groupDetails,
		pageSize: options.pageSize,
		concurrency: options.concurrency,
	});
	return toReading(agents, joins);
}

/** The named devices with their groups, wherever they are now (no other filter), soft-deleted ones included. */
export async function lookUpDevices(
	client: HubClient,
	keys: string[],
	pageSize: number,
): Promise<FleetReading> {
	const found: DeviceReportDetail[] = [];
	let joins: AgentJoins | undefined;
	for (let start = 0; start < keys.length; start += LOOKUP_BATCH) {
		const batch = await listAgents(client, {
			deviceFilter: { AgentDeviceIds: keys.slice(start, start + LOOKUP_BATCH) },
			includeDeleted: true,
			groupDetails: true,
			pageSize,
		});
		found.push(...batch.agents);
		joins = joins ? mergeJoins(joins, batch.joins) : batch.joins;
	}
	return toReading(found, joins ?? emptyJoins());
}
