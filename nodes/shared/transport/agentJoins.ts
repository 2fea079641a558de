import { agentDeviceIdOf } from './agentDeviceId';
import type { AgentsRankedResponse } from './schemas';

/** Per-device lists from one agentsRanked answer, keyed by "agentId,deviceId", built once per page (O(n)). */
export interface AgentJoins {
	groupsByDevice: Map<string, string[]>;
	templatesByDevice: Map<string, string[]>;
	credentialsByDevice: Map<string, string[]>;
	groupDisplayNames: Map<string, string>;
	templateDisplayNames: Map<string, string>;
}

function indexByDevice(
	links:
		| Array<{ AgentDevice: { AgentId: string; DeviceId: string } } & Record<string, unknown>>
		| null
		| undefined,
	field: string,
	into: Map<string, string[]>,
): void {
	for (const link of links ?? []) {
		const values = link[field];
		if (Array.isArray(values)) into.set(agentDeviceIdOf(link.AgentDevice), values as string[]);
	}
}

function lookup(
	pairs: Array<{ Key: string; Value?: string | null }> | null | undefined,
	into: Map<string, string>,
) {
	for (const pair of pairs ?? []) into.set(pair.Key, pair.Value ?? pair.Key);
}

export function emptyJoins(): AgentJoins {
	return {
		groupsByDevice: new Map(),
		templatesByDevice: new Map(),
		credentialsByDevice: new Map(),
		groupDisplayNames: new Map(),
		templateDisplayNames: new Map(),
	};
}

/** Adds one page's join data; pages of one walk accumulate into the same maps. */
export function addJoins(joins: AgentJoins, page: AgentsRankedResponse): AgentJoins {
	indexByDevice(page.AgentGroups, 'MemberOf', joins.groupsByDevice);
	indexByDevice(page.AgentTemplates, 'ConfigTemplates', joins.templatesByDevice);
	indexByDevice(page.AgentCredentials, 'Credentials', joins.credentialsByDevice);
	lookup(page.GroupsLookup, joins.groupDisplayNames);
	lookup(page.TemplatesLookup, joins.templateDisplayNames);
	return joins;
}

/** Adds the join data of another lookup (e.g. a later batch) into `into`. */
export function mergeJoins(into: AgentJoins, from: AgentJoins): AgentJoins {
	const copy = <V>(target: Map<string, V>, source: Map<string, V>) =>
		source.forEach((value, key) => target.set(key, value));
	copy(into.groupsByDevice, from.groupsByDevice);
	copy(into.templatesByDevice, from.templatesByDevice);
	copy(into.credentialsByDevice, from.credentialsByDevice);
	copy(into.groupDisplayNames, from.groupDisplayNames);
	copy(into.templateDisplayNames, from.templateDisplayNames);
	return into;
}
