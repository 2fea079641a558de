/**
 * The realistic vocabulary of seeded change events (docs/hub-api.md §10): what changes on which kind of device,
 * the attributes each item carries, who makes changes, the seeded planned changes and the comments people write.
 * Plain data, no logic. Tracker, item type and attribute names are invented (INFERENCES.eventVocabulary).
 */

/** Device platforms events are drawn for, from DeviceRecord.HostType. */
export type Platform = 'Windows' | 'Unix' | 'Network' | 'Database' | 'ESX' | 'Cloud' | 'Splunk';

/** How one attribute's values are made; `previous` and `current` differ when the attribute changed. */
export type AttributeKind =
	| { kind: 'choice'; values: readonly string[] }
	| { kind: 'version'; values: readonly string[] }
	| { kind: 'hash' }
	| { kind: 'size'; min: number; max: number }
	| { kind: 'modified' }
	| { kind: 'fixed'; value: string };

const choice = (...values: string[]): AttributeKind => ({ kind: 'choice', values });
const versions = (...values: string[]): AttributeKind => ({ kind: 'version', values });
const hash = (): AttributeKind => ({ kind: 'hash' });
const size = (min: number, max: number): AttributeKind => ({ kind: 'size', min, max });
const modified = (): AttributeKind => ({ kind: 'modified' });
const fixed = (value: string): AttributeKind => ({ kind: 'fixed', value });

export type ChangeType = 'New' | 'Changed' | 'Deleted';

export interface ChangeItem {
	tracker: string;
	itemType: string;
	name: string;
	platforms: readonly Platform[];
	attributes: Readonly<Record<string, AttributeKind>>;
	/** Change types this item sees (default all three). */
	changeTypes?: readonly ChangeType[];
	/** Line differences of a command's output, for command trackers (DeviceEvent.TextDifferences). */
	textDifferences?: readonly { ExpectedText: string; ActualText: string }[];
}

const WINDOWS: readonly Platform[] = ['Windows'];
const UNIX: readonly Platform[] = ['Unix'];

const windowsFile = (name: string, extra: Record<string, AttributeKind> = {}): ChangeItem => ({
	tracker: 'filetracker',
	itemType: 'File',
	name,
	platforms: WINDOWS,
	attributes: {
		Size: size(400, 2_000_000),
		LastWriteTimeUtc: modified(),
		Sha256: hash(),
		Owner: choice(
			'BUILTIN\\Administrators',
			'NT SERVICE\\TrustedInstaller',
			'NT AUTHORITY\\SYSTEM',
		),
		Permissions: choice(
			'BUILTIN\\Administrators:F; NT AUTHORITY\\SYSTEM:F; BUILTIN\\Users:RX',
			'BUILTIN\\Administrators:F; NT AUTHORITY\\SYSTEM:F; BUILTIN\\Users:M',
			'BUILTIN\\Administrators:F; NT AUTHORITY\\SYSTEM:F; Everyone:F',
		),
		...extra,
	},
});

const unixFile = (name: string, mode = '0644'): ChangeItem => ({
	tracker: 'filetracker',
	itemType: 'File',
	name,
	platforms: UNIX,
	attributes: {
		Size: size(80, 250_000),
		MTime: modified(),
		Sha256: hash(),
		Owner: choice('root', 'root', 'root', 'apache', 'nginx'),
		Group: choice('root', 'root', 'wheel', 'adm'),
		Mode: choice(mode, mode, mode, '0664', '0666', '0600'),
	},
});

const registryValue = (name: string, type: string, values: readonly string[]): ChangeItem => ({
	tracker: 'registrytracker',
	itemType: 'RegistryValue',
	name,
	platforms: WINDOWS,
	attributes: { ValueType: fixed(type), Value: { kind: 'choice', values } },
});

const windowsService = (name: string, displayName: string, path: string): ChangeItem => ({
	tracker: 'servicetracker',
	itemType: 'Service',
	name,
	platforms: WINDOWS,
	attributes: {
		DisplayName: fixed(displayName),
		StartMode: choice('Auto', 'Manual', 'Disabled'),
		State: choice('Running', 'Stopped'),
		PathName: fixed(path),
		StartName: choice('LocalSystem', 'NT AUTHORITY\\NetworkService', 'CORP\\svc_app01'),
	},
});

