/**
 * The realistic vocabulary the seed generator draws from: sites, groups, templates, device profiles and
 * credentials. Plain data, no logic.
 */
import type { CredentialType, DbConnection, TrackerDetail } from './types';

/** Every generated date is relative to this fixed instant, never to the wall clock. */
export const BASE_DATE_MS = Date.UTC(2025, 0, 15, 9, 0, 0);

/** .NET DateTime.MinValue, as a date that was never set is serialised (INFERENCES.isoDates). */
export const NEVER = '0001-01-01T00:00:00.000Z';

export const AGENT_VERSIONS = ['8.1.2.114', '8.1.1.87', '8.0.4.312', '7.1.9.201'] as const;

export interface Site {
	code: string;
	group: string;
	domain: string;
	octet: number;
}

export const SITES: readonly Site[] = [
	{ code: 'LON', group: 'A12', domain: 'lon.corp.example.com', octet: 10 },
	{ code: 'NYC', group: 'A13', domain: 'nyc.corp.example.com', octet: 20 },
	{ code: 'FRA', group: 'A14', domain: 'fra.corp.example.com', octet: 30 },
	{ code: 'SIN', group: 'A15', domain: 'sin.corp.example.com', octet: 40 },
	{ code: 'SYD', group: 'A16', domain: 'syd.corp.example.com', octet: 50 },
	{ code: 'TOR', group: 'A17', domain: 'tor.corp.example.com', octet: 60 },
	{ code: 'AMS', group: 'A18', domain: 'ams.corp.example.com', octet: 70 },
];

export interface GroupSpec {
	name: string;
	displayName: string;
	parent?: string;
	riskScore?: string;
	templates?: string[];
}

export const ROOT_GROUP = 'A1';

export const GROUPS: readonly GroupSpec[] = [
	{ name: 'A1', displayName: 'All Devices' },
	{ name: 'A2', displayName: 'Servers', parent: 'A1' },
	{
		name: 'A3',
		displayName: 'Windows Servers',
		parent: 'A2',
		templates: ['Windows - Core Tracking', 'Windows Server 2019 - File Integrity'],
	},
	{ name: 'A4', displayName: 'Linux Servers', parent: 'A2', templates: ['Linux - Core Tracking'] },
	{
		name: 'A5',
		displayName: 'Network Devices',
		parent: 'A1',
		riskScore: 'High',
		templates: ['Cisco IOS - Config Tracking', 'Palo Alto PAN-OS - Config Tracking'],
	},
	{
		name: 'A6',
		displayName: 'Database Servers',
		parent: 'A1',
		riskScore: 'High',
		templates: ['SQL Server - Database Tracking', 'Oracle 19c - Database Tracking'],
	},
	{
		name: 'A7',
		displayName: 'VMware ESXi Hosts',
		parent: 'A1',
		templates: ['VMware ESXi 8 - Config Tracking'],
	},
	{
		name: 'A8',
		displayName: 'Cloud Accounts',
		parent: 'A1',
		templates: ['AWS - Cloud Config Tracking', 'Azure - Cloud Config Tracking'],
	},
	{ name: 'A9', displayName: 'Splunk', parent: 'A1', templates: ['Splunk - Config Tracking'] },
	{ name: 'A10', displayName: 'Proxy Agents', parent: 'A1' },
	{ name: 'A11', displayName: 'Datacentres', parent: 'A1' },
	{ name: 'A12', displayName: 'London Datacentre', parent: 'A11' },
	{ name: 'A13', displayName: 'New York Datacentre', parent: 'A11' },
	{ name: 'A14', displayName: 'Frankfurt Datacentre', parent: 'A11' },
	{ name: 'A15', displayName: 'Singapore Datacentre', parent: 'A11' },
	{ name: 'A16', displayName: 'Sydney Datacentre', parent: 'A11' },
	{ name: 'A17', displayName: 'Toronto Datacentre', parent: 'A11' },
	{ name: 'A18', displayName: 'Amsterdam Datacentre', parent: 'A11' },
	{ name: 'A19', displayName: 'Compliance', parent: 'A1' },
	{
		name: 'A20',
		displayName: 'PCI DSS Scope',
		parent: 'A19',
		riskScore: 'High',
		templates: ['PCI DSS v4.0 - Windows', 'PCI DSS v4.0 - Linux'],
	},
	{ name: 'A21', displayName: 'SOX Controls', parent: 'A19', riskScore: 'MediumHigh' },
	{ name: 'A22', displayName: 'HIPAA', parent: 'A19', riskScore: 'MediumHigh' },
	{
		name: 'A23',
		displayName: 'CIS Level 1',
		parent: 'A19',
		riskScore: 'Medium',
		templates: ['RHEL 8 - CIS Benchmark L1'],
	},
	{
		name: 'A24',
		displayName: 'NIST 800-53',
		parent: 'A19',
		riskScore: 'Medium',
		templates: ['Windows Server 2022 - File Integrity'],
	},
	{
		name: 'A25',
		displayName: 'Desktops',
		parent: 'A1',
		riskScore: 'Low',
		templates: ['Windows 11 - Core Tracking'],
	},
	{
		name: 'A26',
		displayName: 'Domain Controllers',
		parent: 'A2',
		riskScore: 'High',
		templates: ['Active Directory - Domain Controller Tracking'],
	},
	{
		name: 'A27',
		displayName: 'Web Servers',
		parent: 'A2',
		templates: ['IIS 10 - Web Server Tracking'],
	},
	{ name: 'A28', displayName: 'Production', parent: 'A1', riskScore: 'MediumHigh' },
	{ name: 'A29', displayName: 'Staging', parent: 'A1', riskScore: 'MediumLow' },
	{ name: 'A30', displayName: 'Development', parent: 'A1', riskScore: 'Low' },
];

