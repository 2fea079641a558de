/**
 * Deterministic data: the same seed always yields identical groups, templates, credentials and devices.
 * Devices come out in id order; every ~16 agents one is a proxy followed by the devices it proxies.
 */
import {
	AGENT_KINDS,
	AGENT_VERSIONS,
	BASE_DATE_MS,
	COMPLIANCE_GROUPS,
	CREDENTIALS,
	DATABASE_PLATFORMS,
	ENVIRONMENT_GROUPS,
	GROUPS,
	NEVER,
	PROFILES,
	PROXIED_KINDS,
	ROOT_GROUP,
	SECRET,
	SITES,
	TEMPLATE_NAMES,
	dbConnectionFor,
	type DeviceProfile,
	type Site,
} from './catalog';
import { Random } from './random';
import type {
	CredentialRecord,
	DeviceRecord,
	GroupRecord,
	HubFixture,
	OnlineStatus,
	TemplateRecord,
} from './types';

// Aliases: global lookups are slow inside jest's vm context, and these run for every generated device.
const { floor, max, round } = Math;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function generateFixture(seed: number, agentCount: number): HubFixture {
	const groups = seedGroups();
	const templatesOf = templateResolver(groups);
	return {
		agents: new DeviceGenerator(seed, 1, templatesOf).generate(agentCount),
		groups,
		templates: seedTemplates(),
		credentials: seedCredentials(new Random(seed ^ 0x5eed5eed)),
	};
}

/** Template names a device inherits from the groups it belongs to. */
export function templateResolver(
	groups: readonly GroupRecord[],
): (groupNames: readonly string[]) => string[] {
	const byName = new Map(groups.map((group) => [group.Name.toLowerCase(), group]));
	const resolved = new Map<string, string[]>();
	return (groupNames) => {
		const key = groupNames.join(',');
		let names = resolved.get(key);
		if (!names) {
			names = [
				...new Set(
					groupNames.flatMap((name) => byName.get(name.toLowerCase())?.TemplateNames ?? []),
				),
			];
			resolved.set(key, names);
		}
		return [...names];
	};
}

export class DeviceGenerator {
	private readonly random: Random;
	private proxy: DeviceRecord | null = null;
	private devicesLeftForProxy = 0;

	constructor(
		seed: number,
		private nextId: number,
		private readonly templatesOf: (groupNames: readonly string[]) => string[],
	) {
		this.random = new Random(seed);
	}

	/** Reserves the next id of the hub-wide device id sequence. */
	allocateId(): number {
		return this.nextId++;
	}

	/** Makes sure later ids stay above ids that came from elsewhere (a fixture, a registration). */
	reserveIdsUpTo(id: number): void {
		this.nextId = max(this.nextId, id + 1);
	}

	generate(count: number): DeviceRecord[] {
		const devices: DeviceRecord[] = [];
		while (devices.length < count) {
			const id = this.allocateId();
			if (this.proxy && this.devicesLeftForProxy > 0) {
				this.devicesLeftForProxy--;
				devices.push(this.proxiedDevice(id, this.proxy));
			} else if (count - devices.length > 1 && (id === 3 || this.random.chance(1 / 16))) {
				this.proxy = this.agent(id, true);
				this.devicesLeftForProxy = this.random.int(2, 8);
				devices.push(this.proxy);
			} else {
				devices.push(this.agent(id, false));
			}
		}
		return devices;
	}

	private agent(id: number, canProxy: boolean): DeviceRecord {
		const random = this.random;
		const profile =
			PROFILES[
				canProxy ? random.pick(['WindowsServer', 'LinuxServer'] as const) : random.pick(AGENT_KINDS)
			];
		const site = random.pick(SITES);
		const role = canProxy ? 'PRX' : random.pick(profile.roles);
		const deviceName = `${site.code}-${role}-${id.toString().padStart(4, '0')}`;
		const fqdn = `${deviceName.toLowerCase()}.${site.domain}`;
		const groupNames = this.groupsFor(profile, site, role);
		if (canProxy) groupNames.push('A10');
		return this.device(id, id.toString(), profile, site, {
			deviceName,
			fqdn,
			hostName: fqdn,
			ipv4: ipv4(site, id),
			groupNames,
			agentType: random.pick(profile.agentTypes),
			version: random.pick(AGENT_VERSIONS),
			canProxy,
			pollPeriodSeconds: 60,
			macAddresses: `00:50:56:${random.hex(2)}:${random.hex(2)}:${random.hex(2)}`.toUpperCase(),
		});
	}

