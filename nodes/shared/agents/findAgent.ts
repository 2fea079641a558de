import type { IDataObject } from 'n8n-workflow';

import { AGENT_DEVICE_ID_HINT, parseAgentDeviceId } from '../transport/agentDeviceId';
import { InputError, quote, requiredText } from '../parameters/inputValues';
import type { AgentJoins } from '../transport/agentJoins';
import type { HubClient } from '../transport/hubClient';
import { listAgents } from '../transport/agents';
import type { DeviceReportDetail } from '../transport/schemas';

export interface AgentLocatorValue {
	mode: string;
	value: unknown;
}

interface FoundAgent {
	agent: DeviceReportDetail;
	joins: AgentJoins;
}

/** How many same-named agents are read when one state (live or deleted) is preferred. */
const PREFERENCE_WINDOW = 20;

/**
 * Reads the agent a resource locator points at (list and By ID give "agentId,deviceId", By Name a display name).
 * Resolves to undefined when the Hub has no such agent; a name shared by several agents is an error, unless
 * `prefer` picks exactly one of them (the only live one, or the only deleted one).
 */
export async function findAgent(
	client: HubClient,
	locator: AgentLocatorValue,
	field: string,
	itemIndex: number,
	extra: { deviceFilter?: IDataObject; includeDeleted?: boolean; prefer?: 'live' | 'deleted' } = {},
): Promise<FoundAgent | undefined> {
	const value = requiredText(locator.value, field);
	const byName = locator.mode === 'name';
	const deviceFilter: IDataObject = { ...extra.deviceFilter };
	if (byName) {
		deviceFilter.AgentDisplayNames = [value];
	} else {
		const parsed = parseAgentDeviceId(value);
		if (!parsed)
			throw new InputError(
				field,
				`${quote(value)} is not an Agent Device ID`,
				AGENT_DEVICE_ID_HINT,
			);
		deviceFilter.AgentDeviceIds = [parsed.id];
	}
	const { agents, joins } = await listAgents(client, {
		deviceFilter,
		includeDeleted: extra.includeDeleted ?? true,
		groupDetails: true,
		templates: true,
		credentials: true,
		pageSize: extra.prefer ? PREFERENCE_WINDOW : 2,
		limit: extra.prefer ? PREFERENCE_WINDOW : 2,
		itemIndex,
	});
	if (agents.length > 1 && byName && extra.prefer) {
		// A name can be shared by a live device and soft-deleted ones: the one in the wanted state decides.
		const preferred = agents.filter(
			(agent) => (agent.Deleted === true) === (extra.prefer === 'deleted'),
		);
		if (preferred.length === 1) return { agent: preferred[0], joins };
	}
	if (agents.length > 1 && byName) {
		throw new InputError(
			field,
			`${agents.length} agents are named ${quote(value)}`,
			`Choose the agent from the list or by ID (${agents.map((a) => `${a.AgentDevice.AgentId},${a.AgentDevice.DeviceId}`).join(' or ')})`,
		);
	}
	return agents.length ? { agent: agents[0], joins } : undefined;
}

export function notFoundError(field: string, locator: AgentLocatorValue): InputError {
	const how = locator.mode === 'name' ? 'named' : 'with ID';
	return new InputError(
		field,
		`the Hub has no agent ${how} ${quote(locator.value)}`,
		'Check the value, or pick the agent from the list',
	);
}