const systemdUnit = (name: string, path: string): ChangeItem => ({
	tracker: 'servicetracker',
	itemType: 'SystemdUnit',
	name,
	platforms: UNIX,
	attributes: {
		UnitFileState: choice('enabled', 'disabled', 'masked'),
		ActiveState: choice('active', 'inactive', 'failed'),
		ExecStart: fixed(path),
	},
});

const windowsUser = (name: string, fullName: string): ChangeItem => ({
	tracker: 'usertracker',
	itemType: 'LocalUser',
	name,
	platforms: WINDOWS,
	attributes: {
		FullName: fixed(fullName),
		Enabled: choice('True', 'False'),
		PasswordNeverExpires: choice('False', 'True'),
		PasswordLastSetUtc: modified(),
		Groups: choice('Users', 'Administrators;Users', 'Remote Desktop Users;Users'),
	},
});

const unixUser = (name: string, uid: string, shell: string): ChangeItem => ({
	tracker: 'usertracker',
	itemType: 'LocalUser',
	name,
	platforms: UNIX,
	attributes: {
		Uid: fixed(uid),
		Shell: choice(shell, shell, '/sbin/nologin', '/bin/bash'),
		Home: fixed(name === 'root' ? '/root' : `/home/${name}`),
		Groups: choice(name, `${name},wheel`, `${name},docker`),
		PasswordLastChanged: modified(),
	},
});

const localGroup = (
	name: string,
	platforms: readonly Platform[],
	members: string[],
): ChangeItem => ({
	tracker: 'usertracker',
	itemType: 'LocalGroup',
	name,
	platforms,
	attributes: { Members: { kind: 'choice', values: members } },
	changeTypes: ['Changed'],
});

const windowsPackage = (name: string, publisher: string, ...versionList: string[]): ChangeItem => ({
	tracker: 'packagetracker',
	itemType: 'InstalledSoftware',
	name,
	platforms: WINDOWS,
	attributes: {
		Version: { kind: 'version', values: versionList },
		Publisher: fixed(publisher),
		InstallDate: modified(),
	},
});

const windowsUpdate = (kb: string, title: string): ChangeItem => ({
	tracker: 'packagetracker',
	itemType: 'WindowsUpdate',
	name: kb,
	platforms: WINDOWS,
	attributes: {
		Title: fixed(title),
		InstalledOn: modified(),
		InstalledBy: fixed('NT AUTHORITY\\SYSTEM'),
	},
	changeTypes: ['New', 'New', 'New', 'Deleted'],
});

const unixPackage = (name: string, ...versionList: string[]): ChangeItem => ({
	tracker: 'packagetracker',
	itemType: 'Package',
	name,
	platforms: UNIX,
	attributes: {
		Version: { kind: 'version', values: versionList },
		Arch: fixed('x86_64'),
		Vendor: choice('Red Hat, Inc.', 'Canonical Ltd.', 'SUSE LLC'),
		InstallTime: modified(),
	},
});

const command = (
	platforms: readonly Platform[],
	name: string,
	textDifferences: { ExpectedText: string; ActualText: string }[],
): ChangeItem => ({
	tracker: 'commandtracker',
	itemType: 'CommandOutput',
	name,
	platforms,
	attributes: { OutputSha256: hash(), Lines: size(20, 4000), CollectedUtc: modified() },
	changeTypes: ['Changed'],
	textDifferences,
});

