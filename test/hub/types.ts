/**
 * Public types of the Hub emulator, plus the emulator's own data records.
 * Field names of records follow docs/hub-api.md so that a record projects onto the wire shapes without renaming.
 */
import type { ServerResponse } from 'node:http';

import type { FaultInjector } from './faults';
import type { HubStore } from './store';

export type Permission = 'DeviceView' | 'DeviceRegister' | 'CredentialsGet' | 'CredentialsManage';

export interface HubUser {
	userName: string;
	password: string;
	permissions: string[];
	displayName?: string;
	roles?: string[];
}

export interface HubOptions {
	/** Default 1; the same seed always produces identical data. */
	seed?: number;
	/** Number of seeded agents and devices, proxies and proxied devices included (default 40). */
	agents?: number;
	/** Explicit data instead of the generator (see loadFixture). */
	fixture?: HubFixture;
	/** Serve https with the committed TEST-ONLY self-signed certificate. */
	tls?: boolean;
	host?: string;
	port?: number;
	/** Server-side maximum rows per page on paged routes (default 500). */
	takeCap?: number;
	/** Sliding session timeout, reported by /status/system (default 20). Fractions are allowed in tests. */
	sessionTimeoutMinutes?: number;
	/** A session expires after this many authenticated calls (default unlimited). */
	sessionMaxCalls?: number;
	/** Account lockout after consecutive bad passwords (default 3 attempts, 10 minutes); false disables it. */
	lockout?: { maxAttempts: number; minutes: number } | false;
	/** Delay added to every request. */
	latencyMs?: number;
	users?: HubUser[];
	/** A Hub that masks credential secrets unlike the default (INFERENCES.secretMask), e.g. `{ value: '••••••' }`. */
	credentialMask?: Partial<CredentialMask>;
	/**
	 * A Hub that reads /agentsRanked's DeviceFilter.AgentDeviceIds differently: 'agentDevice' (default, the spec and
	 * docs: "agentId,deviceId" pairs) or 'agentId' (every comma-separated part an AgentId, as the spec's description
	 * "agent ids" can be read: "12,999" selects every device of agents 12 and 999).
	 */
	deviceIdsReadAs?: 'agentDevice' | 'agentId';
	/**
	 * How /agentsRanked's DeviceFilter.AgentDisplayNames matches: 'exact' (default, whole name, any case;
	 * INFERENCES.displayNameFilterExact) or 'prefix' (names starting with the text: "router1" matches "router10").
	 */
	nameMatch?: 'exact' | 'prefix';
	/**
	 * Seeded change events over the seeded devices (default 300, DEFAULT_EVENTS), spread over the 30 days before
	 * the seed's base date; 50,000 or 100,000 for paging tests and benchmarks stay cheap (docs/hub-api.md §10).
	 */
	events?: number;
	/**
	 * What /acknowledgeEvents does with EventIds it does not know: 'ignore' (default: the known ones change, 204;
	 * INFERENCES.acknowledgeUnknownIds) or 'reject' (400 ValidationException naming them, nothing changes).
	 */
	unknownEventIds?: 'ignore' | 'reject';
}

/** How /agentsRanked reads the DeviceFilter fields a Hub may read differently (HubOptions). */
export interface DeviceFilterReading {
	deviceIdsReadAs: 'agentDevice' | 'agentId';
	nameMatch: 'exact' | 'prefix';
}

/** How credential reads mask secrets, and what an update that sends the mask back does. */
export interface CredentialMask {
	/** What a read shows instead of a secret (default "***"). */
	value: string;
	/** Parameter names whose values are masked (default: the secret-looking names of INFERENCES.secretMask). */
	names: RegExp;
	/**
	 * Whether an update that sends the mask keeps the stored secret (default true: INFERENCES.maskedParameterKeepsSecret).
	 * False: a Hub that stores whatever it is sent, the mask included.
	 */
	keepsSecret: boolean;
}