export const ENVIRONMENT_GROUPS = ['A28', 'A29', 'A30'] as const;
/** Compliance groups with the share of devices that belong to each. */
export const COMPLIANCE_GROUPS: readonly [string, number][] = [
	['A20', 0.2],
	['A21', 0.1],
	['A22', 0.05],
	['A23', 0.3],
	['A24', 0.1],
];

export const TEMPLATE_NAMES: readonly string[] = [
	...new Set(GROUPS.flatMap((group) => group.templates ?? [])),
];

const tracker = (TrackerName: string, DisplayName: string, Description: string): TrackerDetail => ({
	TrackerName,
	DisplayName,
	Description,
});
const FILE = tracker('filetracker', 'File Tracker', 'Tracks file and directory changes');
const REGISTRY = tracker(
	'registrytracker',
	'Registry Tracker',
	'Tracks registry key and value changes',
);
const SERVICE = tracker(
	'servicetracker',
	'Service Tracker',
	'Tracks installed services and their state',
);
const PACKAGE = tracker(
	'packagetracker',
	'Installed Software Tracker',
	'Tracks installed packages and updates',
);
const PROCESS = tracker('processtracker', 'Process Tracker', 'Tracks running processes');
const COMMAND = tracker(
	'commandtracker',
	'Command Output Tracker',
	'Tracks the output of configuration commands',
);
const DATABASE = tracker(
	'databasetracker',
	'Database Tracker',
	'Tracks database schema, permissions and settings',
);
const CLOUD = tracker('cloudtracker', 'Cloud Tracker', 'Tracks cloud account configuration');

export interface OsChoice {
	os: string;
	knownOsName: string;
	osVariant: string;
}

const os = (osText: string, knownOsName: string, osVariant = '64 bit version'): OsChoice => ({
	os: osText,
	knownOsName,
	osVariant,
});

export type DeviceKind =
	| 'WindowsServer'
	| 'WindowsDesktop'
	| 'LinuxServer'
	| 'Network'
	| 'Database'
	| 'ESX'
	| 'Cloud'
	| 'Splunk';

export interface DeviceProfile {
	kind: DeviceKind;
	hostType: string;
	deviceType: string;
	roles: readonly string[];
	osChoices: readonly OsChoice[];
	groups: readonly string[];
	trackers: TrackerDetail[];
	agentTypes: readonly string[];
	/** Proxied devices only: how the proxy reaches the device and with which credentials. */
	onlineDetection?: string;
	credentialKeys?: readonly string[];
}

