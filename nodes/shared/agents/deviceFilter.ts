import type { IDataObject } from 'n8n-workflow';

import { AGENT_DEVICE_ID_HINT, parseAgentDeviceId } from '../transport/agentDeviceId';
import {
	booleanValue,
	InputError,
	oneOf,
	optionalText,
	quote,
	toList,
} from '../parameters/inputValues';

const ONLINE_STATUSES = ['WaitingForContact', 'Online', 'Offline'] as const;

export interface AgentQuery {
	/** The Hub's DeviceFilter with only the filters the user set. */
	deviceFilter: IDataObject;
	/** Group names as entered: checked against the Hub (and display names mapped to names) before use. */
	groupNames: string[];
	includeDeleted: boolean;
}

const label = (name: string) => `Filters › ${name}`;

/** Maps the Filters collection to a DeviceFilter; throws InputError naming the field for bad values. */
export function buildAgentQuery(filters: IDataObject): AgentQuery {
	const deviceFilter: IDataObject = {};

	const groupNames = toList(filters.groupNames, label('Groups'));

	const ids = toList(filters.agentDeviceIds, label('Agent Device IDs'), /[;\s]+/).map((value) => {
		const parsed = parseAgentDeviceId(value);
		if (!parsed)
			throw new InputError(
				label('Agent Device IDs'),
				`${quote(value)} is not an Agent Device ID`,
				AGENT_DEVICE_ID_HINT,
			);
		return parsed.id;
	});
	if (ids.length) deviceFilter.AgentDeviceIds = ids;

	const names = toList(filters.agentDisplayNames, label('Display Names'));
	if (names.length) deviceFilter.AgentDisplayNames = names;

	const statuses = toList(filters.onlineStatuses, label('Online Statuses'), /[;,\s]+/).map(
		(status) => oneOf(status, label('Online Statuses'), ONLINE_STATUSES),
	);
	if (statuses.length) deviceFilter.OnlineStatuses = statuses;

	if (filters.excludeProxiedDevices !== undefined) {
		deviceFilter.ExcludeProxiedDevices = booleanValue(
			filters.excludeProxiedDevices,
			label('Exclude Proxied Devices'),
		);
	}
	if (filters.canProxy !== undefined)
		deviceFilter.CanProxy = booleanValue(filters.canProxy, label('Can Proxy'));

	const proxies = toList(filters.proxyAgentIds, label('Proxy Agents'), /[;,\s]+/);
	if (proxies.length) deviceFilter.ProxyAgentIds = proxies;

	const keys = toList(filters.credentialKeys, label('Credential Keys'));
	if (keys.length) deviceFilter.CredentialKeys = keys;

	const os = optionalText(filters.os, label('OS'));
	if (os) deviceFilter.Os = os;

	const text = optionalText(filters.textSearch, label('Text Search'));
	if (text) {
		deviceFilter.TextSearch = text;
		if (filters.textSearchExactMatch !== undefined) {
			deviceFilter.TextSearchExactMatch = booleanValue(
				filters.textSearchExactMatch,
				label('Text Search Exact Match'),
			);
		}
	}

	const includeDeleted =
		filters.includeDeleted === undefined
			? false
			: booleanValue(filters.includeDeleted, label('Include Deleted'));
	return { deviceFilter, groupNames, includeDeleted };
}