export interface HubStats {
	requests: number;
	loginAttempts: number;
	logins: number;
	failedLogins: number;
	byRoute: Record<string, number>;
	/** The most requests of each route the emulator was handling at once (pages in flight). */
	peakInFlight: Record<string, number>;
}

export interface RequestLogEntry {
	seq: number;
	/** When the request arrived (Date.now()), for checks on timing such as a trigger's poll interval. */
	at: number;
	method: string;
	/** The path as sent, without the query string. */
	path: string;
	/** Canonical route name such as '/agentsRanked'; for unknown paths, the path itself. */
	route: string;
	query: Record<string, string | string[]>;
	/** The parsed body as received (JSON value or form fields), or the raw text when it could not be parsed. */
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
	/** 0 while in flight or when the connection was reset or left hanging. */
	status: number;
	sessionId?: string;
	userName?: string;
}

export interface HubEmulator {
	/** 'http://127.0.0.1:PORT' (https with tls), without /api. */
	url: string;
	/** url + '/api' */
	apiUrl: string;
	store: HubStore;
	faults: FaultInjector;
	log: RequestLogEntry[];
	stats(): HubStats;
	requests(route: string): RequestLogEntry[];
	/** Clears log, counters, faults, sessions and lockouts; reseed regenerates the data from the original options. */
	reset(options?: { reseed?: boolean }): void;
	expireAllSessions(): void;
	close(): Promise<void>;
}

export interface FaultRule {
	/** Canonical route like '/agentsRanked', or '*'. */
	route: string;
	method?: 'GET' | 'POST';
	/** Let the first N matching calls through untouched. */
	skip?: number;
	/** Apply to this many matching calls after skip (default unlimited). */
	times?: number;
	/** Delay, then handle normally (or then apply status). */
	latencyMs?: number;
	status?: number;
	retryAfter?: string;
	/** Location header (with a 3xx status: a redirect). */
	location?: string;
	body?: string | object;
	contentType?: string;
	/** Destroy the socket without a response (ECONNRESET on the client). */
	reset?: boolean;
	/** Accept and never answer (until close). */
	hang?: boolean;
	/** Expire the caller's session first, so the request takes the normal 401 path. */
	expireSession?: boolean;
	/** Mutate data before handling, e.g. insert or delete agents between page requests. */
	before?: (hub: HubEmulator) => void;
	/** A Hub that reads the request differently: the DTO the route handles instead of the one sent. */
	rewriteRequest?: (dto: Record<string, unknown>) => Record<string, unknown>;
	/**
	 * A Hub (or a proxy in front of it) that answers differently after handling the call normally — the write is
	 * applied — e.g. a 503 after apply, a lying Total, an echoed body. `body` is the parsed JSON answer.
	 */
	transform?: (reply: FaultReply, request: FaultRequest) => FaultReply;
	/** Writes the HTTP answer itself instead of the route (trickling, huge or broken bodies). */
	respond?: (response: ServerResponse) => void | Promise<void>;
}

export interface FaultReply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	contentType?: string;
}

export interface FaultRequest {
	dto: Record<string, unknown>;
	headers: Record<string, string | string[] | undefined>;
}

export interface AgentDevice {
	AgentId: string;
	DeviceId: string;
}

export interface DbConnection {
	ConnectionType?: string;
	DatabasePlatform?: string;
	TrustedConnection: boolean;
	ConnectionString?: string;
	LegacyConnectionString?: string;
}

export interface TrackerDetail {
	TrackerName: string;
	DisplayName: string;
	Description: string;
}

export type OnlineStatus = 'Online' | 'Offline' | 'WaitingForContact';

/**
 * One agent or device as the emulator stores it: the stored fields of DeviceReportDetail (docs/hub-api.md §5.4)
 * and Agent (§6.2).
 * Fields derived from others (AgentDeviceId, Online, LastPollTime, group/template/credential details) are
 * computed when a record is projected, so tests can change a stored field and see every view follow.
 */
