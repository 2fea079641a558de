/**
 * /agents/register (docs/hub-api.md §6.1): with ProxiedByAgentId, registers an agentless device behind a proxy agent;
 * without it, a stand-alone agent. Answers the new Agent.
 */
import { randomUUID } from 'node:crypto';
import { NEVER } from '../catalog';
import { fieldError, validationError, type ResponseError } from '../http/errors';
import { INFERENCES, inferred } from '../inferences';
import { RegisterAgentRequest } from '../schemas';
import type { HubStore } from '../store';
import type { DeviceRecord } from '../types';
import { toAgent } from '../views';
import {
	HOST_TYPES,
	ONLINE_DETECTIONS,
	checkCredentialKey,
	checkEnum,
	checkGroups,
	toDbConnection,
} from './deviceChecks';
import { ok, route } from './route';

export const registerAgent = route({
	name: '/agents/register',
	dtoName: 'RegisterAgent',
	request: RegisterAgentRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto }) => {
		const checked = checkRegistration(hub.store, dto);
		const device = newDevice(hub.store, dto, checked);
		hub.store.insertDevice(device);
		return ok(toAgent(device));
	},
});

interface CheckedRegistration {
	deviceName: string;
	hostType: string;
	onlineDetection: string;
	proxy?: DeviceRecord;
	groupNames: string[];
	credentialKey?: string;
}

function checkRegistration(store: HubStore, dto: RegisterAgentRequest): CheckedRegistration {
	const errors: ResponseError[] = [];
	const deviceName = dto.DeviceName?.trim() ?? '';
	if (deviceName === '')
		errors.push(fieldError('DeviceName', 'NotEmpty', "'Device Name' must not be empty."));
	const hostType =
		dto.HostType === undefined
			? 'Unknown'
			: checkEnum(errors, 'HostType', dto.HostType, HOST_TYPES);
	const onlineDetection =
		dto.OnlineDetection === undefined
			? 'None'
			: checkEnum(errors, 'OnlineDetection', dto.OnlineDetection, ONLINE_DETECTIONS);
	const proxyId = dto.ProxiedByAgentId?.trim() ?? ''; // INFERENCES.proxiedByAgentIdType
	const proxy = proxyId === '' ? undefined : checkProxy(errors, store, proxyId);
	if (proxyId !== '') {
		if (!dto.HostName?.trim())
			errors.push(
				fieldError('HostName', 'NotEmpty', "'Host Name' must not be empty for a proxied device."),
			);
	} else {
		// INFERENCES.proxyOnlyFields
		if (dto.CredentialKey)
			errors.push(
				fieldError('CredentialKey', 'Invalid', 'CredentialKey is only allowed for proxied devices'),
			);
		if (dto.GroupNames?.length)
			errors.push(
				fieldError('GroupNames', 'Invalid', 'GroupNames are only allowed for proxied devices'),
			);
	}
	const credentialKey = dto.CredentialKey
		? checkCredentialKey(errors, store, dto.CredentialKey)
		: undefined;
	const groupNames = checkGroups(errors, store, dto.GroupNames ?? []);
	if (errors.length > 0 || !hostType || !onlineDetection) throw validationError(errors);
	if (isDuplicate(store, deviceName, proxy))
		throw validationError([
			fieldError('DeviceName', 'AlreadyExists', inferred(INFERENCES.duplicateDevice)),
		]);
	return { deviceName, hostType, onlineDetection, proxy, groupNames, credentialKey };
}

function checkProxy(
	errors: ResponseError[],
	store: HubStore,
	agentId: string,
): DeviceRecord | undefined {
	const proxy = store.findAgent(`${agentId},${agentId}`);
	if (!proxy) errors.push(fieldError('ProxiedByAgentId', 'NotFound', `Agent ${agentId} not found`));
	else if (!proxy.CanProxy)
		errors.push(
			fieldError(
				'ProxiedByAgentId',
				'Invalid',
				`Agent ${agentId} (${proxy.Name}) cannot proxy devices`,
			),
		);
	return proxy?.CanProxy ? proxy : undefined;
}

