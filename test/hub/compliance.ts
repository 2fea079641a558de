/**
 * Compliance reports (docs/hub-api.md §16): policy templates (CIS, PCI DSS, STIG) run weekly against the seeded
 * groups; each run scores every device of the group by its rules. Everything is computed from the store on demand
 * (no stored history): the same devices and groups always give the same runs, scores and failing rules, and a
 * device that joins a group is scored in that group's runs (INFERENCES.complianceData).
 */
import { BASE_DATE_MS } from './catalog';
import { agentDeviceId, type HubStore } from './store';
import type { DeviceRecord, GroupRecord } from './types';

const DAY = 86_400_000;
/** Weekly runs; the last one the day before the base date at 02:00 UTC. */
export const COMPLIANCE_RUNS = 8;
const LAST_RUN_MS = BASE_DATE_MS - DAY - 7 * 3_600_000;

export interface ComplianceRule {
	RuleId: string;
	Title: string;
	Detail: string;
	ItemName: string;
	TrackerTypeName: string;
	ScoreWeight: number;
	Expected: string;
}

export interface ComplianceReportSpec {
	ReportItemId: string;
	PolicyTemplateName: string;
	GroupName: string;
	PassMark: number;
	UsageTags: string[];
	/** Which of the group's devices the template applies to. */
	platform: 'windows' | 'linux' | 'network' | 'any';
	rules: ComplianceRule[];
}

const rule = (
	RuleId: string,
	Title: string,
	Detail: string,
	ItemName: string,
	TrackerTypeName: string,
	ScoreWeight: number,
	Expected: string,
): ComplianceRule => ({ RuleId, Title, Detail, ItemName, TrackerTypeName, ScoreWeight, Expected });

