import { agentDeviceIdOf } from '../transport/agentDeviceId';
import { listAgents } from '../transport/agents';
import type { HubClient } from '../transport/hubClient';
import { displayNameOf } from './displayName';

/**
 * The display names of devices by Agent Device ID, read with one `/agentsRanked` walk (soft-deleted devices
 * included); a device the Hub does not return is absent from the map. Only records whose ID was asked for count.
 */
export async function deviceNamesOf(
	client: HubClient,
	agentDeviceIds: string[],
	itemIndex?: number,
): Promise<Map<string, string>> {
	const names = new Map<string, string>();
	if (agentDeviceIds.length === 0) return names;
	const wanted = new Set(agentDeviceIds);
	const { agents } = await listAgents(client, {
		deviceFilter: { AgentDeviceIds: agentDeviceIds },
		includeDeleted: true,
		pageSize: 500,
		itemIndex,
	});
	for (const agent of agents) {
		const id = agentDeviceIdOf(agent.AgentDevice);
		if (wanted.has(id)) names.set(id, displayNameOf(agent) || id);
	}
	return names;
}
