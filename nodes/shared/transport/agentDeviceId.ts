import type { RowKey } from './distinctKeys';
import type { AgentDevice } from './schemas';

/** The Hub's combined device id: "<agent id>,<device id>" (docs/hub-api.md §1.5). */
const AGENT_DEVICE_ID = /^\s*([A-Za-z0-9_-]+)\s*,\s*([A-Za-z0-9_-]+)\s*$/;

export const AGENT_DEVICE_ID_HINT =
	'Use the form "<agent id>,<device id>", for example "12,12" for an agent or "12,340" for a device it proxies (the agentDeviceId field of Get Many).';

export function agentDeviceIdOf(device: AgentDevice): string {
	return `${device.AgentId},${device.DeviceId}`;
}

/** A decimal id below 10,000,000 without leading zeros: as a number, no other id reads the same. */
const SMALL_ID = /^(?:0|[1-9][0-9]{0,6})$/;

/**
 * The key a walk tells agents and devices apart by (collectPages): for an agent reporting on its own machine (AgentId
 * = DeviceId) with a small decimal id, the usual case, the id as a number, which DistinctKeys keeps in a bitset; for
 * any other, its Agent Device ID. A text key has a comma, so it never stands for the same device as a number.
 */
export function agentDeviceKey(agentId: string, deviceId: string): RowKey {
	return agentId === deviceId && SMALL_ID.test(agentId)
		? Number(agentId)
		: `${agentId},${deviceId}`;
}

/** Parses and normalises an Agent Device ID; returns undefined when it is malformed. */
export function parseAgentDeviceId(
	value: unknown,
): { agentId: string; deviceId: string; id: string } | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const match = AGENT_DEVICE_ID.exec(String(value));
	if (!match) return undefined;
	return { agentId: match[1], deviceId: match[2], id: `${match[1]},${match[2]}` };
}
