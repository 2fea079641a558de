import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { agentDeviceIdOf } from '../helpers/agentDeviceId';
import { listAgents } from '../transport/agents';
import { HubClient } from '../transport/hubClient';
import { fetchCredentialKeys, fetchGroups, fetchTemplateNames } from '../transport/lookups';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Groups: labelled by display name, valued by the internal name the Hub filters on (e.g. "A12"). */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await fetchGroups(await HubClient.create(this));
	return groups
		.map((group) => ({ name: group.DisplayName || group.Name, value: group.Name, description: `Group ${group.Name}` }))
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
			name: agent.Name || agent.DeviceName || agentDeviceIdOf(agent.AgentDevice),
			value: agent.AgentDevice.AgentId,
			description: `Agent ${agent.AgentDevice.AgentId}${agent.HostName ? ` · ${agent.HostName}` : ''}`,
		}))
		.sort(byName);
}

/** Every credential key, with its type; for filters and for a device's credential. */
export async function getCredentialKeys(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const keyed = await fetchCredentialKeys(await HubClient.create(this));
	const options = new Map<string, INodePropertyOptions>();
	for (const [type, keys] of Object.entries(keyed)) {
		for (const key of keys) {
			const existing = options.get(key);
			options.set(key, {
				name: key,
				value: key,
				description: existing ? `${existing.description}, ${type}` : type,
			});
		}
	}
	return [...options.values()].sort(byName);
}

export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const names = await fetchTemplateNames(await HubClient.create(this));
	return names.map((name) => ({ name, value: name })).sort(byName);
}

/** Keys of the credential type selected in the node (Type field); every key when no single type is selected. */
export async function getCredentialKeysOfType(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const selected = this.getCurrentNodeParameter('credentialType');
	const type = typeof selected === 'string' && selected !== 'all' ? selected.toLowerCase() : undefined;
	const keyed = await fetchCredentialKeys(await HubClient.create(this));
	const options: INodePropertyOptions[] = [];
	for (const [keyType, keys] of Object.entries(keyed)) {
		if (type !== undefined && keyType.toLowerCase() !== type) continue;
		for (const key of keys) options.push({ name: key, value: key, description: type ? undefined : keyType });
	}
	return options.sort(byName);
}
