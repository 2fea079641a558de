import {
	AGENT_DEVICE_ID_HINT,
	agentDeviceIdOf,
	parseAgentDeviceId,
} from '../transport/agentDeviceId';
import { listAgents } from '../transport/agents';
import type { HubClient } from '../transport/hubClient';
import type { DeviceReportDetail } from '../transport/schemas';
import { InputError, quote } from '../parameters/inputValues';
import { displayNameOf, hasDisplayName } from './displayName';

/** One device as a field gives it: by Agent Device ID ("12,340", also from a list) or by display name. */
export interface DeviceEntry {
	by: 'id' | 'name';
	value: string;
}

/** A device the Hub has, as "agentId,deviceId" with its display name. */
export interface ResolvedDevice {
	agentDeviceId: string;
	name: string;
}

/**
 * Resolves devices to the Hub's Agent Device IDs before anything is written: IDs must name a live device, names must
 * be one device's whole display name (any case; docs/hub-api.md §5.2), whatever else the Hub's filter returned. Every
 * unknown entry is named in one error; a name shared by several devices is an error listing their IDs.
 */
export async function resolveAgentDevices(
	client: HubClient,
	entries: DeviceEntry[],
	field: string,
	itemIndex?: number,
	/** Soft-deleted devices count too (e.g. to take one out of a group). */
	includeDeleted = false,
): Promise<ResolvedDevice[]> {
	if (entries.length === 0) return [];
	const ids: string[] = [];
	const names: string[] = [];
	for (const entry of entries) {
		if (entry.by === 'name') {
			names.push(entry.value);
			continue;
		}
		const parsed = parseAgentDeviceId(entry.value);
		if (!parsed)
			throw new InputError(
				field,
				`${quote(entry.value)} is not an Agent Device ID`,
				AGENT_DEVICE_ID_HINT,
			);
		ids.push(parsed.id);
	}
	const read = async (filter: { AgentDeviceIds?: string[]; AgentDisplayNames?: string[] }) =>
		(
			await listAgents(client, {
				deviceFilter: filter,
				includeDeleted,
				pageSize: 500,
				itemIndex,
			})
		).agents;
	const byId = ids.length ? await read({ AgentDeviceIds: ids }) : [];
	const byName = names.length ? await read({ AgentDisplayNames: names }) : [];

	const resolved = new Map<string, ResolvedDevice>();
	const unknown: string[] = [];
	const add = (agent: DeviceReportDetail) => {
		const id = agentDeviceIdOf(agent.AgentDevice);
		resolved.set(id, { agentDeviceId: id, name: displayNameOf(agent) || id });
	};
	let idIndex = 0;
	for (const entry of entries) {
		if (entry.by === 'id') {
			const id = ids[idIndex++];
			const agent = byId.find((candidate) => agentDeviceIdOf(candidate.AgentDevice) === id);
			if (agent) add(agent);
			else unknown.push(id);
			continue;
		}
		const matches = byName.filter((agent) => hasDisplayName(agent, entry.value));
		if (matches.length === 0) unknown.push(entry.value);
		else if (matches.length > 1)
			throw new InputError(
				field,
				`${matches.length} devices are named ${quote(entry.value)}`,
				`Give the device by ID instead (${matches.map((agent) => agentDeviceIdOf(agent.AgentDevice)).join(' or ')})`,
			);
		else add(matches[0]);
	}
	if (unknown.length)
		throw new InputError(
			field,
			`the Hub has no device ${unknown.map(quote).join(', ')}`,
			'Check the names (the whole display name, any case) and IDs, or pick the devices from the list; nothing was changed',
		);
	return [...resolved.values()];
}
