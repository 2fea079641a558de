/** /agentsRanked (docs/hub-api.md §5.1): devices matching a DeviceFilter, paged, with optional group, template and credential details. */
import { BASE_DATE_MS } from '../catalog';
import { pageOf, type Page } from '../paging';
import { DeviceList, type DeviceView } from '../responseCache';
import { GetAgentsRankedRequest } from '../schemas';
import type { HubStore } from '../store';
import type { DeviceRecord } from '../types';
import { toDeviceReportDetail } from '../views';
import { RESPONSE_VERSION, ok, route } from './route';

const STATS_PERIOD_START = new Date(BASE_DATE_MS - 24 * 3600 * 1000).toISOString();
const STATS_PERIOD_END = new Date(BASE_DATE_MS).toISOString();

export const agentsRanked = route({
	name: '/agentsRanked',
	dtoName: 'GetAgentsRanked',
	request: GetAgentsRankedRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const matching = hub.cache.selectDevices(dto);
		const page = dto.CountOnly // INFERENCES.countOnly
			? { rows: [], total: matching.length }
			: pageOf(matching, dto.Skip, dto.Take, hub.settings.takeCap);
		return ok(hub.cache.serialise(agentsRankedResponse(hub.store, dto, page)));
	},
});

/** GetAgentsRankedResponse, in the Hub's property order; the Get* flags add the related lists. */
function agentsRankedResponse(
	store: HubStore,
	dto: GetAgentsRankedRequest,
	page: Page<DeviceRecord>,
) {
	const devices = page.rows;
	const each = (view: DeviceView) => new DeviceList(store, devices, view);
	return {
		AgentCredentials: dto.GetRelatedCredentials ? each(agentCredential) : undefined,
		AgentGroups: dto.GetAgentGroupDetails ? each(agentGroups) : undefined,
		GroupsLookup: dto.GetAgentGroupDetails ? groupsLookup(store, devices) : undefined,
		TemplatesLookup: dto.GetRelatedTemplates ? templatesLookup(store, devices) : undefined,
		AgentPlannedChangeStatuses: dto.GetRelatedPlannedChanges ? [] : undefined,
		Agents: each(toDeviceReportDetail),
		AgentTemplates: dto.GetRelatedTemplates ? each(agentTemplates) : undefined,
		ResultsGeneratedAtUtc: new Date().toISOString(),
		StatsPeriod: 20250115,
		StatsPeriodStartUtc: STATS_PERIOD_START,
		StatsPeriodEndUtc: STATS_PERIOD_END,
		Total: page.total,
		Returned: devices.length,
		Version: RESPONSE_VERSION,
	};
}

// INFERENCES.agentGroupsDirect: a device's own groups, not their parents.
const agentGroups = (device: DeviceRecord) => ({
	AgentDevice: { ...device.AgentDevice },
	MemberOf: [...device.GroupNames],
});

const agentTemplates = (device: DeviceRecord) => ({
	AgentDevice: { ...device.AgentDevice },
	ConfigTemplates: [...device.TemplateNames],
});

const agentCredential = (device: DeviceRecord) => ({
	AgentDevice: { ...device.AgentDevice },
	Credentials: [...device.CredentialKeys],
	CredentialsTestStatus: device.CredentialsTestStatus,
	CredentialsTestMessage: device.CredentialsTestMessage,
});

/** Name → display name of every group the page's devices belong to. */
function groupsLookup(store: HubStore, devices: DeviceRecord[]) {
	return distinct(devices, (device) => device.GroupNames).map((name) => ({
		Key: name,
		Value: store.findGroup(name)?.DisplayName ?? name,
	}));
}

/** Name → display name of every template the page's devices have. */
function templatesLookup(store: HubStore, devices: DeviceRecord[]) {
	return distinct(devices, (device) => device.TemplateNames).map((name) => ({
		Key: name,
		Value: store.templates.find((template) => template.Name === name)?.DisplayName ?? name,
	}));
}

/** The names of the devices, each once, in first-seen order. */
function distinct(devices: DeviceRecord[], namesOf: (device: DeviceRecord) => string[]): string[] {
	const names = new Set<string>();
	for (const device of devices) for (const name of namesOf(device)) names.add(name);
	return [...names];
}
