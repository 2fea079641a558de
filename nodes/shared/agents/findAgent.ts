import type { IDataObject } from 'n8n-workflow';

import {
	AGENT_DEVICE_ID_HINT,
	agentDeviceIdOf,
	parseAgentDeviceId,
} from '../transport/agentDeviceId';
import { InputError, quote, requiredText } from '../parameters/inputValues';
import type { AgentJoins } from '../transport/agentJoins';
import type { HubClient } from '../transport/hubClient';
import { listAgents } from '../transport/agents';
import type { DeviceReportDetail } from '../transport/schemas';
import { displayNameOf, hasDisplayName } from './displayName';

export interface AgentLocatorValue {
	mode: string;
	value: unknown;
}

interface FoundAgent {
	agent: DeviceReportDetail;
	joins: AgentJoins;
}

/**
 * How many agents one lookup reads. A Hub that filters as documented answers with the agent asked for, or the
 * few that share its name (live and soft-deleted); the room is for a Hub whose filter is looser than that.
 */
const LOOKUP_WINDOW = 20;

/** At most this many other agents are named in an error. */
const NAMED_IN_ERROR = 3;

const describe = (agent: DeviceReportDetail) =>
	`${quote(displayNameOf(agent))} (${agentDeviceIdOf(agent.AgentDevice)})`;

/**
 * Reads the agent a resource locator points at (list and By ID give "agentId,deviceId", By Name a display name).
 * Only an agent whose ID, or whole display name (any case), is the one asked for counts, whatever else the Hub's
 * filter returned (a Hub that reads AgentDeviceIds as agent ids, or matches names by prefix, answers with other
 * agents), so a write never targets another agent. Resolves to undefined when the Hub has no such agent; a name
 * shared by several agents is an error listing them, unless `prefer` picks exactly one of them (the only live
 * one, or the only deleted one).
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
	let isWanted: (agent: DeviceReportDetail) => boolean;
	if (byName) {
		deviceFilter.AgentDisplayNames = [value];
		isWanted = (agent) => hasDisplayName(agent, value);
	} else {
		const parsed = parseAgentDeviceId(value);
		if (!parsed)
			throw new InputError(
				field,
				`${quote(value)} is not an Agent Device ID`,
				AGENT_DEVICE_ID_HINT,
			);
		deviceFilter.AgentDeviceIds = [parsed.id];
		isWanted = (agent) => agentDeviceIdOf(agent.AgentDevice) === parsed.id;
	}
	const { agents: answered, joins } = await listAgents(client, {
		deviceFilter,
		includeDeleted: extra.includeDeleted ?? true,
		groupDetails: true,
		templates: true,
		credentials: true,
		pageSize: LOOKUP_WINDOW,
		limit: LOOKUP_WINDOW,
		itemIndex,
	});
	const agents = answered.filter(isWanted);
	if (answered.length >= LOOKUP_WINDOW && agents.length < answered.length) {
		// The Hub's filter let other agents through and filled the window: the one asked for may be further on.
		const others = answered.filter((agent) => !isWanted(agent));
		throw new InputError(
			field,
			`the Hub answered the lookup of ${quote(value)} with ${answered.length} or more agents, ${others.length} of them ${byName ? 'named otherwise' : 'with other IDs'} (${others.slice(0, NAMED_IN_ERROR).map(describe).join(', ')}${others.length > NAMED_IN_ERROR ? ', …' : ''}), so this Hub does not filter exactly and the agent cannot be told apart; nothing was changed`,
			byName
				? 'Choose the agent from the list or by ID'
				: 'Check that the credential points at a Change Tracker Hub 8.1 or later, or choose the agent from the list',
		);
	}
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
			`Choose the agent from the list or by ID (${agents.map((a) => agentDeviceIdOf(a.AgentDevice)).join(' or ')})`,
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