export interface DeviceRecord {
	AgentDevice: AgentDevice;
	ModelVersion: number;
	/** Agent software version. */
	Version: string;
	Name: string;
	DeviceName: string;
	FullyQualifiedDomainName: string;
	DeviceType: string;
	HostType: string;
	AgentType: string;
	Os: string;
	OsUserSpecified: string;
	KnownOsName: string;
	OsVariant: string;
	OperatingSystem: string;
	Registered: boolean;
	Deleted: boolean;
	PollPeriodSeconds: number;
	HostName: string;
	MacAddresses: string;
	IPv4: string;
	IPv6: string;
	LastPollUtc: string;
	NextPollUtc: string;
	MembershipChangeTimeUtc: string | null;
	OnlineStatus: OnlineStatus;
	DiagnosticModeEnabled: boolean;
	EventBlockEnabled: boolean;
	BaselineSendEnabled: boolean;
	OnlineDetection: string;
	PingTimeoutSeconds: number;
	TcpConnectPort: number;
	CanProxy: boolean;
	UniqueId: string;
	IsProxied: boolean;
	ProxyAgentDevice: AgentDevice | null;
	RelatedProxyDeviceName: string;
	ReportedConfigDateUtc: string | null;
	ExpectedConfigDateUtc: string;
	TotalEvents: number;
	TotalEventsPercent: number;
	TrackerDetails: TrackerDetail[];
	DbConnection: DbConnection | null;
	CredentialsTestStatus: string;
	CredentialsTestMessage: string;
	IsBlockingRegistrationBy: string;
	LegacyId: string;
	DiscoveryId: string;
	DiscoveryTaskId: string;
	DiscoveredName: string;
	IsTestAgent: boolean;
	SkipConfigCheckUntilUtc: string;
	PublicKeyStringsInUse: string;
	/** Internal group names (Group.Name, e.g. 'A12') the device is a direct member of. */
	GroupNames: string[];
	/** Tracking template names applied to the device through its groups. */
	TemplateNames: string[];
	/** Keys of the credentials the proxy uses to reach this device. */
	CredentialKeys: string[];
}

export interface GroupRecord {
	Name: string;
	DisplayName: string;
	/** Flags: 1 UserContainer, 2 DeviceContainer, 4 GroupContainer. */
	GroupType: number;
	IsSystem: boolean;
	/** Child group names. */
	Members: string[];
	/** Parent group names. */
	MemberOf: string[];
	RiskScore: string;
	NotifyUsers: string[];
	LastActivityTimeUtc: string;
	LastConfigRelatedChangeDateUtc: string;
	/** Template names assigned to the group; devices in the group inherit them. */
	TemplateNames: string[];
}

export interface TemplateRecord {
	Name: string;
	DisplayName: string;
	Version: number;
	VersionString: string;
	IsTrusted: boolean;
}

export const CREDENTIAL_TYPES = [
	'Shell',
	'Database',
	'FTP',
	'Cloud',
	'ESX',
	'ITSM',
	'Splunk',
] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/** A stored credential, secrets in clear; every read through the API masks them. */
export interface CredentialRecord {
	CredentialType: CredentialType;
	Key: string;
	Parameters: Record<string, string>;
	DeviceOnlineDetection: string;
	PublicKeys: string[];
	Prompts: string[];
	LegacyDbCredential: boolean;
	LastModifiedDateUtc: string;
	IsTrusted: boolean;
	DiscoveryTaskId: number;
	DiscoveryTaskStatus: string;
}

/** Everything the Hub holds; JSON-serialisable so it can be saved and loaded as a fixture file. */
export interface HubFixture {
	agents: DeviceRecord[];
	groups: GroupRecord[];
	templates: TemplateRecord[];
	credentials: CredentialRecord[];
}