export const COMPLIANCE_REPORTS: readonly ComplianceReportSpec[] = [
	{
		ReportItemId: '65a0c0de0000000000000101',
		PolicyTemplateName: 'CIS Benchmark L1 - Linux',
		GroupName: 'A23',
		PassMark: 80,
		UsageTags: ['Compliance', 'Hardening', 'Linux', 'Unix'],
		platform: 'linux',
		rules: [
			rule(
				'CIS-L-1.1.1',
				'Ensure mounting of cramfs is disabled',
				'install cramfs /bin/true is not set',
				'/etc/modprobe.d/cramfs.conf',
				'filetracker',
				1,
				'install cramfs /bin/true',
			),
			rule(
				'CIS-L-5.2.8',
				'Ensure SSH root login is disabled',
				'PermitRootLogin is yes',
				'/etc/ssh/sshd_config',
				'filetracker',
				3,
				'PermitRootLogin no',
			),
			rule(
				'CIS-L-5.2.11',
				'Ensure SSH PermitEmptyPasswords is disabled',
				'PermitEmptyPasswords is not set',
				'/etc/ssh/sshd_config',
				'filetracker',
				3,
				'PermitEmptyPasswords no',
			),
			rule(
				'CIS-L-5.4.1',
				'Ensure password expiration is 365 days or less',
				'PASS_MAX_DAYS is 99999',
				'/etc/login.defs',
				'filetracker',
				2,
				'PASS_MAX_DAYS <= 365',
			),
			rule(
				'CIS-L-4.1.1',
				'Ensure auditd is installed and enabled',
				'auditd service is not running',
				'auditd',
				'servicetracker',
				2,
				'running',
			),
			rule(
				'CIS-L-1.5.1',
				'Ensure permissions on bootloader config are configured',
				'/boot/grub2/grub.cfg is 0644',
				'/boot/grub2/grub.cfg',
				'filetracker',
				1,
				'0600',
			),
		],
	},
	{
		ReportItemId: '65a0c0de0000000000000102',
		PolicyTemplateName: 'CIS Benchmark L1 - Windows',
		GroupName: 'A23',
		PassMark: 80,
		UsageTags: ['Compliance', 'Hardening', 'Windows'],
		platform: 'windows',
		rules: [
			rule(
				'CIS-W-1.1.1',
				"Ensure 'Enforce password history' is set to '24 or more'",
				'PasswordHistorySize is 10',
				'Security Policy\\PasswordHistorySize',
				'registrytracker',
				2,
				'24',
			),
			rule(
				'CIS-W-1.2.1',
				"Ensure 'Account lockout duration' is set to '15 or more minutes'",
				'LockoutDuration is 5',
				'Security Policy\\LockoutDuration',
				'registrytracker',
				2,
				'15',
			),
			rule(
				'CIS-W-2.3.1.1',
				"Ensure 'Accounts: Guest account status' is 'Disabled'",
				'Guest account is enabled',
				'HKLM\\SAM\\Domains\\Account\\Users\\Guest',
				'registrytracker',
				3,
				'Disabled',
			),
			rule(
				'CIS-W-9.1.1',
				"Ensure 'Windows Firewall: Domain: Firewall state' is 'On'",
				'EnableFirewall is 0',
				'HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\EnableFirewall',
				'registrytracker',
				3,
				'1',
			),
			rule(
				'CIS-W-18.3.2',
				"Ensure 'SMB v1 client driver' is disabled",
				'mrxsmb10 Start is 2',
				'HKLM\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb10\\Start',
				'registrytracker',
				2,
				'4',
			),
		],
	},
	{
		ReportItemId: '65a0c0de0000000000000103',
		PolicyTemplateName: 'PCI DSS v4.0 - Windows',
		GroupName: 'A20',
		PassMark: 90,
		UsageTags: ['Compliance', 'Windows'],
		platform: 'windows',
		rules: [
			rule(
				'PCI-2.2.4',
				'Only necessary services are enabled',
				'Telnet service (TlntSvr) is running',
				'TlntSvr',
				'servicetracker',
				3,
				'stopped',
			),
			rule(
				'PCI-8.3.6',
				'Passwords are at least 12 characters',
				'MinimumPasswordLength is 8',
				'Security Policy\\MinimumPasswordLength',
				'registrytracker',
				3,
				'12',
			),
			rule(
				'PCI-8.3.4',
				'Accounts lock out after no more than 10 attempts',
				'LockoutBadCount is 0',
				'Security Policy\\LockoutBadCount',
				'registrytracker',
				2,
				'<= 10',
			),
			rule(
				'PCI-10.2.1',
				'Audit logs capture logon events',
				'Audit Logon is No Auditing',
				'Audit Policy\\Logon',
				'registrytracker',
				2,
				'Success and Failure',
			),
			rule(
				'PCI-5.2.1',
				'Anti-malware is deployed and running',
				'WinDefend is stopped',
				'WinDefend',
				'servicetracker',
				3,
				'running',
			),
		],
	},
	{
		ReportItemId: '65a0c0de0000000000000104',
		PolicyTemplateName: 'DISA STIG - General Purpose OS',
		GroupName: 'A24',
		PassMark: 75,
		UsageTags: ['Compliance', 'Hardening', 'Windows', 'Linux', 'Unix'],
		platform: 'any',
		rules: [
			rule(
				'V-253256',
				'The system must display the DoD logon banner',
				'No logon banner text is set',
				'LegalNoticeText',
				'registrytracker',
				1,
				'DoD banner',
			),
			rule(
				'V-253297',
				'The system must require session locking after 15 minutes',
				'InactivityTimeoutSecs is 0',
				'InactivityTimeoutSecs',
				'registrytracker',
				2,
				'<= 900',
			),
			rule(
				'V-230223',
				'The system must implement FIPS 140-2 validated cryptography',
				'FIPS mode is disabled',
				'/proc/sys/crypto/fips_enabled',
				'filetracker',
				3,
				'1',
			),
			rule(
				'V-230264',
				'Software must be signed by an approved certificate',
				'gpgcheck=0 in a repository',
				'/etc/yum.conf',
				'filetracker',
				2,
				'gpgcheck=1',
			),
		],
	},
	{
		ReportItemId: '65a0c0de0000000000000105',
		PolicyTemplateName: 'CIS Network Device Benchmark L1',
		GroupName: 'A5',
		PassMark: 70,
		UsageTags: ['Compliance', 'Hardening', 'Network'],
		platform: 'network',
		rules: [
			rule(
				'CIS-N-1.1.1',
				'Enable AAA new-model',
				'aaa new-model is missing',
				'show running-config | include aaa',
				'commandtracker',
				3,
				'aaa new-model',
			),
			rule(
				'CIS-N-1.2.2',
				'Set transport input ssh for VTY lines',
				'transport input telnet ssh',
				'show running-config | section line vty',
				'commandtracker',
				3,
				'transport input ssh',
			),
			rule(
				'CIS-N-1.5.1',
				"Set 'no snmp-server' community public",
				'snmp-server community public RO',
				'show running-config | include snmp-server',
				'commandtracker',
				2,
				'no public community',
			),
			rule(
				'CIS-N-2.2.1',
				'Set logging to a syslog host',
				'no logging host configured',
				'show running-config | include logging',
				'commandtracker',
				1,
				'logging host',
			),
		],
	},
];

export interface ComplianceRun {
	report: ComplianceReportSpec;
	index: number;
	ReportInstanceId: string;
	DateUtc: string;
	/** Every device of the report (those whose task did not run have no score). */
	devices: DeviceRecord[];
	/** AgentDeviceId → score 0..100 (one decimal), for the devices that ran. */
	scores: Map<string, number>;
	/** AgentDeviceId → the RuleIds it failed, for the devices that ran. */
	failed: Map<string, string[]>;
}

/** A deterministic number in [0, 1) for a key (FNV-1a, then a finaliser). */
function unit(key: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
	hash ^= hash >>> 15;
	hash = Math.imul(hash, 0x2c1b3c6d);
	hash ^= hash >>> 12;
	return (hash >>> 0) / 0x1_0000_0000;
}