	private proxiedDevice(id: number, proxy: DeviceRecord): DeviceRecord {
		const random = this.random;
		const profile = PROFILES[random.pick(PROXIED_KINDS)];
		const site = random.pick(SITES);
		const platformIndex = random.int(0, profile.osChoices.length - 1);
		const role =
			profile.kind === 'Database' ? profile.roles[platformIndex] : random.pick(profile.roles);
		const deviceName = `${site.code}-${role}-${id.toString().padStart(4, '0')}`;
		const isCloud = profile.kind === 'Cloud';
		const fqdn = isCloud ? '' : `${deviceName.toLowerCase()}.${site.domain}`;
		const ip = isCloud ? '' : ipv4(site, id);
		const hostName = hostNameFor(profile, fqdn, ip, platformIndex, random);
		const platform = profile.kind === 'Database' ? DATABASE_PLATFORMS[platformIndex] : undefined;
		const credentialKeys = profile.credentialKeys ?? [];
		const record = this.device(id, proxy.AgentDevice.AgentId, profile, site, {
			deviceName,
			fqdn,
			hostName,
			ipv4: ip,
			groupNames: this.groupsFor(profile, site, role),
			agentType: 'Unknown',
			version: proxy.Version,
			canProxy: false,
			pollPeriodSeconds: 300,
			macAddresses: '',
			osIndex: platformIndex,
		});
		const failed = random.chance(0.1); // INFERENCES.credentialTestStatus
		record.IsProxied = true;
		record.ProxyAgentDevice = { ...proxy.AgentDevice };
		record.RelatedProxyDeviceName = proxy.DeviceName;
		record.OnlineDetection = profile.onlineDetection ?? 'None';
		record.TcpConnectPort =
			platform?.port ??
			(profile.kind === 'Splunk' ? 8089 : profile.onlineDetection === 'TcpConnect' ? 443 : 22);
		record.DbConnection = platform ? dbConnectionFor(platform, hostName) : null;
		record.CredentialKeys =
			credentialKeys.length > 0
				? [platform ? credentialKeys[platformIndex] : random.pick(credentialKeys)]
				: [];
		record.CredentialsTestStatus = failed ? 'Failed' : 'Success';
		record.CredentialsTestMessage = failed
			? 'Authentication failed: permission denied'
			: 'Credentials verified';
		record.DiscoveredName = deviceName;
		return record;
	}

	private groupsFor(profile: DeviceProfile, site: Site, role: string): string[] {
		const random = this.random;
		const groups = [...profile.groups, site.group];
		const environment = random.next();
		groups.push(
			environment < 0.6
				? ENVIRONMENT_GROUPS[0]
				: environment < 0.8
					? ENVIRONMENT_GROUPS[1]
					: ENVIRONMENT_GROUPS[2],
		);
		for (const [group, share] of COMPLIANCE_GROUPS) if (random.chance(share)) groups.push(group);
		if (profile.kind === 'WindowsServer' && role === 'DC') groups.push('A26');
		if (role === 'WEB') groups.push('A27');
		return groups;
	}

	private device(
		id: number,
		agentId: string,
		profile: DeviceProfile,
		site: Site,
		shape: DeviceShape,
	): DeviceRecord {
		const random = this.random;
		const os =
			shape.osIndex === undefined
				? random.pick(profile.osChoices)
				: profile.osChoices[shape.osIndex];
		const status = onlineStatus(id, random);
		const lastPollMs = lastPoll(status, shape.pollPeriodSeconds, random);
		const totalEvents = status === 'WaitingForContact' ? 0 : floor(random.next() ** 3 * 5000);
		return {
			AgentDevice: { AgentId: agentId, DeviceId: id.toString() },
			ModelVersion: 3,
			Version: shape.version,
			Name: shape.deviceName,
			DeviceName: shape.deviceName,
			FullyQualifiedDomainName: shape.fqdn,
			DeviceType: profile.deviceType,
			HostType: profile.hostType,
			AgentType: shape.agentType,
			Os: os.os,
			OsUserSpecified: '',
			KnownOsName: os.knownOsName,
			OsVariant: os.osVariant,
			OperatingSystem: os.knownOsName,
			Registered: status !== 'WaitingForContact',
			Deleted: id % 29 === 0 || random.chance(0.02),
			PollPeriodSeconds: shape.pollPeriodSeconds,
			HostName: shape.hostName,
			MacAddresses: shape.macAddresses,
			IPv4: shape.ipv4,
			IPv6: shape.ipv4 === '' ? '' : `fd00:${site.octet}::${id.toString(16)}`,
			LastPollUtc: lastPollMs === null ? NEVER : iso(lastPollMs),
			NextPollUtc: lastPollMs === null ? NEVER : iso(lastPollMs + shape.pollPeriodSeconds * 1000),
			MembershipChangeTimeUtc: random.chance(0.3)
				? iso(BASE_DATE_MS - random.int(1, 90) * DAY)
				: null,
			OnlineStatus: status,
			DiagnosticModeEnabled: random.chance(0.02),
			EventBlockEnabled: false,
			BaselineSendEnabled: random.chance(0.9),
			OnlineDetection: 'None',
			PingTimeoutSeconds: 5,
			TcpConnectPort: 0,
			CanProxy: shape.canProxy,
			UniqueId: random.uuid(),
			IsProxied: false,
			ProxyAgentDevice: null,
			RelatedProxyDeviceName: '',
			ReportedConfigDateUtc:
				status === 'WaitingForContact' ? null : iso(BASE_DATE_MS - random.int(1, 30) * DAY),
			ExpectedConfigDateUtc: iso(BASE_DATE_MS - random.int(1, 30) * DAY),
			TotalEvents: totalEvents,
			TotalEventsPercent: round(totalEvents / 5) / 10,
			TrackerDetails: profile.trackers,
			DbConnection: null,
			CredentialsTestStatus: '',
			CredentialsTestMessage: '',
			IsBlockingRegistrationBy: '',
			LegacyId: '',
			DiscoveryId: '',
			DiscoveryTaskId: '',
			DiscoveredName: '',
			IsTestAgent: false,
			SkipConfigCheckUntilUtc: NEVER,
			PublicKeyStringsInUse: '',
			GroupNames: shape.groupNames,
			TemplateNames: this.templatesOf(shape.groupNames),
			CredentialKeys: [],
		};
	}
}

