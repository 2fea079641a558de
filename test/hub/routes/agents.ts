/** /agentsRanked (§3): devices matching a DeviceFilter, paged, with optional group, template and credential details. */
import { BASE_DATE_MS } from '../catalog';
import { queryDevices } from '../deviceQuery';
import { JsonObjectWriter, type DeviceValue } from '../deviceWire';
import { pageOf } from '../paging';
import { GetAgentsRankedRequest } from '../schemas';
import type { HubStore } from '../store';
import type { DeviceRecord } from '../types';
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
		// Devices come serialised from the wire cache; the body reads exactly as JSON.stringify of the response would.
		const entries = (value: DeviceValue) => page.rows.map((device) => hub.wire.entry(device, value));
		const body = new JsonObjectWriter();
		if (dto.GetRelatedCredentials) body.array('AgentCredentials', entries(agentCredential));
		if (dto.GetAgentGroupDetails) body.array('AgentGroups', entries(agentGroups)).value('GroupsLookup', groupsLookup(hub.store, page.rows));
		if (dto.GetRelatedTemplates) body.value('TemplatesLookup', templatesLookup(hub.store, page.rows));
		if (dto.GetRelatedPlannedChanges) body.value('AgentPlannedChangeStatuses', []);
		body.array('Agents', page.rows.map((device) => hub.wire.detail(device)));
		if (dto.GetRelatedTemplates) body.array('AgentTemplates', entries(agentTemplates));
		return ok(
			body
				.value('ResultsGeneratedAtUtc', new Date().toISOString())
				.value('StatsPeriod', 20250115)
				.value('StatsPeriodStartUtc', STATS_PERIOD_START)
				.value('StatsPeriodEndUtc', STATS_PERIOD_END)
				.value('Total', page.total)
				.value('Returned', page.rows.length)
				.value('Version', RESPONSE_VERSION)
				.toBuffer(),
		);
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
	return [...distinct(devices, (device) => device.GroupNames)].map((name) => ({ Key: name, Value: store.findGroup(name)?.DisplayName ?? name }));
}

function templatesLookup(store: HubStore, devices: DeviceRecord[]) {
	return [...distinct(devices, (device) => device.TemplateNames)].map((name) => ({
		Key: name,
		Value: store.templates.find((template) => template.Name === name)?.DisplayName ?? name,
	}));
}

/** The names of a page's devices, in first-seen order, without building one big array. */
function distinct(devices: DeviceRecord[], namesOf: (device: DeviceRecord) => string[]): Set<string> {
	const names = new Set<string>();
	for (const device of devices) for (const name of namesOf(device)) names.add(name);
	return names;
}