/** INFERENCES.duplicateDevice: the same name among the live devices of the same proxy, or among stand-alone agents. */
function isDuplicate(
	store: HubStore,
	deviceName: string,
	proxy: DeviceRecord | undefined,
): boolean {
	const lower = deviceName.toLowerCase();
	return store.agents.some(
		(device) =>
			!device.Deleted &&
			device.DeviceName.toLowerCase() === lower &&
			(proxy ? device.ProxyAgentDevice?.AgentId === proxy.AgentDevice.AgentId : !device.IsProxied),
	);
}

/** INFERENCES.deviceIds */
function newDevice(
	store: HubStore,
	dto: RegisterAgentRequest,
	checked: CheckedRegistration,
): DeviceRecord {
	const { proxy, deviceName } = checked;
	const id = store.allocateDeviceId();
	const hostName = dto.HostName?.trim() ?? '';
	const isIpv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(hostName);
	const now = new Date().toISOString();
	return {
		AgentDevice: { AgentId: proxy ? proxy.AgentDevice.AgentId : id, DeviceId: id },
		ModelVersion: 3,
		Version: proxy?.Version ?? '',
		Name: deviceName, // INFERENCES.displayName
		DeviceName: deviceName,
		FullyQualifiedDomainName:
			!isIpv4 && hostName.includes('.') && !hostName.includes('/') ? hostName : '',
		DeviceType: dto.DeviceType ?? 'Unknown',
		HostType: checked.hostType,
		AgentType: 'Unknown',
		Os: dto.Os ?? '',
		OsUserSpecified: dto.OsUserSpecified ?? '',
		KnownOsName: dto.KnownOsName ?? '',
		OsVariant: '',
		OperatingSystem: dto.KnownOsName ?? dto.OsUserSpecified ?? '',
		Registered: false,
		Deleted: false,
		PollPeriodSeconds: dto.PollPeriodSeconds ?? (proxy ? 300 : 60),
		HostName: hostName,
		MacAddresses: dto.MacAddresses ?? '',
		IPv4: dto.IPv4 ?? (isIpv4 ? hostName : ''),
		IPv6: dto.IPv6 ?? '',
		LastPollUtc: NEVER,
		NextPollUtc: NEVER,
		MembershipChangeTimeUtc: checked.groupNames.length > 0 ? now : null,
		OnlineStatus: 'WaitingForContact',
		DiagnosticModeEnabled: false,
		EventBlockEnabled: false,
		BaselineSendEnabled: dto.BaselineSendEnabled ?? true,
		OnlineDetection: checked.onlineDetection,
		PingTimeoutSeconds: 5,
		TcpConnectPort: 0,
		CanProxy: proxy ? false : (dto.CanProxy ?? false),
		UniqueId: dto.UniqueId ?? randomUUID(),
		IsProxied: proxy !== undefined,
		ProxyAgentDevice: proxy ? { ...proxy.AgentDevice } : null,
		RelatedProxyDeviceName: proxy?.DeviceName ?? '',
		ReportedConfigDateUtc: null,
		ExpectedConfigDateUtc: now,
		TotalEvents: 0,
		TotalEventsPercent: 0,
		TrackerDetails: [],
		DbConnection: dto.DbConnection ? toDbConnection(dto.DbConnection) : null,
		CredentialsTestStatus: '',
		CredentialsTestMessage: '',
		IsBlockingRegistrationBy: '',
		LegacyId: dto.LegacyHubId ?? '',
		DiscoveryId: dto.DiscoveryId ?? '',
		DiscoveryTaskId: dto.DiscoveryTaskId ?? '',
		DiscoveredName: '',
		IsTestAgent: false,
		SkipConfigCheckUntilUtc: NEVER,
		PublicKeyStringsInUse: '',
		GroupNames: checked.groupNames,
		TemplateNames: store.templatesForGroups(checked.groupNames),
		CredentialKeys: checked.credentialKey ? [checked.credentialKey] : [],
	};
}
