/**
 * Wire shapes built from stored records (docs/hub-api.md): DeviceReportDetail (§5.4), Agent (§6.2),
 * Credentials (§7.1), Group (§8.1).
 * Null properties are left out, as ServiceStack does (INFERENCES.nullsOmitted).
 */
import { NEVER } from './catalog';
import { INFERENCES } from './inferences';
import type { HubStore } from './store';
import type { CredentialMask, CredentialRecord, DeviceRecord, GroupRecord } from './types';

export interface PolicyTemplateDetails {
	Version: number;
	VersionString: string;
	GroupName: string;
	GroupDisplayName: string;
	PolicyTemplateName: string;
	PolicyTemplateDisplayName: string;
	IsTrusted: boolean;
}

/** The property names of DeviceReportDetail, in spec order. */
export const DEVICE_REPORT_DETAIL_FIELDS = [
	'TotalEvents',
	'ModelVersion',
	'AgentDevice',
	'AgentDeviceId',
	'Version',
	'Name',
	'DeviceName',
	'FullyQualifiedDomainName',
	'HostType',
	'AgentType',
	'Os',
	'OsUserSpecified',
	'KnownOsName',
	'OsVariant',
	'Registered',
	'Deleted',
	'PollPeriodSeconds',
	'HostName',
	'IPv4',
	'IPv6',
	'LastPollUtc',
	'NextPollUtc',
	'MembershipChangeTimeUtc',
	'OnlineStatus',
	'DiagnosticModeEnabled',
	'OnlineDetection',
	'PingTimeoutSeconds',
	'TcpConnectPort',
	'CanProxy',
	'UniqueId',
	'IsProxied',
	'ReportedConfigDateUtc',
	'ExpectedConfigDateUtc',
	'Online',
	'LastPollTime',
	'Templates',
	'TrackerDetails',
	'NotificationDetails',
	'TrackerConfigDetails',
	'OperatingSystem',
	'TotalEventsPercent',
	'RelatedProxyDeviceName',
	'ProxyAgentDevice',
	'AgentCredentials',
	'DbConnection',
	'CredentialsTestStatus',
	'CredentialsTestMessage',
	'AgentPlannedChangeStatuses',
	'DeviceConfigNames',
	'DeviceGroupDetails',
	'Events',
	'DeviceGroupTemplates',
	'EventBlockEnabled',
	'BaselineSendEnabled',
	'IsBlockingRegistrationBy',
] as const;

export type DeviceReportField = (typeof DEVICE_REPORT_DETAIL_FIELDS)[number];

/** The value of one DeviceReportDetail property of a device; used for projection, filtering and sorting. */
export function reportField(
	device: DeviceRecord,
	field: DeviceReportField,
	store: HubStore,
): unknown {
	switch (field) {
		case 'AgentDevice':
			return { ...device.AgentDevice };
		case 'AgentDeviceId':
			return `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`;
		case 'Online':
			return device.OnlineStatus === 'Online';
		case 'LastPollTime':
			return device.LastPollUtc === NEVER
				? 'Never'
				: device.LastPollUtc.slice(0, 19).replace('T', ' ');
		case 'Templates':
			return templateDetails(device, store);
		case 'NotificationDetails':
		case 'TrackerConfigDetails':
		case 'AgentPlannedChangeStatuses':
		case 'Events':
		case 'DeviceGroupTemplates':
			return [];
		case 'AgentCredentials':
			return device.CredentialKeys.map((key) => ({ Id: key, DisplayName: key }));
		case 'DeviceConfigNames':
			return deviceConfigNames(templateDetails(device, store));
		case 'DeviceGroupDetails':
			return device.GroupNames.map((name) => ({
				Id: name,
				DisplayName: store.findGroup(name)?.DisplayName ?? name,
			}));
		case 'ProxyAgentDevice':
			return device.ProxyAgentDevice ? { ...device.ProxyAgentDevice } : null;
		default:
			return device[field];
	}
}

export function toDeviceReportDetail(
	device: DeviceRecord,
	store: HubStore,
): Record<string, unknown> {
	const detail: Record<string, unknown> = {};
	for (const field of DEVICE_REPORT_DETAIL_FIELDS) {
		const value = reportField(device, field, store);
		if (value !== null) detail[field] = value;
	}
	return detail;
}

