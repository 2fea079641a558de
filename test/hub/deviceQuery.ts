/** Selects and orders devices for /agentsRanked: DeviceFilter (docs/hub-api.md §5.2), IncludeMasterInFilter, GenericFilters and Sort. */
import {
	compileGenericFilters,
	readPath,
	resolverFor,
	sortRows,
	type PagingQueryFilter,
} from './paging';
import type { DeviceFilterInput } from './schemas';
import { agentDeviceId, type HubStore } from './store';
import type { DeviceFilterReading, DeviceRecord } from './types';
import { DEVICE_REPORT_DETAIL_FIELDS, reportField, type DeviceReportField } from './views';

export interface DeviceQuery {
	DeviceFilter?: DeviceFilterInput;
	IncludeMasterInFilter?: boolean;
	GenericFilters?: PagingQueryFilter[];
	GenericFilterLogic?: string;
	Sort?: Record<string, string>;
	Skip?: number;
}

const resolveDeviceField = resolverFor(DEVICE_REPORT_DETAIL_FIELDS);

/** The spec's reading of DeviceFilter: the default; HubOptions.deviceIdsReadAs and nameMatch change it. */
export const SPEC_READING: DeviceFilterReading = {
	deviceIdsReadAs: 'agentDevice',
	nameMatch: 'exact',
};

/** Every matching device, in result order. Routes call it through ResponseCache (responseCache.ts). */
export function selectDevices(
	store: HubStore,
	query: DeviceQuery,
	reading: DeviceFilterReading = SPEC_READING,
): DeviceRecord[] {
	const read = (device: DeviceRecord, [field, ...rest]: string[]) =>
		readPath(reportField(device, field as DeviceReportField, store), rest);
	const tests = [
		deviceFilterTest(store, query.DeviceFilter, reading),
		compileGenericFilters(query.GenericFilters, query.GenericFilterLogic, resolveDeviceField, read),
	].filter((test): test is (device: DeviceRecord) => boolean => test !== undefined);
	let rows =
		tests.length === 0
			? store.agents
			: store.agents.filter((device) => tests.every((test) => test(device)));
	if (query.IncludeMasterInFilter) rows = withProxies(store, rows);
	return sortRows(rows, query.Sort, resolveDeviceField, read);
}

/** INFERENCES.masterInFilter: adds the proxy of every matched proxied device, keeping the default order. */
function withProxies(store: HubStore, rows: DeviceRecord[]): DeviceRecord[] {
	const included = new Set(rows);
	for (const device of rows) {
		const proxy =
			device.ProxyAgentDevice &&
			store.findAgent(`${device.ProxyAgentDevice.AgentId},${device.ProxyAgentDevice.DeviceId}`);
		if (proxy) included.add(proxy);
	}
	return included.size === rows.length
		? rows
		: store.agents.filter((device) => included.has(device));
}

