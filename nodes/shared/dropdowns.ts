import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { displayNameOf } from './agents/displayName';
import { agentDeviceIdOf } from './transport/agentDeviceId';
import { listAgents } from './transport/agents';
import { HubClient } from './transport/hubClient';
import { fetchGroups } from './transport/hubReferenceData';

/** Dropdown loaders both nodes offer (loadOptions methods). */

export const byName = (a: INodePropertyOptions, b: INodePropertyOptions) =>
	a.name.localeCompare(b.name);

/** Groups: labelled by display name, valued by the internal name the Hub filters on (e.g. "A12"). */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await fetchGroups(await HubClient.create(this));
	return groups
		.map((group) => ({
			name: group.DisplayName || group.Name,
			value: group.Name,
			description: `Group ${group.Name}`,
		}))
		.sort(byName);
}

/** Agents that can proxy agentless devices; valued by agent ID (what ProxyAgentIds and ProxiedByAgentId take). */
export async function getProxyAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { agents } = await listAgents(await HubClient.create(this), {
		deviceFilter: { CanProxy: true },
		includeDeleted: false,
		pageSize: 500,
	});
	return agents
		.map((agent) => ({
			name: displayNameOf(agent) || agentDeviceIdOf(agent.AgentDevice),
			value: agent.AgentDevice.AgentId,
			description: `Agent ${agent.AgentDevice.AgentId}${agent.HostName ? ` · ${agent.HostName}` : ''}`,
		}))
		.sort(byName);
}
