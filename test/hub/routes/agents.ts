/** /agentsRanked (§3): devices matching a DeviceFilter, paged, with optional group, template and credential details. */
import { BASE_DATE_MS } from '../catalog';
import { queryDevices } from '../deviceQuery';
import { pageOf } from '../paging';
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
		const matching = queryDevices(hub.store, dto, hub.queryCache);
		// INFERENCES.countOnly
		const page = dto.CountOnly ? { rows: [], total: matching.length } : pageOf(matching, dto.Skip, dto.Take, hub.settings.takeCap);
		return ok({
			...(dto.GetRelatedCredentials && { AgentCredentials: page.rows.map(agentCredential) }),
			...(dto.GetAgentGroupDetails && { AgentGroups: page.rows.map(agentGroups), GroupsLookup: groupsLookup(hub.store, page.rows) }),
			...(dto.GetRelatedTemplates && { TemplatesLookup: templatesLookup(hub.store, page.rows) }),
			...(dto.GetRelatedPlannedChanges && { AgentPlannedChangeStatuses: [] }),
			Agents: page.rows.map((device) => toDeviceReportDetail(device, hub.store)),
			...(dto.GetRelatedTemplates && { AgentTemplates: page.rows.map(agentTemplates) }),
			ResultsGeneratedAtUtc: new Date().toISOString(),
			StatsPeriod: 20250115,
			StatsPeriodStartUtc: STATS_PERIOD_START,
			StatsPeriodEndUtc: STATS_PERIOD_END,
			Total: page.total,
			Returned: page.rows.length,
			Version: RESPONSE_VERSION,
		});
	},
});

const agentGroups = (device: DeviceRecord) => ({ AgentDevice: { ...device.AgentDevice }, MemberOf: [...device.GroupNames] });

const agentTemplates = (device: DeviceRecord) => ({ AgentDevice: { ...device.AgentDevice }, ConfigTemplates: [...device.TemplateNames] });

const agentCredential = (device: DeviceRecord) => ({
	AgentDevice: { ...device.AgentDevice },
	Credentials: [...device.CredentialKeys],
	CredentialsTestStatus: device.CredentialsTestStatus,
	CredentialsTestMessage: device.CredentialsTestMessage,
});

/** Key → display name of every group the page's devices belong to. */
function groupsLookup(store: HubStore, devices: DeviceRecord[]) {
	const names = new Set(devices.flatMap((device) => device.GroupNames));
	return [...names].map((name) => ({ Key: name, Value: store.findGroup(name)?.DisplayName ?? name }));
}

function templatesLookup(store: HubStore, devices: DeviceRecord[]) {
	const names = new Set(devices.flatMap((device) => device.TemplateNames));
	return [...names].map((name) => ({ Key: name, Value: store.templates.find((template) => template.Name === name)?.DisplayName ?? name }));
}