/** A test for every DeviceFilter field that is set; empty lists do not filter. */
export function deviceFilterTest(
	store: HubStore,
	filter: DeviceFilterInput | undefined,
	reading: DeviceFilterReading = SPEC_READING,
): ((device: DeviceRecord) => boolean) | undefined {
	if (!filter) return undefined;
	const tests: ((device: DeviceRecord) => boolean)[] = [];
	const lowerSet = (values: string[]) => new Set(values.map((value) => value.trim().toLowerCase()));
	if (filter.GroupNames?.length) {
		const groups = withSubgroups(store, filter.GroupNames);
		tests.push((device) => device.GroupNames.some((name) => groups.has(name.toLowerCase())));
	}
	if (filter.AgentDeviceIds?.length && reading.deviceIdsReadAs === 'agentId') {
		// A Hub that reads the list as agent ids (HubOptions.deviceIdsReadAs): "12,999" is agents 12 and 999.
		const agentIds = new Set(
			filter.AgentDeviceIds.join(',')
				.split(',')
				.map((id) => id.trim()),
		);
		tests.push((device) => agentIds.has(device.AgentDevice.AgentId));
	} else if (filter.AgentDeviceIds?.length) {
		const ids = new Set(parseAgentDeviceIds(filter.AgentDeviceIds));
		tests.push((device) => ids.has(agentDeviceId(device)));
	}
	if (filter.AgentDisplayNames?.length && reading.nameMatch === 'prefix') {
		// A Hub that matches names by prefix (HubOptions.nameMatch): "router1" matches "router10".
		const prefixes = [...lowerSet(filter.AgentDisplayNames)];
		tests.push((device) => prefixes.some((prefix) => device.Name.toLowerCase().startsWith(prefix)));
	} else if (filter.AgentDisplayNames?.length) {
		// INFERENCES.displayNameFilterExact
		const names = lowerSet(filter.AgentDisplayNames);
		tests.push((device) => names.has(device.Name.toLowerCase()));
	}
	const statuses = [
		...(filter.OnlineStatuses ?? []),
		...(filter.OnlineStatus ? [filter.OnlineStatus] : []),
	];
	if (statuses.length) {
		const wanted = lowerSet(statuses);
		tests.push((device) => wanted.has(device.OnlineStatus.toLowerCase()));
	}
	if (filter.ExcludeProxiedDevices) tests.push((device) => !device.IsProxied);
	if (filter.CanProxy !== undefined) tests.push((device) => device.CanProxy === filter.CanProxy);
	if (filter.ProxyAgentIds?.length) {
		const proxies = new Set(filter.ProxyAgentIds.map((id) => id.trim()));
		tests.push(
			(device) =>
				device.IsProxied &&
				device.ProxyAgentDevice !== null &&
				proxies.has(device.ProxyAgentDevice.AgentId),
		);
	}
	if (filter.CredentialKeys?.length) {
		const keys = lowerSet(filter.CredentialKeys);
		tests.push((device) => device.CredentialKeys.some((key) => keys.has(key.toLowerCase())));
	}
	if (filter.Os) {
		const os = filter.Os.toLowerCase();
		tests.push((device) =>
			[device.Os, device.OsUserSpecified, device.KnownOsName].some((text) =>
				text.toLowerCase().includes(os),
			),
		);
	}
	if (filter.TextSearch) {
		const text = filter.TextSearch.toLowerCase();
		const matches = filter.TextSearchExactMatch
			? (value: string) => value === text
			: (value: string) => value.startsWith(text);
		tests.push((device) =>
			[device.Name, device.DeviceName, device.HostName, device.IPv4].some((value) =>
				matches(value.toLowerCase()),
			),
		);
	}
	if (filter.DiscoveryId) tests.push((device) => device.DiscoveryId === filter.DiscoveryId);
	if (filter.DiscoveryTaskId)
		tests.push((device) => device.DiscoveryTaskId === filter.DiscoveryTaskId);
	return tests.length === 0 ? undefined : (device) => tests.every((test) => test(device));
}

/**
 * Combined ids "agentId,deviceId". Lists from a query string arrive split at every comma ("1,1" becomes
 * ["1","1"]), so the parts are re-joined and paired again.
 */
export function parseAgentDeviceIds(values: readonly string[]): string[] {
	const parts = values
		.join(',')
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');
	const ids: string[] = [];
	for (let i = 0; i + 1 < parts.length; i += 2) ids.push(`${parts[i]},${parts[i + 1]}`);
	return ids;
}

/** INFERENCES.groupFilterIncludesSubgroups: the named groups and all their descendants, lower-cased. */
function withSubgroups(store: HubStore, names: readonly string[]): Set<string> {
	const found = new Set<string>();
	const pending = [...names];
	while (pending.length > 0) {
		const name = pending.pop() as string;
		if (found.has(name.toLowerCase())) continue;
		found.add(name.toLowerCase());
		pending.push(...(store.findGroup(name)?.Members ?? []));
	}
	return found;
}
