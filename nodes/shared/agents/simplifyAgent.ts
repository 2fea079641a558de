import type { IDataObject } from 'n8n-workflow';

import { agentDeviceIdOf } from '../transport/agentDeviceId';
import type { AgentJoins } from '../transport/agentJoins';
import type { AgentDevice, DeviceReportDetail } from '../transport/schemas';
import { hubDateOrNull } from '../helpers/hubDates';
import { hubTag } from '../helpers/hubTag';

/** One flat item per agent: what reports, IF nodes and tickets need, with names instead of internal keys. */
export function simplifyAgent(
	agent: DeviceReportDetail,
	joins: AgentJoins,
	hubLabel: string,
): IDataObject & { agentDeviceId: string; agentId: string; deviceId: string } {
	const id = agentDeviceIdOf(agent.AgentDevice);
	const groupIds = joins.groupsByDevice.get(id) ?? [];
	const templates = joins.templatesByDevice.get(id) ?? [];
	const proxy = agent.ProxyAgentDevice ? agentDeviceIdOf(agent.ProxyAgentDevice) : null;
	// One literal with every field (no spread in front): walks build 100,000 of these, and an object grown
	// property by property after a spread costs several times the memory and time.
	const item = {
		agentDeviceId: id,
		agentId: agent.AgentDevice.AgentId,
		deviceId: agent.AgentDevice.DeviceId,
		name: agent.Name ?? null,
		deviceName: agent.DeviceName ?? null,
		hostName: agent.HostName ?? null,
		fqdn: agent.FullyQualifiedDomainName ?? null,
		hostType: agent.HostType ?? null,
		agentType: agent.AgentType ?? null,
		os: agent.OsUserSpecified || agent.Os || agent.OperatingSystem || agent.KnownOsName || null,
		ipv4: agent.IPv4 ?? null,
		ipv6: agent.IPv6 ?? null,
		onlineStatus: agent.OnlineStatus ?? null,
		registered: agent.Registered ?? null,
		deleted: agent.Deleted ?? false,
		isProxied: agent.IsProxied ?? false,
		canProxy: agent.CanProxy ?? false,
		proxyAgentDeviceId: agent.IsProxied ? proxy : null,
		proxyName: agent.IsProxied ? (agent.RelatedProxyDeviceName ?? null) : null,
		lastPollUtc: hubDateOrNull(agent.LastPollUtc),
		nextPollUtc: hubDateOrNull(agent.NextPollUtc),
		groups: groupIds.map((name) => joins.groupDisplayNames.get(name) ?? name),
		groupIds,
		templates: templates.map((name) => joins.templateDisplayNames.get(name) ?? name),
		credentialKeys: joins.credentialsByDevice.get(id) ?? [],
		agentVersion:
			agent.Version === undefined || agent.Version === null ? null : String(agent.Version),
	};
	return hubLabel ? { ...hubTag(hubLabel), ...item } : item;
}

/** Simplify off: the Hub's DeviceReportDetail, with the joined lists attached. */
export function rawAgent(
	agent: DeviceReportDetail,
	joins: AgentJoins,
	hubLabel: string,
): IDataObject & { AgentDevice: AgentDevice } {
	const id = agentDeviceIdOf(agent.AgentDevice);
	const extra: IDataObject = {};
	const groups = joins.groupsByDevice.get(id);
	if (groups) {
		extra.MemberOfGroups = groups.map((name) => ({
			Name: name,
			DisplayName: joins.groupDisplayNames.get(name) ?? name,
		}));
	}
	const templates = joins.templatesByDevice.get(id);
	if (templates) extra.ConfigTemplates = templates;
	const credentials = joins.credentialsByDevice.get(id);
	if (credentials) extra.CredentialKeys = credentials;
	return { ...agent, ...extra, ...(hubLabel ? { Hub: hubLabel } : {}) } as IDataObject & {
		AgentDevice: AgentDevice;
	};
}
