/**
 * Planned changes (docs/hub-api.md §14): planned change instances (a schedule and the devices and groups it covers,
 * keyed by InstanceId) and the rulesets they use (PlannedChangeDefinition, keyed by Name), and the Hub's
 * correlation of change events with them. Both live in the event store (`store.events.plannedChanges`,
 * `store.events.plannedChangeRulesets`), since classifying events is what they are for.
 *
 * Correlation (INFERENCES.plannedChangeMatching): an event is Planned under an instance that is enabled, whose
 * ruleset allows rules, whose schedule covers the event's DateUtc, that has the event's device as a member (itself or
 * through a member group or its sub-groups) and whose rules match the event (an empty ruleset matches every change).
 * It runs when an event arrives (`store.addEvents`) and when /plannedChangeInstances/reevaluateEvents asks; seeded
 * events keep the verdict they were seeded with.
 */
import { BASE_DATE_MS } from './catalog';
import { PLANNED_CHANGES } from './eventCatalog';
import type { EventRecord } from './events';
import { attributeValues } from './eventViews';
import { Random } from './random';
import type { HubStore } from './store';
import type { DeviceRecord } from './types';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** The spec's PeriodicityUnit / PeriodDurationUnit query enum. */
export const PERIOD_UNITS = ['None', 'Second', 'Minute', 'Hour', 'Day', 'Week'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
const UNIT_MS: Record<PeriodUnit, number> = {
	None: 0,
	Second: 1000,
	Minute: 60_000,
	Hour: HOUR,
	Day: DAY,
	Week: 7 * DAY,
};

/** The spec's RuleCombinationOperator query enum (/plannedChanges/add). */
export const RULE_COMBINATION_OPERATORS = ['And', 'Or', 'LogicExpression'] as const;
export type RuleCombinationOperator = (typeof RULE_COMBINATION_OPERATORS)[number];

/** .NET DateTime.MaxValue: the end of an open-ended instance (INFERENCES.plannedChangeScheduleDefaults). */
export const OPEN_END = '9999-12-31T23:59:59.999Z';

/** spec `PlannedChangeRule`: the fields a rule is stored with (the computed ones are added by the view). */
export interface PlannedChangeRule {
	RuleType: string;
	Id: string;
	Name?: string;
	Order: number;
	TrackerTypeName?: string;
	ItemTypeName?: string;
	NameMatchText?: string;
	NameMatchOperator?: string;
	NameMatchCaseSensitive: boolean;
	ListFilterAttribute?: string;
	ListFilterSeparator?: string;
	List?: string[];
}

/** spec `PlannedChangeDefinition`: a ruleset. */
export interface PlannedChangeRulesetRecord {
	Name: string;
	DisplayName: string;
	Description?: string;
	Origin?: string;
	CreationDateUtc: string;
	LastModifiedDateUtc: string;
	/** A container for manually added events only: never matches an event by itself. */
	DisallowRules: boolean;
	/** By rule Id. */
	Rules: Record<string, PlannedChangeRule>;
	RuleCombinationOperator: RuleCombinationOperator;
}

/** spec `PlannedChangeInstance`: what is stored (DisallowRules is its ruleset's; lookups and inherited groups are computed). */
export interface PlannedChangeRecord {
	InstanceId: string;
	/** The change request number and title, e.g. "CHG0031245 - January Patch Tuesday" (the spec has no ticket field). */
	DisplayName: string;
	Description?: string;
	/** "Interactive" for the UI, else the ITSM instance that created it (e.g. "servicenow-prod", "n8n"). */
	Origin?: string;
	AssignedTo?: string;
	/** The ruleset (PlannedChangeRulesetRecord.Name). */
	PlannedChangeName: string;
	StartTimeUtc: string;
	EndTimeUtc: string;
	/** Set by /plannedChangeInstances/update; otherwise the clock decides (INFERENCES.plannedChangeInstanceView). */
	Started?: boolean;
	Ended?: boolean;
	Disabled: boolean;
	UseAttributeRules: boolean;
	/** Internal group names (e.g. "A3"), as stored by the Hub. */
	MemberGroups: string[];
	/** "AgentId,DeviceId". */
	MemberAgentDeviceIds: string[];
	PeriodicityCount: number;
	PeriodicityUnit: PeriodUnit;
	PeriodDurationCount: number;
	PeriodDurationUnit: PeriodUnit;
	CreationDateUtc: string;
	LastModifiedDateUtc: string;
}

/** What `store.events.addPlannedChange` takes: any instance field, plus the ruleset's DisallowRules and Rules. */
export type NewPlannedChange = Partial<PlannedChangeRecord> & {
	DisplayName: string;
	DisallowRules?: boolean;
	Rules?: PlannedChangeRule[];
	RuleCombinationOperator?: RuleCombinationOperator;
};

/** The store side of planned changes: the event store holds the lists and hands out ids. */
export interface PlannedChangeHolder {
	plannedChanges: PlannedChangeRecord[];
	plannedChangeRulesets: PlannedChangeRulesetRecord[];
	newId(): string;
	touch(): void;
}

// ---------------------------------------------------------------- lookups

export function findInstance(
	holder: PlannedChangeHolder,
	id: string,
): PlannedChangeRecord | undefined {
	const lower = id.trim().toLowerCase();
	return holder.plannedChanges.find((change) => change.InstanceId.toLowerCase() === lower);
}

export function findRuleset(
	holder: PlannedChangeHolder,
	name: string,
): PlannedChangeRulesetRecord | undefined {
	const lower = name.trim().toLowerCase();
	return holder.plannedChangeRulesets.find((ruleset) => ruleset.Name.toLowerCase() === lower);
}

/** The instance's ruleset (an empty one if it has gone, which the routes never allow). */
export function rulesetOf(
	holder: PlannedChangeHolder,
	instance: PlannedChangeRecord,
): PlannedChangeRulesetRecord {
	return (
		findRuleset(holder, instance.PlannedChangeName) ??
		emptyRuleset(instance.PlannedChangeName, instance.DisplayName, instance.CreationDateUtc)
	);
}

/** The member groups and all their sub-groups, as internal names (MemberGroupsWithInherit), in discovery order. */
export function groupsWithInherit(store: HubStore, names: readonly string[]): string[] {
	const found = new Map<string, string>();
	const pending = [...names].reverse();
	while (pending.length > 0) {
		const name = pending.pop() as string;
		const canonical = store.findGroup(name)?.Name ?? name;
		if (found.has(canonical.toLowerCase())) continue;
		found.set(canonical.toLowerCase(), canonical);
		pending.push(...[...(store.findGroup(name)?.Members ?? [])].reverse());
	}
	return [...found.values()];
}

/** The registered, not deleted devices an instance covers: its member devices and those of its member groups (and sub-groups). */
export function memberDevices(store: HubStore, instance: PlannedChangeRecord): DeviceRecord[] {
	const groups = new Set(
		groupsWithInherit(store, instance.MemberGroups).map((name) => name.toLowerCase()),
	);
	const ids = new Set(instance.MemberAgentDeviceIds);
	return store.agents.filter(
		(device) =>
			device.Registered &&
			!device.Deleted &&
			(ids.has(`${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`) ||
				(groups.size > 0 && device.GroupNames.some((name) => groups.has(name.toLowerCase())))),
	);
}

// ---------------------------------------------------------------- schedule

/**
 * Whether the instance's schedule covers an instant: StartTimeUtc <= t <= EndTimeUtc and, when PeriodicityCount is
 * above zero, within PeriodDurationCount PeriodDurationUnits of a period start (the spec's description).
 */
export function isActiveAt(instance: PlannedChangeRecord, ms: number): boolean {
	const start = Date.parse(instance.StartTimeUtc);
	if (ms < start || ms > Date.parse(instance.EndTimeUtc)) return false;
	const period = instance.PeriodicityCount * UNIT_MS[instance.PeriodicityUnit];
	if (period <= 0) return true;
	const duration = instance.PeriodDurationCount * UNIT_MS[instance.PeriodDurationUnit];
	return (ms - start) % period <= duration;
}

/** Whether the instance's window overlaps [fromMs, toMs] (either end may be infinite). */
export function overlaps(instance: PlannedChangeRecord, fromMs: number, toMs: number): boolean {
	return Date.parse(instance.StartTimeUtc) <= toMs && Date.parse(instance.EndTimeUtc) >= fromMs;
}

// ---------------------------------------------------------------- correlation

/** A test of whether an event falls under one instance (INFERENCES.plannedChangeMatching). */
export type InstanceMatcher = (event: EventRecord) => boolean;

export function instanceMatcher(
	store: HubStore,
	holder: PlannedChangeHolder,
	instance: PlannedChangeRecord,
): InstanceMatcher {
	const ruleset = rulesetOf(holder, instance);
	if (instance.Disabled || ruleset.DisallowRules) return () => false;
	const groups = new Set(
		groupsWithInherit(store, instance.MemberGroups).map((name) => name.toLowerCase()),
	);
	const devices = new Set(instance.MemberAgentDeviceIds);
	const rules = rulesetMatcher(ruleset);
	return (event) =>
		isActiveAt(instance, event.dateMs) &&
		(devices.has(event.agentDeviceId) ||
			event.GroupNames.some((name) => groups.has(name.toLowerCase()))) &&
		rules(event);
}

/**
 * The planned change the Hub files a newly arrived event under: the first instance (oldest first) that matches it,
 * or undefined. Built once per batch of events.
 */
export function correlator(
	store: HubStore,
	holder: PlannedChangeHolder,
): (event: EventRecord) => PlannedChangeRecord | undefined {
	const candidates = holder.plannedChanges.map(
		(instance) => [instance, instanceMatcher(store, holder, instance)] as const,
	);
	return (event) => candidates.find(([, matches]) => matches(event))?.[0];
}

/** An empty ruleset matches every event; otherwise its rules combine with And (all) or Or (any). */
function rulesetMatcher(ruleset: PlannedChangeRulesetRecord): InstanceMatcher {
	const rules = Object.values(ruleset.Rules)
		.sort((a, b) => a.Order - b.Order)
		.map(ruleMatcher);
	if (rules.length === 0) return () => true;
	return ruleset.RuleCombinationOperator === 'Or'
		? (event) => rules.some((rule) => rule(event))
		: (event) => rules.every((rule) => rule(event));
}

/** A rule matches when every criterion it sets matches (INFERENCES.plannedChangeRules). */
function ruleMatcher(rule: PlannedChangeRule): InstanceMatcher {
	const tests: InstanceMatcher[] = [];
	const same = (a: string, b: string) => a.toLowerCase() === b.trim().toLowerCase();
	if (rule.TrackerTypeName?.trim()) {
		const tracker = rule.TrackerTypeName;
		tests.push((event) => same(event.TrackerTypeName, tracker));
	}
	if (rule.ItemTypeName?.trim()) {
		const itemType = rule.ItemTypeName;
		tests.push((event) => same(event.ItemTypeName, itemType));
	}
	if (rule.NameMatchText !== undefined && rule.NameMatchText !== '') {
		const matches = nameMatcher(
			rule.NameMatchText,
			rule.NameMatchOperator,
			rule.NameMatchCaseSensitive,
		);
		tests.push((event) => matches(event.ItemName));
	}
	if (rule.ListFilterAttribute?.trim() && rule.List) {
		const attribute = rule.ListFilterAttribute.trim().toLowerCase();
		const list = new Set(rule.List.map((value) => value.trim().toLowerCase()));
		const separators = rule.ListFilterSeparator ?? '';
		tests.push((event) =>
			attributeValues(event).some(
				({ name, value }) =>
					name.toLowerCase() === attribute &&
					splitBy(value, separators).some((part) => list.has(part.trim().toLowerCase())),
			),
		);
	}
	return (event) => tests.every((test) => test(event));
}

function splitBy(value: string, separators: string): string[] {
	if (separators === '') return [value];
	const parts: string[] = [];
	let current = '';
	for (const char of value) {
		if (separators.includes(char)) {
			parts.push(current);
			current = '';
		} else current += char;
	}
	parts.push(current);
	return parts;
}

/** The operators of a rule's NameMatchOperator: those of TextMatch (INFERENCES.eventTextMatch). */
export const NAME_MATCH_OPERATORS = [
	'Equals',
	'NotEquals',
	'Contains',
	'NotContains',
	'StartsWith',
	'EndsWith',
	'Regex',
] as const;

export function nameMatcher(
	text: string,
	operator: string | undefined,
	caseSensitive: boolean,
): (value: string) => boolean {
	const wanted = caseSensitive ? text : text.toLowerCase();
	const norm = (value: string) => (caseSensitive ? value : value.toLowerCase());
	switch ((operator ?? 'Equals').trim().toLowerCase()) {
		case 'notequals':
			return (value) => norm(value) !== wanted;
		case 'contains':
			return (value) => norm(value).includes(wanted);
		case 'notcontains':
			return (value) => !norm(value).includes(wanted);
		case 'startswith':
			return (value) => norm(value).startsWith(wanted);
		case 'endswith':
			return (value) => norm(value).endsWith(wanted);
		case 'regex': {
			const regex = new RegExp(text, caseSensitive ? '' : 'i');
			return (value) => regex.test(value);
		}
		default:
			return (value) => norm(value) === wanted;
	}
}

// ---------------------------------------------------------------- events under a planned change

/** Files an event under an instance: by a rule (Status Unplanned follows to Planned) or by hand (Status Planned). */
export function attachEvent(
	event: EventRecord,
	instance: PlannedChangeRecord,
	manual: boolean,
	at: string,
	message: string,
): void {
	event.PlannedChangeId = instance.InstanceId;
	event.PlannedChangeStatus = 'Planned';
	event.PlannedChangeManual = manual;
	if (manual || event.Status === 'Unplanned') event.Status = 'Planned';
	(event.history ??= []).push({ DateUtc: at, Message: message });
}

/** Takes an event out of its planned change: Unplanned again (a Status of Planned follows). */
export function detachEvent(event: EventRecord, at: string, message: string): void {
	event.PlannedChangeId = undefined;
	event.PlannedChangeStatus = 'Unplanned';
	event.PlannedChangeManual = false;
	if (event.Status === 'Planned') event.Status = 'Unplanned';
	(event.history ??= []).push({ DateUtc: at, Message: message });
}

export interface Reevaluation {
	fromMs: number;
	toMs: number;
	/** The spec's PlannedChangeManual: true re-checks only the events added by hand; otherwise they are kept. */
	manual?: boolean;
	userName: string;
	now: number;
}

/**
 * /plannedChangeInstances/reevaluateEvents (INFERENCES.plannedChangeReevaluation): the received events dated in
 * [fromMs, toMs] are classified again against the instance. Unplanned ones it matches join it; ones a rule filed
 * under it that it no longer matches leave it; events of other planned changes are left alone. Returns how many
 * events changed.
 */
export function reevaluate(
	store: HubStore,
	holder: PlannedChangeHolder,
	instance: PlannedChangeRecord,
	events: readonly EventRecord[],
	options: Reevaluation,
): number {
	const matches = instanceMatcher(store, holder, instance);
	const at = new Date(options.now).toISOString();
	const by = options.userName ? ` by ${options.userName}` : '';
	let changed = 0;
	for (const event of events) {
		if (event.arrivalMs > options.now || event.dateMs < options.fromMs) continue;
		if (event.dateMs > options.toMs) continue;
		const mine = event.PlannedChangeId === instance.InstanceId;
		if (options.manual === true) {
			if (!mine || !event.PlannedChangeManual || matches(event)) continue;
		} else if (mine) {
			if (event.PlannedChangeManual || matches(event)) continue;
		} else {
			if (event.PlannedChangeId !== undefined || !matches(event)) continue;
			attachEvent(
				event,
				instance,
				false,
				at,
				`Matched planned change '${instance.DisplayName}' on re-evaluation${by}`,
			);
			changed++;
			continue;
		}
		detachEvent(
			event,
			at,
			`Removed from planned change '${instance.DisplayName}' on re-evaluation${by}`,
		);
		changed++;
	}
	if (changed > 0) holder.touch();
	return changed;
}

// ---------------------------------------------------------------- creating

export function emptyRuleset(
	name: string,
	displayName: string,
	at: string,
	fields: Partial<PlannedChangeRulesetRecord> = {},
): PlannedChangeRulesetRecord {
	return {
		Name: name,
		DisplayName: displayName,
		CreationDateUtc: at,
		LastModifiedDateUtc: at,
		DisallowRules: false,
		Rules: {},
		RuleCombinationOperator: 'Or',
		...fields,
	};
}

/**
 * A new instance and, when it names no existing ruleset, a new empty one (the spec's AddPlannedChangeInstance):
 * the test control behind `store.events.addPlannedChange` and the route /plannedChangeInstances/add, which validates
 * first. Defaults: start now, end = start (the store control) or open-ended (the route passes it).
 */
export function createInstance(
	holder: PlannedChangeHolder,
	change: NewPlannedChange,
	now = Date.now(),
): PlannedChangeRecord {
	const at = new Date(now).toISOString();
	const InstanceId = change.InstanceId ?? holder.newId();
	let ruleset = change.PlannedChangeName
		? findRuleset(holder, change.PlannedChangeName)
		: undefined;
	if (!ruleset) {
		ruleset = emptyRuleset(change.PlannedChangeName ?? holder.newId(), change.DisplayName, at, {
			Description: change.Description,
			Origin: change.Origin,
			DisallowRules: change.DisallowRules ?? false,
			RuleCombinationOperator: change.RuleCombinationOperator ?? 'Or',
			Rules: Object.fromEntries((change.Rules ?? []).map((rule) => [rule.Id, rule])),
		});
		holder.plannedChangeRulesets.push(ruleset);
	} else if (change.DisallowRules !== undefined) {
		ruleset.DisallowRules = change.DisallowRules;
		ruleset.LastModifiedDateUtc = at;
	}
	const record: PlannedChangeRecord = {
		InstanceId,
		DisplayName: change.DisplayName,
		Description: change.Description,
		Origin: change.Origin,
		AssignedTo: change.AssignedTo,
		PlannedChangeName: ruleset.Name,
		StartTimeUtc: change.StartTimeUtc ?? at,
		EndTimeUtc: change.EndTimeUtc ?? change.StartTimeUtc ?? at,
		Started: change.Started,
		Ended: change.Ended,
		Disabled: change.Disabled ?? false,
		UseAttributeRules: change.UseAttributeRules ?? false,
		MemberGroups: [...(change.MemberGroups ?? [])],
		MemberAgentDeviceIds: [...(change.MemberAgentDeviceIds ?? [])],
		PeriodicityCount: change.PeriodicityCount ?? 0,
		PeriodicityUnit: change.PeriodicityUnit ?? 'None',
		PeriodDurationCount: change.PeriodDurationCount ?? 0,
		PeriodDurationUnit: change.PeriodDurationUnit ?? 'None',
		CreationDateUtc: change.CreationDateUtc ?? at,
		LastModifiedDateUtc: change.LastModifiedDateUtc ?? at,
	};
	holder.plannedChanges.push(record);
	holder.touch();
	return record;
}

// ---------------------------------------------------------------- seeding

/** Planned changes seeded beside those of PLANNED_CHANGES; no seeded event falls under them. */
interface ExtraPlannedChange {
	displayName: string;
	description: string;
	origin: string;
	assignedTo: string;
	/** Window start relative to BASE_DATE_MS (negative: before it), and length, in hours. */
	startHoursFromBase: number;
	hours: number;
	/** How many member devices, picked from the registered devices of this host type (no member groups). */
	devices: { hostType: string; count: number };
	disabled: boolean;
	disallowRules: boolean;
}

const EXTRA_PLANNED_CHANGES: readonly ExtraPlannedChange[] = [
	{
		displayName: 'CHG0031466 - Core switch IOS-XE upgrade',
		description: 'Upgrade the core switches to IOS-XE 17.9.5; reload in the maintenance window.',
		origin: 'servicenow-prod',
		assignedTo: 'Maria Garcia',
		startHoursFromBase: 2 * 24 + 13,
		hours: 4,
		devices: { hostType: 'Network', count: 2 },
		disabled: false,
		disallowRules: false,
	},
	{
		displayName: 'CHG0031290 - Decommission legacy FTP server',
		description: 'Retired before approval; kept as a container for events filed by hand.',
		origin: 'n8n',
		assignedTo: 'John Smith',
		startHoursFromBase: -10 * 24,
		hours: 8,
		devices: { hostType: 'Unix', count: 1 },
		disabled: true,
		disallowRules: true,
	},
];

/**
 * The seeded instances and their rulesets: those of PLANNED_CHANGES (ids drawn by the event seeding, so the seeded
 * events stay as they were) with a ruleset matching changes made by the change's implementer (the WhoMadeTheChange
 * attribute), then EXTRA_PLANNED_CHANGES. Deterministic for the seed and the devices.
 */
export function seedPlannedChanges(
	store: HubStore,
	seed: number,
	instanceIds: readonly string[],
): { instances: PlannedChangeRecord[]; rulesets: PlannedChangeRulesetRecord[] } {
	const random = new Random((seed ^ 0x51a22ed) >>> 0);
	const instances: PlannedChangeRecord[] = [];
	const rulesets: PlannedChangeRulesetRecord[] = [];
	const iso = (ms: number) => new Date(ms).toISOString();
	const add = (
		instance: Omit<
			PlannedChangeRecord,
			| 'PlannedChangeName'
			| 'UseAttributeRules'
			| 'PeriodicityCount'
			| 'PeriodicityUnit'
			| 'PeriodDurationCount'
			| 'PeriodDurationUnit'
			| 'CreationDateUtc'
			| 'LastModifiedDateUtc'
		>,
		ruleset: { disallowRules: boolean; rules: PlannedChangeRule[] },
	) => {
		// Raised and approved two days before the window (a CAB cycle).
		const created = iso(Date.parse(instance.StartTimeUtc) - 2 * DAY);
		const name = random.uuid();
		rulesets.push(
			emptyRuleset(name, instance.DisplayName, created, {
				Description: instance.Description,
				Origin: instance.Origin,
				DisallowRules: ruleset.disallowRules,
				Rules: Object.fromEntries(ruleset.rules.map((rule) => [rule.Id, rule])),
			}),
		);
		instances.push({
			...instance,
			PlannedChangeName: name,
			UseAttributeRules: false,
			PeriodicityCount: 0,
			PeriodicityUnit: 'None',
			PeriodDurationCount: 0,
			PeriodDurationUnit: 'None',
			CreationDateUtc: created,
			LastModifiedDateUtc: created,
		});
	};
	PLANNED_CHANGES.forEach((spec, index) => {
		const start = BASE_DATE_MS - spec.startHoursAgo * HOUR;
		add(
			{
				InstanceId: instanceIds[index],
				DisplayName: spec.displayName,
				Description: spec.description,
				Origin: spec.origin,
				AssignedTo: spec.assignedTo,
				StartTimeUtc: iso(start),
				EndTimeUtc: iso(start + spec.hours * HOUR),
				Disabled: false,
				MemberGroups: [...spec.groups],
				MemberAgentDeviceIds: [],
			},
			{
				disallowRules: false,
				rules: [
					{
						RuleType: 'ListFilter',
						Id: '1',
						Name: `Changes made by ${spec.who}`,
						Order: 1,
						NameMatchCaseSensitive: false,
						ListFilterAttribute: 'WhoMadeTheChange',
						List: [spec.who],
					},
				],
			},
		);
	});
	for (const extra of EXTRA_PLANNED_CHANGES) {
		const start = BASE_DATE_MS + extra.startHoursFromBase * HOUR;
		const devices = store.agents
			.filter((device) => device.Registered && device.HostType === extra.devices.hostType)
			.slice(0, extra.devices.count)
			.map((device) => `${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`);
		add(
			{
				InstanceId: random.uuid(),
				DisplayName: extra.displayName,
				Description: extra.description,
				Origin: extra.origin,
				AssignedTo: extra.assignedTo,
				StartTimeUtc: iso(start),
				EndTimeUtc: iso(start + extra.hours * HOUR),
				Disabled: extra.disabled,
				MemberGroups: [],
				MemberAgentDeviceIds: devices,
			},
			{ disallowRules: extra.disallowRules, rules: [] },
		);
	}
	return { instances, rulesets };
}