function onPlatform(device: DeviceRecord, platform: ComplianceReportSpec['platform']): boolean {
	const os = `${device.KnownOsName} ${device.Os} ${device.OperatingSystem}`;
	switch (platform) {
		case 'windows':
			return /windows/i.test(os);
		case 'linux':
			return /linux|rhel|ubuntu|sles|debian|centos|suse/i.test(os);
		case 'network':
			return device.DeviceType === 'Network';
		default:
			return true;
	}
}

/** The group and its sub-groups, lower-cased internal names. */
function withSubgroups(store: HubStore, name: string): Set<string> {
	const found = new Set<string>();
	const pending = [name];
	while (pending.length > 0) {
		const next = (pending.pop() as string).toLowerCase();
		if (found.has(next)) continue;
		found.add(next);
		pending.push(...(store.findGroup(next)?.Members ?? []));
	}
	return found;
}

export class ComplianceData {
	private version = -1;
	private runsByReport = new Map<string, ComplianceRun[]>();

	constructor(private readonly store: HubStore) {}

	get reports(): readonly ComplianceReportSpec[] {
		return COMPLIANCE_REPORTS;
	}

	findReport(id: string): ComplianceReportSpec | undefined {
		const lower = id.trim().toLowerCase();
		return COMPLIANCE_REPORTS.find((report) => report.ReportItemId === lower);
	}

	group(report: ComplianceReportSpec): GroupRecord | undefined {
		return this.store.findGroup(report.GroupName);
	}

	/** The report's devices: registered, not deleted, in its group or a sub-group, on its platform. */
	devicesOf(report: ComplianceReportSpec): DeviceRecord[] {
		const groups = withSubgroups(this.store, report.GroupName);
		return this.store.agents.filter(
			(device) =>
				!device.Deleted &&
				device.GroupNames.some((name) => groups.has(name.toLowerCase())) &&
				onPlatform(device, report.platform),
		);
	}

	/** The report's runs, oldest first. */
	runs(report: ComplianceReportSpec): ComplianceRun[] {
		if (this.version !== this.store.version) {
			this.runsByReport.clear();
			this.version = this.store.version;
		}
		let runs = this.runsByReport.get(report.ReportItemId);
		if (!runs) {
			runs = this.computeRuns(report);
			this.runsByReport.set(report.ReportItemId, runs);
		}
		return runs;
	}

	findRun(report: ComplianceReportSpec, instanceId: string): ComplianceRun | undefined {
		const lower = instanceId.trim().toLowerCase();
		return this.runs(report).find((run) => run.ReportInstanceId === lower);
	}

	/** The run of any report with this instance id. */
	findAnyRun(instanceId: string): ComplianceRun | undefined {
		for (const report of COMPLIANCE_REPORTS) {
			const run = this.findRun(report, instanceId);
			if (run) return run;
		}
		return undefined;
	}

	private computeRuns(report: ComplianceReportSpec): ComplianceRun[] {
		const devices = this.devicesOf(report);
		const totalWeight = report.rules.reduce((sum, each) => sum + each.ScoreWeight, 0);
		return Array.from({ length: COMPLIANCE_RUNS }, (_, index) => {
			const scores = new Map<string, number>();
			const failed = new Map<string, string[]>();
			for (const device of devices) {
				const id = agentDeviceId(device);
				const key = `${report.ReportItemId}|${device.UniqueId}|${id}`;
				if (unit(`${key}|run|${index}`) < 0.06) continue; // not run this time
				// A device's failure rate: its own base (5–55 %), improving by 3 points a run, with some noise.
				const rate = Math.max(
					0,
					0.05 + 0.5 * unit(key) - 0.03 * index + 0.1 * (unit(`${key}|${index}`) - 0.5),
				);
				const failing = report.rules
					.filter((each) => unit(`${key}|${each.RuleId}|${index}`) < rate)
					.map((each) => each.RuleId);
				const lost = report.rules
					.filter((each) => failing.includes(each.RuleId))
					.reduce((sum, each) => sum + each.ScoreWeight, 0);
				// INFERENCES.compliancePercentages: a score is a percentage, one decimal.
				scores.set(id, Math.round((1000 * (totalWeight - lost)) / totalWeight) / 10);
				failed.set(id, failing);
			}
			return {
				report,
				index,
				ReportInstanceId: `${report.ReportItemId.slice(0, 20)}${(0xa000 + index).toString(16)}`,
				DateUtc: new Date(LAST_RUN_MS - (COMPLIANCE_RUNS - 1 - index) * 7 * DAY).toISOString(),
				devices,
				scores,
				failed,
			};
		});
	}
}

/** The mean of the scores of the devices that ran, one decimal; 0 when none ran. */
export function averageScore(run: ComplianceRun): number {
	const values = [...run.scores.values()];
	if (values.length === 0) return 0;
	return Math.round((10 * values.reduce((sum, value) => sum + value, 0)) / values.length) / 10;
}

const byStore = new WeakMap<HubStore, ComplianceData>();

/** The store's compliance data (made on first use). */
export function complianceOf(store: HubStore): ComplianceData {
	let data = byStore.get(store);
	if (!data) {
		data = new ComplianceData(store);
		byStore.set(store, data);
	}
	return data;
}