interface DeviceShape {
	deviceName: string;
	fqdn: string;
	hostName: string;
	ipv4: string;
	groupNames: string[];
	agentType: string;
	version: string;
	canProxy: boolean;
	pollPeriodSeconds: number;
	macAddresses: string;
	osIndex?: number;
}

function onlineStatus(id: number, random: Random): OnlineStatus {
	const roll = random.next();
	if (id % 23 === 0 || roll < 0.04) return 'WaitingForContact';
	return roll < 0.14 ? 'Offline' : 'Online';
}

/** null: never polled. */
function lastPoll(status: OnlineStatus, periodSeconds: number, random: Random): number | null {
	if (status === 'WaitingForContact') return null;
	if (status === 'Online') return BASE_DATE_MS - random.int(0, periodSeconds) * 1000;
	return BASE_DATE_MS - random.int(60, 30 * 24 * 60) * MINUTE;
}

function hostNameFor(
	profile: DeviceProfile,
	fqdn: string,
	ip: string,
	osIndex: number,
	random: Random,
): string {
	if (profile.kind === 'Cloud')
		return osIndex === 0 ? 'ec2.eu-west-2.amazonaws.com' : 'management.azure.com';
	if (profile.kind === 'Splunk') return `https://${fqdn}:8089`;
	return random.chance(0.5) ? fqdn : ip;
}

function ipv4(site: Site, id: number): string {
	return `10.${site.octet}.${(id >> 8) & 255}.${id & 255 || 1}`;
}

const isoStrings = new Map<number, string>();

/**
 * new Date(ms).toISOString(), shared between devices: generated dates fall on whole seconds or minutes near
 * the base date, so a few thousand strings serve 100,000 devices.
 */
function iso(ms: number): string {
	let text = isoStrings.get(ms);
	if (text === undefined) {
		text = new Date(ms).toISOString();
		isoStrings.set(ms, text);
	}
	return text;
}

function seedGroups(): GroupRecord[] {
	return GROUPS.map((spec, index) => ({
		Name: spec.name,
		DisplayName: spec.displayName,
		GroupType:
			spec.name === ROOT_GROUP || GROUPS.some((child) => child.parent === spec.name) ? 6 : 2,
		IsSystem: spec.name === ROOT_GROUP,
		Members: GROUPS.filter((child) => child.parent === spec.name).map((child) => child.name),
		MemberOf: spec.parent ? [spec.parent] : [],
		RiskScore: spec.riskScore ?? 'Undefined',
		NotifyUsers: [],
		LastActivityTimeUtc: iso(BASE_DATE_MS - (index % 7) * DAY),
		LastConfigRelatedChangeDateUtc: iso(BASE_DATE_MS - (10 + index) * DAY),
		TemplateNames: [...(spec.templates ?? [])],
	}));
}

function seedTemplates(): TemplateRecord[] {
	return TEMPLATE_NAMES.map((name, index) => ({
		Name: name,
		DisplayName: name,
		Version: 1 + (index % 4),
		VersionString: `${1 + (index % 4)}.0`,
		IsTrusted: true,
	}));
}

function seedCredentials(random: Random): CredentialRecord[] {
	return CREDENTIALS.map((spec, index) => ({
		CredentialType: spec.type,
		Key: spec.key,
		Parameters: Object.fromEntries(
			Object.entries(spec.parameters).map(([name, value]) => [
				name,
				value === SECRET ? secretFor(name, random) : value,
			]),
		),
		DeviceOnlineDetection: spec.onlineDetection,
		PublicKeys: [...(spec.publicKeys ?? [])],
		Prompts: [...(spec.prompts ?? [])],
		LegacyDbCredential: false,
		LastModifiedDateUtc: iso(BASE_DATE_MS - (40 + index) * DAY),
		IsTrusted: true,
		DiscoveryTaskId: 0,
		DiscoveryTaskStatus: 'Complete',
	}));
}

function secretFor(parameterName: string, random: Random): string {
	if (/privatekey/i.test(parameterName))
		return `-----BEGIN OPENSSH PRIVATE KEY-----\n${random.hex(64)}\n-----END OPENSSH PRIVATE KEY-----`;
	return `S3cret!${random.hex(12)}`;
}