export const PROFILES: Record<DeviceKind, DeviceProfile> = {
	WindowsServer: {
		kind: 'WindowsServer',
		hostType: 'Windows',
		deviceType: 'Server',
		roles: ['WEB', 'APP', 'FS', 'DC', 'PRN', 'RDS'],
		osChoices: [
			os('Microsoft Windows Server 2019 Standard 10.0.17763', 'Windows Server 2019'),
			os('Microsoft Windows Server 2022 Datacenter 10.0.20348', 'Windows Server 2022'),
			os('Microsoft Windows Server 2016 Standard 10.0.14393', 'Windows Server 2016'),
		],
		groups: ['A2', 'A3'],
		trackers: [FILE, REGISTRY, SERVICE, PACKAGE],
		agentTypes: ['NetCore', 'NetCore', 'NetDesktop'],
	},
	WindowsDesktop: {
		kind: 'WindowsDesktop',
		hostType: 'Windows',
		deviceType: 'Desktop',
		roles: ['WS', 'LT'],
		osChoices: [
			os('Microsoft Windows 11 Enterprise 10.0.22631', 'Windows 11'),
			os('Microsoft Windows 10 Enterprise 10.0.19045', 'Windows 10'),
		],
		groups: ['A25'],
		trackers: [FILE, REGISTRY, PACKAGE],
		agentTypes: ['NetCore', 'ExpressAgent'],
	},
	LinuxServer: {
		kind: 'LinuxServer',
		hostType: 'Unix',
		deviceType: 'Server',
		roles: ['WEB', 'APP', 'BAT', 'K8S', 'NFS'],
		osChoices: [
			os('Red Hat Enterprise Linux 8.9 (Ootpa)', 'RHEL 8'),
			os('Red Hat Enterprise Linux 9.3 (Plow)', 'RHEL 9'),
			os('Ubuntu 22.04.4 LTS', 'Ubuntu 22.04'),
			os('SUSE Linux Enterprise Server 15 SP5', 'SLES 15'),
			os('Oracle Linux Server 8.9', 'Oracle Linux 8'),
		],
		groups: ['A2', 'A4'],
		trackers: [FILE, PACKAGE, PROCESS],
		agentTypes: ['NetCore', 'NetCore', 'Mono'],
		onlineDetection: 'Ping',
		credentialKeys: ['LinuxSSH', 'LinuxSSHKey'],
	},
	Network: {
		kind: 'Network',
		hostType: 'Network',
		deviceType: 'Network',
		roles: ['SW', 'RTR', 'FW'],
		osChoices: [
			os('Cisco IOS 15.2(7)E8', 'Cisco IOS', ''),
			os('Cisco IOS XE 17.9.4a', 'Cisco IOS XE', ''),
			os('Palo Alto Networks PAN-OS 10.2.7', 'PAN-OS', ''),
			os('Juniper Junos 21.4R3-S5', 'Junos', ''),
			os('Fortinet FortiOS 7.2.6', 'FortiOS', ''),
		],
		groups: ['A5'],
		trackers: [COMMAND],
		agentTypes: ['Unknown'],
		onlineDetection: 'Ping',
		credentialKeys: ['NetworkSSH'],
	},
	Database: {
		kind: 'Database',
		hostType: 'Database',
		deviceType: 'Database',
		roles: ['SQL', 'ORA', 'PG'],
		osChoices: [
			os('Microsoft SQL Server 2019 (RTM-CU25) 15.0.4355.3', 'SQL Server 2019', ''),
			os('Oracle Database 19c Enterprise Edition Release 19.21.0.0.0', 'Oracle 19c', ''),
			os('PostgreSQL 15.5', 'PostgreSQL 15', ''),
		],
		groups: ['A6'],
		trackers: [DATABASE],
		agentTypes: ['Unknown'],
		onlineDetection: 'TcpConnect',
		credentialKeys: ['SqlProd', 'OracleProd', 'PostgresReporting'],
	},
	ESX: {
		kind: 'ESX',
		hostType: 'ESX',
		deviceType: 'Server',
		roles: ['ESX'],
		osChoices: [
			os('VMware ESXi 8.0.2 build-22380479', 'VMware ESXi 8.0', ''),
			os('VMware ESXi 7.0.3 build-21930508', 'VMware ESXi 7.0', ''),
		],
		groups: ['A7'],
		trackers: [COMMAND],
		agentTypes: ['Unknown'],
		onlineDetection: 'Ping',
		credentialKeys: ['vCenterProd'],
	},
	Cloud: {
		kind: 'Cloud',
		hostType: 'Cloud',
		deviceType: 'Unknown',
		roles: ['AWS', 'AZ'],
		osChoices: [os('Amazon Web Services', 'AWS', ''), os('Microsoft Azure', 'Azure', '')],
		groups: ['A8'],
		trackers: [CLOUD],
		agentTypes: ['Unknown'],
		onlineDetection: 'None',
		credentialKeys: ['AwsProdReadOnly', 'AzureTenant'],
	},
	Splunk: {
		kind: 'Splunk',
		hostType: 'Splunk',
		deviceType: 'Server',
		roles: ['SPL'],
		osChoices: [os('Splunk Enterprise 9.1.2', 'Splunk Enterprise 9', '')],
		groups: ['A9'],
		trackers: [COMMAND],
		agentTypes: ['Unknown'],
		onlineDetection: 'TcpConnect',
		credentialKeys: ['SplunkRest'],
	},
};

/** Kinds of stand-alone agents, weighted by how often they occur. */
export const AGENT_KINDS: readonly DeviceKind[] = [
	'WindowsServer',
	'WindowsServer',
	'WindowsServer',
	'LinuxServer',
	'LinuxServer',
	'WindowsDesktop',
];
/** Kinds of proxied (agentless) devices, weighted. */
export const PROXIED_KINDS: readonly DeviceKind[] = [
	'Network',
	'Network',
	'Network',
	'Database',
	'Database',
	'ESX',
	'LinuxServer',
	'Cloud',
	'Splunk',
];

export interface DatabasePlatform {
	platform: string;
	port: number;
	connectionString: (host: string) => string;
}