export const CHANGE_ITEMS: readonly ChangeItem[] = [
	// Windows files
	windowsFile('C:\\Windows\\System32\\drivers\\etc\\hosts'),
	windowsFile('C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config'),
	windowsFile('C:\\inetpub\\wwwroot\\web.config'),
	windowsFile('C:\\Windows\\System32\\GroupPolicy\\Machine\\Registry.pol'),
	windowsFile('C:\\Windows\\System32\\ntoskrnl.exe', {
		FileVersion: versions('10.0.20348.2966', '10.0.20348.3091'),
	}),
	windowsFile('C:\\Windows\\System32\\lsass.exe', {
		FileVersion: versions('10.0.17763.6659', '10.0.17763.6775'),
	}),
	windowsFile(
		'C:\\Windows\\System32\\Tasks\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan',
	),
	windowsFile('C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\StartUp\\updater.lnk'),
	windowsFile('C:\\Windows\\Temp\\PSEXESVC.exe'),
	windowsFile('C:\\Program Files\\Contoso\\Payments\\appsettings.json'),
	// Unix files
	unixFile('/etc/ssh/sshd_config', '0600'),
	unixFile('/etc/passwd'),
	unixFile('/etc/shadow', '0000'),
	unixFile('/etc/group'),
	unixFile('/etc/sudoers', '0440'),
	unixFile('/etc/sudoers.d/90-cloud-init-users', '0440'),
	unixFile('/etc/hosts'),
	unixFile('/etc/resolv.conf'),
	unixFile('/etc/crontab'),
	unixFile('/var/spool/cron/root', '0600'),
	unixFile('/etc/nginx/nginx.conf'),
	unixFile('/etc/selinux/config'),
	unixFile('/etc/pam.d/system-auth'),
	unixFile('/root/.ssh/authorized_keys', '0600'),
	unixFile('/etc/sysctl.conf'),
	unixFile('/usr/bin/sudo', '4111'),
	// Registry
	registryValue(
		'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\LmCompatibilityLevel',
		'REG_DWORD',
		['3', '5'],
	),
	registryValue(
		'HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters\\SMB1',
		'REG_DWORD',
		['0', '1'],
	),
	registryValue(
		'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\SecurityHealth',
		'REG_EXPAND_SZ',
		[
			'%windir%\\system32\\SecurityHealthSystray.exe',
			'C:\\ProgramData\\SecurityHealth\\SecurityHealthSystray.exe',
		],
	),
	registryValue('HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater', 'REG_SZ', [
		'C:\\Users\\Public\\updater.exe -silent',
		'C:\\ProgramData\\updater\\updater.exe',
	]),
	registryValue(
		'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\\NoAutoUpdate',
		'REG_DWORD',
		['0', '1'],
	),
	registryValue(
		'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\fDenyTSConnections',
		'REG_DWORD',
		['0', '1'],
	),
	registryValue(
		'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon\\Shell',
		'REG_SZ',
		['explorer.exe', 'explorer.exe, C:\\Windows\\Temp\\svchost.exe'],
	),
	registryValue(
		'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server\\Enabled',
		'REG_DWORD',
		['0', '1'],
	),
	registryValue(
		'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\DisableAntiSpyware',
		'REG_DWORD',
		['0', '1'],
	),
	// Services
	windowsService('Spooler', 'Print Spooler', 'C:\\Windows\\System32\\spoolsv.exe'),
	windowsService(
		'RemoteRegistry',
		'Remote Registry',
		'C:\\Windows\\system32\\svchost.exe -k localService -p',
	),
	windowsService(
		'W3SVC',
		'World Wide Web Publishing Service',
		'C:\\Windows\\system32\\svchost.exe -k iissvcs',
	),
	windowsService(
		'WinRM',
		'Windows Remote Management (WS-Management)',
		'C:\\Windows\\System32\\svchost.exe -k NetworkService -p',
	),
	windowsService(
		'TermService',
		'Remote Desktop Services',
		'C:\\Windows\\System32\\svchost.exe -k NetworkService',
	),
	windowsService('wuauserv', 'Windows Update', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p'),
	windowsService('PSEXESVC', 'PSEXESVC', 'C:\\Windows\\PSEXESVC.exe'),
	systemdUnit('sshd.service', '/usr/sbin/sshd -D $OPTIONS'),
	systemdUnit('firewalld.service', '/usr/sbin/firewalld --nofork --nopid'),
	systemdUnit('auditd.service', '/sbin/auditd'),
	systemdUnit('nginx.service', '/usr/sbin/nginx'),
	systemdUnit('chronyd.service', '/usr/sbin/chronyd $OPTIONS'),
	// Users and groups
	windowsUser('Administrator', 'Built-in administrator'),
	windowsUser('Guest', 'Built-in guest'),
	windowsUser('svc_backup', 'Backup service account'),
	windowsUser('helpdesk_tmp', 'Temporary helpdesk account'),
	localGroup('Administrators', WINDOWS, [
		'CORP\\Domain Admins;Administrator',
		'CORP\\Domain Admins;Administrator;helpdesk_tmp',
		'CORP\\Domain Admins;Administrator;CORP\\j.smith',
	]),
	localGroup('Remote Desktop Users', WINDOWS, [
		'CORP\\RDP-Users',
		'CORP\\RDP-Users;CORP\\contractor01',
	]),
	unixUser('root', '0', '/bin/bash'),
	unixUser('deploy', '1001', '/bin/bash'),
	unixUser('oracle', '54321', '/bin/bash'),
	unixUser('jenkins', '1002', '/bin/bash'),
	localGroup('wheel', UNIX, ['root', 'root,deploy', 'root,deploy,jenkins']),
	// Software
	windowsPackage(
		'Google Chrome',
		'Google LLC',
		'131.0.6778.205',
		'131.0.6778.265',
		'132.0.6834.84',
	),
	windowsPackage('Microsoft Edge', 'Microsoft Corporation', '131.0.2903.112', '132.0.2957.55'),
	windowsPackage('7-Zip 24.08 (x64)', 'Igor Pavlov', '24.08', '24.09'),
	windowsPackage('Notepad++ (64-bit x64)', 'Notepad++ Team', '8.7.1', '8.7.4', '8.7.5'),
	windowsPackage('Microsoft .NET Runtime - 8.0 (x64)', 'Microsoft Corporation', '8.0.11', '8.0.12'),
	windowsPackage('TeamViewer', 'TeamViewer', '15.60.3', '15.61.3'),
	windowsPackage('VMware Tools', 'VMware, Inc.', '12.4.5.23787635', '12.5.0.24276846'),
	windowsUpdate('KB5050008', '2025-01 Cumulative Update for Windows Server 2022 (KB5050008)'),
	windowsUpdate('KB5050020', '2025-01 Cumulative Update for Windows Server 2019 (KB5050020)'),
	windowsUpdate('KB5049993', '2025-01 Cumulative Update for .NET Framework (KB5049993)'),
	unixPackage('openssl', '3.0.7-27.el9', '3.0.7-28.el9_4', '3.2.2-6.el9_5'),
	unixPackage('openssh-server', '8.7p1-38.el9', '8.7p1-43.el9', '8.7p1-45.el9'),
	unixPackage('kernel', '5.14.0-427.42.1.el9_4', '5.14.0-503.19.1.el9_5', '5.14.0-503.21.1.el9_5'),
	unixPackage('sudo', '1.9.5p2-9.el9', '1.9.5p2-10.el9_3'),
	unixPackage('glibc', '2.34-100.el9_4.4', '2.34-125.el9_5.1'),
	unixPackage('nginx', '1.20.1-16.el9_4.1', '1.20.1-20.el9'),
	unixPackage('curl', '7.76.1-29.el9_4.1', '7.76.1-31.el9'),
	// Network devices, ESX hosts and Splunk: command output
	command(['Network'], 'show running-config', [
		{
			ExpectedText: ' permit tcp any host 10.10.4.20 eq 443',
			ActualText: ' permit tcp any host 10.10.4.20 eq 8443',
		},
		{
			ExpectedText: 'snmp-server community ro-monitor RO 99',
			ActualText: 'snmp-server community public RO',
		},
	]),
	command(['Network'], 'show access-lists', [
		{ ExpectedText: ' 30 deny ip any any log', ActualText: ' 30 permit ip any any' },
	]),
	command(['Network'], 'show snmp community', [
		{ ExpectedText: 'Community name: ro-monitor', ActualText: 'Community name: public' },
	]),
	command(['Network'], 'show version', [
		{
			ExpectedText: 'Cisco IOS XE Software, Version 17.09.04a',
			ActualText: 'Cisco IOS XE Software, Version 17.09.05',
		},
	]),
	command(['ESX'], 'esxcli network firewall ruleset list', [
		{ ExpectedText: 'sshServer  false', ActualText: 'sshServer  true' },
	]),
	command(['ESX'], 'esxcli system account list', [
		{ ExpectedText: '', ActualText: 'svc-backup  Backup service' },
	]),
	command(['ESX'], 'esxcli system settings advanced list -o /UserVars/SuppressShellWarning', [
		{ ExpectedText: '   Int Value: 0', ActualText: '   Int Value: 1' },
	]),
	command(['Splunk'], '| rest /services/authentication/users', [
		{ ExpectedText: 'admin  admin', ActualText: 'admin  admin\ncontractor  power' },
	]),
	command(['Splunk'], '| rest /services/data/inputs/monitor', [
		{ ExpectedText: '/var/log/secure  disabled=0', ActualText: '/var/log/secure  disabled=1' },
	]),
	// Databases
	{
		tracker: 'databasetracker',
		itemType: 'Login',
		name: 'sa',
		platforms: ['Database'],
		attributes: { IsDisabled: choice('True', 'False'), PasswordLastSetUtc: modified() },
		changeTypes: ['Changed'],
	},
	{
		tracker: 'databasetracker',
		itemType: 'Login',
		name: 'app_reporting',
		platforms: ['Database'],
		attributes: {
			Roles: choice('db_datareader', 'db_datareader;db_datawriter', 'db_owner'),
			IsDisabled: choice('False', 'True'),
		},
	},
	{
		tracker: 'databasetracker',
		itemType: 'ServerConfiguration',
		name: 'xp_cmdshell',
		platforms: ['Database'],
		attributes: { ValueInUse: choice('0', '1') },
		changeTypes: ['Changed'],
	},
	{
		tracker: 'databasetracker',
		itemType: 'Table',
		name: 'dbo.Payments',
		platforms: ['Database'],
		attributes: { Columns: size(8, 40), SchemaHash: hash() },
	},
	// Cloud accounts
	{
		tracker: 'cloudtracker',
		itemType: 'SecurityGroup',
		name: 'sg-0b7e3c1f9a2d4e6f8 (web-tier)',
		platforms: ['Cloud'],
		attributes: {
			IngressRules: choice(
				'tcp/443 from 0.0.0.0/0',
				'tcp/443 from 0.0.0.0/0; tcp/22 from 0.0.0.0/0',
			),
		},
	},
	{
		tracker: 'cloudtracker',
		itemType: 'IamPolicy',
		name: 'arn:aws:iam::123456789012:policy/OpsAdmin',
		platforms: ['Cloud'],
		attributes: { DefaultVersionId: versions('v3', 'v4', 'v5'), PolicyHash: hash() },
	},
	{
		tracker: 'cloudtracker',
		itemType: 'StorageAccount',
		name: '/subscriptions/0f3c9a51/resourceGroups/rg-backup/storageAccounts/corpbackups',
		platforms: ['Cloud'],
		attributes: {
			AllowBlobPublicAccess: choice('false', 'true'),
			MinimumTlsVersion: choice('TLS1_2', 'TLS1_0'),
		},
	},
];

/** Who makes changes, by platform (the WhoMadeTheChange attribute: INFERENCES.whoMadeTheChangeAttribute). */
export const CHANGE_USERS: Readonly<Record<Platform, readonly string[]>> = {
	Windows: [
		'CORP\\j.smith',
		'CORP\\a.patel',
		'CORP\\svc_sccm',
		'NT AUTHORITY\\SYSTEM',
		'CORP\\m.garcia',
		'CORP\\contractor01',
	],
	Unix: ['root', 'deploy', 'ansible', 'jsmith', 'apatel'],
	Network: ['netadmin', 'rancid', 'mgarcia'],
	Database: ['sa', 'CORP\\dba_team', 'app_deploy'],
	ESX: ['root', 'vpxuser', 'CORP\\vmadmin'],
	Cloud: [
		'arn:aws:iam::123456789012:user/ops-terraform',
		'arn:aws:iam::123456789012:assumed-role/OpsAdmin/a.patel',
		'j.smith@corp.example.com',
	],
	Splunk: ['admin', 'splunk-svc'],
};

/** Windows time zone ids (as a Windows Hub reports them) of each site, with the IANA zone that computes offsets. */
export const SITE_TIME_ZONES: Readonly<Record<string, { windows: string; iana: string }>> = {
	LON: { windows: 'GMT Standard Time', iana: 'Europe/London' },
	NYC: { windows: 'Eastern Standard Time', iana: 'America/New_York' },
	FRA: { windows: 'W. Europe Standard Time', iana: 'Europe/Berlin' },
	SIN: { windows: 'Singapore Standard Time', iana: 'Asia/Singapore' },
	SYD: { windows: 'AUS Eastern Standard Time', iana: 'Australia/Sydney' },
	TOR: { windows: 'Eastern Standard Time', iana: 'America/Toronto' },
	AMS: { windows: 'W. Europe Standard Time', iana: 'Europe/Amsterdam' },
};

/** Windows time zone ids a request's TimeZoneId may use, besides any IANA id. */
export const WINDOWS_TIME_ZONES: Readonly<Record<string, string>> = {
	UTC: 'UTC',
	'GMT Standard Time': 'Europe/London',
	'Eastern Standard Time': 'America/New_York',
	'Central Standard Time': 'America/Chicago',
	'Pacific Standard Time': 'America/Los_Angeles',
	'W. Europe Standard Time': 'Europe/Berlin',
	'Romance Standard Time': 'Europe/Paris',
	'Singapore Standard Time': 'Asia/Singapore',
	'AUS Eastern Standard Time': 'Australia/Sydney',
	'India Standard Time': 'Asia/Kolkata',
	'Tokyo Standard Time': 'Asia/Tokyo',
};

export interface PlannedChangeSpec {
	displayName: string;
	/** Window start, hours before BASE_DATE_MS, and length in hours. */
	startHoursAgo: number;
	hours: number;
	/** Member groups: devices in them (or their sub-groups) take part. */
	groups: readonly string[];
	trackers: readonly string[];
	who: string;
	/** The instance's Description, Origin (the ITSM instance, or "Interactive") and AssignedTo (plannedChanges.ts). */
	description: string;
	origin: string;
	assignedTo: string;
}

/** Seeded planned change instances; their events are Planned (INFERENCES.eventStatuses). */
export const PLANNED_CHANGES: readonly PlannedChangeSpec[] = [
	{
		displayName: 'CHG0031245 - January Patch Tuesday, Windows servers',
		startHoursAgo: 11,
		hours: 6,
		groups: ['A3'],
		trackers: ['packagetracker', 'filetracker', 'servicetracker', 'registrytracker'],
		who: 'CORP\\svc_sccm',
		description:
			'Monthly security updates for the Windows server estate (KB5050008 and friends), deployed by SCCM.',
		origin: 'servicenow-prod',
		assignedTo: 'Priya Patel',
	},
	{
		displayName: 'CHG0031302 - RHEL kernel and OpenSSL update',
		startHoursAgo: 8 * 24 + 2,
		hours: 4,
		groups: ['A4'],
		trackers: ['packagetracker', 'filetracker'],
		who: 'ansible',
		description:
			'Kernel 4.18.0-553 and OpenSSL 3.0.7-27 on the RHEL 8 fleet, rolled out by Ansible.',
		origin: 'servicenow-prod',
		assignedTo: 'John Smith',
	},
	{
		displayName: 'CHG0031377 - Firewall rule change FW-2231',
		startHoursAgo: 3 * 24 + 5,
		hours: 2,
		groups: ['A5'],
		trackers: ['commandtracker'],
		who: 'netadmin',
		description: 'Open TCP 8443 from the DMZ web tier to the API gateway (FW-2231).',
		origin: 'Interactive',
		assignedTo: 'Maria Garcia',
	},
	{
		displayName: 'CHG0031190 - SQL Server 2019 CU25 rollout',
		startHoursAgo: 15 * 24 + 3,
		hours: 5,
		groups: ['A6'],
		trackers: ['databasetracker'],
		who: 'CORP\\dba_team',
		description: 'Cumulative Update 25 on every SQL Server 2019 instance.',
		origin: 'servicenow-prod',
		assignedTo: 'DBA Team',
	},
	{
		displayName: 'CHG0031088 - sshd hardening (CIS 5.2)',
		startHoursAgo: 22 * 24 + 4,
		hours: 3,
		groups: ['A4', 'A23'],
		trackers: ['filetracker', 'servicetracker'],
		who: 'ansible',
		description: 'Apply CIS 5.2 sshd settings to the Linux servers in CIS Level 1 scope.',
		origin: 'n8n',
		assignedTo: 'John Smith',
	},
	{
		displayName: 'CHG0031412 - Web tier TLS certificate renewal',
		startHoursAgo: 5 * 24 + 1,
		hours: 2,
		groups: ['A27'],
		trackers: ['filetracker', 'registrytracker', 'servicetracker'],
		who: 'CORP\\a.patel',
		description: 'Renew the TLS certificates of the web tier before they expire on 2025-01-20.',
		origin: 'servicenow-prod',
		assignedTo: 'Priya Patel',
	},
];

/** Comments people put on events they triaged. */
export const COMMENTS: readonly string[] = [
	'INC0012345 raised with the service desk',
	'Expected: vendor support session, see INC0012388',
	'Approved retrospectively by CAB',
	'Under review by the security team',
	'Duplicate of an earlier event on this device',
	'Backup agent update, no action needed',
];

/** The Hub's address in event Urls (INFERENCES.eventUrl). */
export const EVENT_URL_BASE = 'https://changetracker.corp.example.com/#/events/';