export function toAgent(device: DeviceRecord): Record<string, unknown> {
	return withoutNulls({
		ModelVersion: device.ModelVersion,
		AgentDevice: { ...device.AgentDevice },
		Version: device.Version,
		Name: device.Name,
		DeviceName: device.DeviceName,
		FullyQualifiedDomainName: device.FullyQualifiedDomainName,
		DeviceType: device.DeviceType,
		HostType: device.HostType,
		Os: device.Os,
		OsUserSpecified: device.OsUserSpecified,
		KnownOsName: device.KnownOsName,
		OsVariant: device.OsVariant,
		Registered: device.Registered,
		Deleted: device.Deleted,
		PollPeriodSeconds: device.PollPeriodSeconds,
		LegacyId: device.LegacyId,
		DiscoveryId: device.DiscoveryId,
		DiscoveryTaskId: device.DiscoveryTaskId,
		DiscoveredName: device.DiscoveredName,
		HostName: device.HostName,
		MacAddresses: device.MacAddresses,
		IPv4: device.IPv4,
		IPv6: device.IPv6,
		LastPollUtc: device.LastPollUtc,
		NextPollUtc: device.NextPollUtc,
		MembershipChangeTimeUtc: device.MembershipChangeTimeUtc,
		OnlineStatus: device.OnlineStatus,
		DiagnosticModeEnabled: device.DiagnosticModeEnabled,
		EventBlockEnabled: device.EventBlockEnabled,
		BaselineSendEnabled: device.BaselineSendEnabled,
		OnlineDetection: device.OnlineDetection,
		PingTimeoutSeconds: device.PingTimeoutSeconds,
		TcpConnectPort: device.TcpConnectPort,
		CanProxy: device.CanProxy,
		DbConnection: device.DbConnection && { ...device.DbConnection },
		CredentialsTestStatus: device.CredentialsTestStatus,
		CredentialsTestMessage: device.CredentialsTestMessage,
		UniqueId: device.UniqueId,
		IsTestAgent: device.IsTestAgent,
		SkipConfigCheckUntilUtc: device.SkipConfigCheckUntilUtc,
		AgentType: device.AgentType,
		IsBlockingRegistrationBy: device.IsBlockingRegistrationBy,
		PublicKeyStringsInUse: device.PublicKeyStringsInUse,
	});
}

/** INFERENCES.secretMask and INFERENCES.maskedParameterKeepsSecret; HubOptions.credentialMask changes them. */
export const DEFAULT_CREDENTIAL_MASK: CredentialMask = {
	value: INFERENCES.secretMask.value,
	names: /password|passphrase|secret|privatekey|token|apikey/i,
	keepsSecret: true,
};

/** Credentials as every read returns them: secrets masked (INFERENCES.secretMask). */
export function toCredentials(
	credential: CredentialRecord,
	masking: CredentialMask = DEFAULT_CREDENTIAL_MASK,
): Record<string, unknown> {
	const mask = masking.value;
	const isSecretParameter = (name: string) => masking.names.test(name);
	return {
		Version: 1,
		CredentialType: credential.CredentialType,
		LegacyDbCredential: credential.LegacyDbCredential,
		DeviceOnlineDetection: credential.DeviceOnlineDetection,
		Key: credential.Key,
		PublicKeys: [...credential.PublicKeys],
		Parameters: Object.fromEntries(
			Object.entries(credential.Parameters).map(([name, value]) => [
				name,
				isSecretParameter(name) && value !== '' ? mask : value,
			]),
		),
		Prompts: [...credential.Prompts],
		DecryptionErrors: {},
		LastModifiedDateUtc: credential.LastModifiedDateUtc,
		IsTrusted: credential.IsTrusted,
		DiscoveryTaskId: credential.DiscoveryTaskId,
		DiscoveryTaskStatus: credential.DiscoveryTaskStatus,
	};
}

export function toGroup(group: GroupRecord): Record<string, unknown> {
	return {
		Version: 1,
		Name: group.Name,
		DisplayName: group.DisplayName,
		GroupType: group.GroupType,
		DeviceSettings: { FileLiveTrackingRequiresBaselineCompletion: false },
		IsSystem: group.IsSystem,
		Members: [...group.Members],
		Templates: [],
		RiskScore: group.RiskScore,
		NotifyUsers: [...group.NotifyUsers],
		LastActivityTimeUtc: group.LastActivityTimeUtc,
		MemberOf: [...group.MemberOf],
		LastConfigRelatedChangeDateUtc: group.LastConfigRelatedChangeDateUtc,
	};
}

/** Each template of the device, attributed to the first of its groups that assigns it. */
function templateDetails(device: DeviceRecord, store: HubStore): PolicyTemplateDetails[] {
	return device.TemplateNames.map((name) => {
		const template = store.templates.find((candidate) => candidate.Name === name);
		const group = device.GroupNames.map((groupName) => store.findGroup(groupName)).find(
			(candidate) => candidate?.TemplateNames.includes(name),
		);
		return {
			Version: template?.Version ?? 1,
			VersionString: template?.VersionString ?? '1.0',
			GroupName: group?.Name ?? '',
			GroupDisplayName: group?.DisplayName ?? '',
			PolicyTemplateName: name,
			PolicyTemplateDisplayName: template?.DisplayName ?? name,
			IsTrusted: template?.IsTrusted ?? true,
		};
	});
}

function deviceConfigNames(
	templates: PolicyTemplateDetails[],
): Record<string, PolicyTemplateDetails[]> {
	const byGroup: Record<string, PolicyTemplateDetails[]> = {};
	for (const template of templates) (byGroup[template.GroupName] ??= []).push(template);
	return byGroup;
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));
}