/** Indexed like PROFILES.Database.osChoices and its credentialKeys. */
export const DATABASE_PLATFORMS: readonly DatabasePlatform[] = [
	{
		platform: 'SqlServer',
		port: 1433,
		connectionString: (host) => `Server=${host},1433;Database=master;Encrypt=True`,
	},
	{
		platform: 'Oracle',
		port: 1521,
		connectionString: (host) => `Data Source=${host}:1521/ORCLPDB1`,
	},
	{
		platform: 'PostgreSql',
		port: 5432,
		connectionString: (host) => `Host=${host};Port=5432;Database=postgres`,
	},
];

export function dbConnectionFor(platform: DatabasePlatform, host: string): DbConnection {
	return {
		ConnectionType: 'Credential',
		DatabasePlatform: platform.platform,
		TrustedConnection: false,
		ConnectionString: platform.connectionString(host),
		LegacyConnectionString: '',
	};
}

export interface CredentialSpec {
	type: CredentialType;
	key: string;
	/** Parameter values; the value SECRET is replaced by a generated secret. */
	parameters: Record<string, string>;
	onlineDetection: string;
	prompts?: string[];
	publicKeys?: string[];
}

export const SECRET = '<secret>';

/** INFERENCES.credentialParameters: only the Database keys are known. */
export const CREDENTIALS: readonly CredentialSpec[] = [
	{
		type: 'Shell',
		key: 'LinuxSSH',
		parameters: {
			UserName: 'svc_nnt',
			Password: SECRET,
			Protocol: 'SSH2',
			TerminalType: 'ANSI',
			NewLine: 'LF',
		},
		onlineDetection: 'Ping',
	},
	{
		type: 'Shell',
		key: 'LinuxSSHKey',
		parameters: {
			UserName: 'svc_nnt',
			PrivateKey: SECRET,
			Passphrase: SECRET,
			Protocol: 'SSH2',
			TerminalType: 'ANSI',
			NewLine: 'LF',
		},
		onlineDetection: 'Ping',
		publicKeys: [
			'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHub0EmulatorTestOnlyKeyDoNotUse0000000000 nnt@hub',
		],
	},
	{
		type: 'Shell',
		key: 'NetworkSSH',
		parameters: {
			UserName: 'nnt-netops',
			Password: SECRET,
			EnablePassword: SECRET,
			Protocol: 'SSH2',
			TerminalType: 'ANSI',
			NewLine: 'CRLF',
		},
		onlineDetection: 'Ping',
		prompts: ['regex:\\n.+[>#]\\s*$'],
	},
	{
		type: 'Shell',
		key: 'WindowsAgentless',
		parameters: { UserName: 'CORP\\svc_nnt', Password: SECRET },
		onlineDetection: 'TcpConnect',
	},
	{
		type: 'Database',
		key: 'SqlProd',
		parameters: { UserName: 'nnt_reader', Password: SECRET },
		onlineDetection: 'TcpConnect',
	},
	{
		type: 'Database',
		key: 'OracleProd',
		parameters: { UserName: 'NNT_AUDIT', Password: SECRET },
		onlineDetection: 'TcpConnect',
	},
	{
		type: 'Database',
		key: 'PostgresReporting',
		parameters: { UserName: 'nnt_report', Password: SECRET },
		onlineDetection: 'TcpConnect',
	},
	{
		type: 'FTP',
		key: 'FtpBackup',
		parameters: { UserName: 'backup', Password: SECRET, Port: '21', Mode: 'Passive' },
		onlineDetection: 'None',
	},
	{
		type: 'Cloud',
		key: 'AwsProdReadOnly',
		parameters: {
			AccessKeyId: 'AKIAHUBEMULATOR0TEST',
			SecretAccessKey: SECRET,
			Region: 'eu-west-2',
		},
		onlineDetection: 'None',
	},
	{
		type: 'Cloud',
		key: 'AzureTenant',
		parameters: {
			TenantId: '0f5b7c1e-2d4a-4b8e-9c3f-6a1d2e3f4a5b',
			ClientId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
			ClientSecret: SECRET,
		},
		onlineDetection: 'None',
	},
	{
		type: 'ESX',
		key: 'vCenterProd',
		parameters: { HostType: 'vCenter', UserName: 'nnt@vsphere.local', Password: SECRET },
		onlineDetection: 'Ping',
	},
	{
		type: 'ITSM',
		key: 'ServiceNowCmdb',
		parameters: {
			Url: 'https://example.service-now.com',
			UserName: 'nnt.integration',
			Password: SECRET,
		},
		onlineDetection: 'None',
	},
	{
		type: 'Splunk',
		key: 'SplunkRest',
		parameters: { Url: 'https://splunk.corp.example.com:8089', UserName: 'nnt', Token: SECRET },
		onlineDetection: 'TcpConnect',
	},
];
