/**
 * Planned changes (docs/hub-api.md §14): the instances (/plannedChangeInstances and its add, update, addMembers,
 * deleteMember, delete, reevaluateEvents and addOrUpdateFromEvents), the rulesets (/plannedChanges) and the summary
 * (/stats/plannedChanges). Each reads as request → check → change or select → response; the model and the
 * correlation of events are in plannedChanges.ts. The spec names no permission for these routes
 * (INFERENCES.plannedChangePermissions).
 */
import { parseAgentDeviceIds } from '../deviceQuery';
import { EVENT_TYPES, type EventRecord } from '../events';
import { checkEventEnum, eventQueries, parseDate } from '../eventQuery';
import { fieldError, notFound, validationError, type ResponseError } from '../http/errors';
import { pagedRows, readPath, resolverFor } from '../paging';
import {
	NAME_MATCH_OPERATORS,
	OPEN_END,
	PERIOD_UNITS,
	attachEvent,
	createInstance,
	emptyRuleset,
	findInstance,
	findRuleset,
	groupsWithInherit,
	isActiveAt,
	memberDevices,
	overlaps,
	reevaluate,
	rulesetOf,
	type PeriodUnit,
	type PlannedChangeRecord,
	type PlannedChangeRule,
	type PlannedChangeRulesetRecord,
} from '../plannedChanges';
import {
	AddOrUpdatePlannedChangeInstanceFromEventsRequest,
	AddPlannedChangeInstanceMemberRequest,
	AddPlannedChangeInstanceRequest,
	AddReEvaluationOfPlannedChangeInstanceEventsRequest,
	DeletePlannedChangeInstanceMemberRequest,
	DeletePlannedChangeInstanceRequest,
	GetCurrentPlannedChangesRequest,
	GetPlannedChangeInstancesRequest,
	GetPlannedChangesRequest,
	UpdatePlannedChangeInstanceRequest,
	type PlannedChangeFilterRuleInferenceOptionsInput,
} from '../schemas';
import type { HubStore } from '../store';
import { RESPONSE_VERSION, noContent, ok, route, type HubState } from './route';
import { checkGroupNames } from './deviceChecks';

const HOUR = 3600 * 1000;

// ---------------------------------------------------------------- views

/** spec `PlannedChangeRule`, with the computed NameMatchTextLowered, NameMatchTextUsingCaseSensitivity, Description. */
function toRule(rule: PlannedChangeRule) {
	const text = rule.NameMatchText;
	return {
		RuleType: rule.RuleType,
		Id: rule.Id,
		Name: rule.Name,
		Order: rule.Order,
		TrackerTypeName: rule.TrackerTypeName,
		ItemTypeName: rule.ItemTypeName,
		NameMatchText: text,
		NameMatchOperator: rule.NameMatchOperator,
		NameMatchCaseSensitive: rule.NameMatchCaseSensitive,
		NameMatchTextLowered: text?.toLowerCase(),
		NameMatchTextUsingCaseSensitivity:
			text === undefined ? undefined : rule.NameMatchCaseSensitive ? text : text.toLowerCase(),
		Description: describeRule(rule),
		ListFilterAttribute: rule.ListFilterAttribute,
		ListFilterSeparator: rule.ListFilterSeparator,
		List: rule.List && [...rule.List],
	};
}

/** "Tracker is filetracker and Name Equals '/etc/motd'" (INFERENCES.plannedChangeRules). */
function describeRule(rule: PlannedChangeRule): string {
	const parts: string[] = [];
	if (rule.TrackerTypeName) parts.push(`Tracker is ${rule.TrackerTypeName}`);
	if (rule.ItemTypeName) parts.push(`Item type is ${rule.ItemTypeName}`);
	if (rule.NameMatchText)
		parts.push(`Name ${rule.NameMatchOperator ?? 'Equals'} '${rule.NameMatchText}'`);
	if (rule.ListFilterAttribute && rule.List)
		parts.push(`${rule.ListFilterAttribute} is one of ${rule.List.join(', ')}`);
	return parts.length > 0 ? parts.join(' and ') : 'Any change';
}

/** spec `PlannedChangeDefinition`. */
function toDefinition(ruleset: PlannedChangeRulesetRecord) {
	return {
		Version: RESPONSE_VERSION,
		Name: ruleset.Name,
		DisplayName: ruleset.DisplayName,
		Description: ruleset.Description,
		Origin: ruleset.Origin,
		CreationDateUtc: ruleset.CreationDateUtc,
		LastModifiedDateUtc: ruleset.LastModifiedDateUtc,
		DisallowRules: ruleset.DisallowRules,
		Rules: Object.fromEntries(
			Object.values(ruleset.Rules)
				.sort((a, b) => a.Order - b.Order)
				.map((rule) => [rule.Id, toRule(rule)]),
		),
		RuleCombinationOperator: ruleset.RuleCombinationOperator,
	};
}

/** The properties of PlannedChangeInstance, in spec order (Sort and GenericFilters resolve against them). */
const INSTANCE_FIELDS = [
	'Version',
	'Disabled',
	'DisallowRules',
	'InstanceId',
	'DisplayName',
	'PlannedChangeName',
	'PlannedChangeDisplayName',
	'PlannedChange',
	'Description',
	'Origin',
	'StartTimeUtc',
	'EndTimeUtc',
	'Started',
	'Ended',
	'UseAttributeRules',
	'MemberGroups',
	'GroupLookup',
	'AgentDeviceLookup',
	'MemberAgentDeviceIds',
	'MemberGroupsWithInherit',
	'AssignedTo',
	'PeriodicityCount',
	'PeriodicityUnit',
	'PeriodDurationCount',
	'PeriodDurationUnit',
	'CreationDateUtc',
	'LastModifiedDateUtc',
] as const;

/**
 * spec `PlannedChangeInstance` (INFERENCES.plannedChangeInstanceView): DisallowRules is its ruleset's; Started and
 * Ended follow the clock unless /update set them; the lookups name the member groups and devices.
 */
function toInstance(
	store: HubStore,
	record: PlannedChangeRecord,
	ruleset: PlannedChangeRulesetRecord,
	now: number,
	omitDefinition = false,
): Record<(typeof INSTANCE_FIELDS)[number], unknown> {
	return {
		Version: RESPONSE_VERSION,
		Disabled: record.Disabled,
		DisallowRules: ruleset.DisallowRules,
		InstanceId: record.InstanceId,
		DisplayName: record.DisplayName,
		PlannedChangeName: ruleset.Name,
		PlannedChangeDisplayName: ruleset.DisplayName,
		PlannedChange: omitDefinition ? undefined : toDefinition(ruleset),
		Description: record.Description,
		Origin: record.Origin,
		StartTimeUtc: record.StartTimeUtc,
		EndTimeUtc: record.EndTimeUtc,
		Started: record.Started ?? now >= Date.parse(record.StartTimeUtc),
		Ended: record.Ended ?? now > Date.parse(record.EndTimeUtc),
		UseAttributeRules: record.UseAttributeRules,
		MemberGroups: [...record.MemberGroups],
		GroupLookup: record.MemberGroups.map((name) => ({
			Id: name,
			Name: store.findGroup(name)?.DisplayName ?? name,
		})),
		AgentDeviceLookup: record.MemberAgentDeviceIds.map((id) => ({
			Id: id,
			Name: store.findAgent(id)?.Name ?? id,
		})),
		MemberAgentDeviceIds: [...record.MemberAgentDeviceIds],
		MemberGroupsWithInherit: groupsWithInherit(store, record.MemberGroups),
		AssignedTo: record.AssignedTo,
		PeriodicityCount: record.PeriodicityCount,
		PeriodicityUnit: record.PeriodicityUnit,
		PeriodDurationCount: record.PeriodDurationCount,
		PeriodDurationUnit: record.PeriodDurationUnit,
		CreationDateUtc: record.CreationDateUtc,
		LastModifiedDateUtc: record.LastModifiedDateUtc,
	};
}

function instanceView(hub: HubState, record: PlannedChangeRecord, now: number) {
	return toInstance(hub.store, record, rulesetOf(hub.store.events, record), now);
}

/** GetPlannedChangesInstancesResponse holding one instance (the answer of /add and /update). */
function oneInstance(hub: HubState, record: PlannedChangeRecord, now: number) {
	return ok({
		PlannedChangeInstances: [instanceView(hub, record, now)],
		Total: 1,
		Returned: 1,
		Version: RESPONSE_VERSION,
	});
}

// ---------------------------------------------------------------- checks

const name = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2');
const notEmpty = (field: string) =>
	fieldError(field, 'NotEmpty', `'${name(field)}' must not be empty.`);

/** The instance a request names: 400 without an InstanceId, 404 for an unknown one (INFERENCES.plannedChangeErrors). */
function requireInstance(hub: HubState, id: string | undefined): PlannedChangeRecord {
	if (!id?.trim()) throw validationError([notEmpty('InstanceId')]);
	const instance = findInstance(hub.store.events, id);
	if (!instance) throw notFound(`Planned change instance '${id.trim()}' not found`);
	return instance;
}

/** "AgentId,DeviceId" of existing devices (a list split at every comma is paired again, §1.5); others recorded. */
function checkDeviceIds(
	errors: ResponseError[],
	store: HubStore,
	field: string,
	values: readonly string[],
): string[] {
	const parts = values.flatMap((value) => value.split(',')).map((part) => part.trim());
	if (parts.filter((part) => part !== '').length % 2 === 1) {
		errors.push(
			fieldError(
				field,
				'Invalid',
				`'${values.join(',')}' is not a list of AgentDeviceIds ("<AgentId>,<DeviceId>")`,
			),
		);
		return [];
	}
	const found: string[] = [];
	for (const id of parseAgentDeviceIds(values)) {
		if (store.findAgent(id)) found.push(id);
		else errors.push(fieldError(field, 'NotFound', `Device '${id}' not found`));
	}
	return [...new Set(found)];
}

/** A date field, or the fallback; binding has already rejected text that is no date. */
function dateOf(text: string | undefined, fallback: string): string {
	const ms = parseDate(text);
	return ms === undefined ? fallback : new Date(ms).toISOString();
}

interface Periodicity {
	PeriodicityCount: number;
	PeriodicityUnit: PeriodUnit;
	PeriodDurationCount: number;
	PeriodDurationUnit: PeriodUnit;
}

/** The periodicity after a request (fields absent keep `current`), checked (INFERENCES.plannedChangeScheduleDefaults). */
function checkPeriodicity(
	errors: ResponseError[],
	dto: {
		PeriodicityCount?: number;
		PeriodicityUnit?: string;
		PeriodDurationCount?: number;
		PeriodDurationUnit?: string;
	},
	current: Periodicity,
): Periodicity {
	const unit = (field: 'PeriodicityUnit' | 'PeriodDurationUnit') => {
		const value = dto[field];
		if (value === undefined || value.trim() === '') return current[field];
		return (checkEventEnum(errors, field, value, PERIOD_UNITS) as PeriodUnit) ?? current[field];
	};
	const out: Periodicity = {
		PeriodicityCount: dto.PeriodicityCount ?? current.PeriodicityCount,
		PeriodicityUnit: unit('PeriodicityUnit'),
		PeriodDurationCount: dto.PeriodDurationCount ?? current.PeriodDurationCount,
		PeriodDurationUnit: unit('PeriodDurationUnit'),
	};
	for (const field of ['PeriodicityCount', 'PeriodDurationCount'] as const)
		if (out[field] < 0)
			errors.push(fieldError(field, 'Invalid', `'${name(field)}' must not be negative.`));
	if (
		out.PeriodicityCount > 0 &&
		(out.PeriodicityUnit === 'None' ||
			out.PeriodDurationCount <= 0 ||
			out.PeriodDurationUnit === 'None')
	)
		errors.push(
			fieldError(
				'PeriodicityCount',
				'Invalid',
				'A periodic planned change needs a PeriodicityUnit, a PeriodDurationCount above zero and a PeriodDurationUnit.',
			),
		);
	return out;
}

function checkWindow(
	errors: ResponseError[],
	start: string,
	end: string,
	fields = ['StartTimeUtc', 'EndTimeUtc'],
): void {
	if (Date.parse(end) < Date.parse(start))
		errors.push(
			fieldError(
				fields[1],
				'Invalid',
				`'${name(fields[1])}' must not be before '${name(fields[0])}'.`,
			),
		);
}

const trimmed = (value: string | undefined) =>
	value === undefined || value.trim() === '' ? undefined : value.trim();

function userOf(session: { user: { userName: string } } | undefined): string {
	return session?.user.userName ?? '';
}

// ---------------------------------------------------------------- /plannedChangeInstances

const resolveInstanceField = resolverFor(INSTANCE_FIELDS);

/** INFERENCES.plannedChangeInstanceFilters, plannedChangeInstanceOrder */
export const plannedChangeInstances = route({
	name: '/plannedChangeInstances',
	dtoName: 'GetPlannedChangeInstances',
	request: GetPlannedChangeInstancesRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const now = Date.now();
		const store = hub.store;
		const holder = store.events;
		const errors: ResponseError[] = [];
		const lower = (value: string) => value.trim().toLowerCase();
		const tests: ((instance: PlannedChangeRecord) => boolean)[] = [];
		if (dto.InstanceIds?.length) {
			const ids = new Set(dto.InstanceIds.map(lower));
			tests.push((instance) => ids.has(instance.InstanceId.toLowerCase()));
		}
		if (dto.MemberGroups?.length) {
			const groups = new Set(dto.MemberGroups.map(lower));
			tests.push((instance) =>
				groupsWithInherit(store, instance.MemberGroups).some((group) =>
					groups.has(group.toLowerCase()),
				),
			);
		}
		if (dto.MemberAgentDeviceIds?.length) {
			const ids = new Set(parseAgentDeviceIds(dto.MemberAgentDeviceIds));
			tests.push(
				(instance) =>
					instance.MemberAgentDeviceIds.some((id) => ids.has(id)) ||
					memberDevices(store, instance).some((device) =>
						ids.has(`${device.AgentDevice.AgentId},${device.AgentDevice.DeviceId}`),
					),
			);
		}
		const equalsText = (value: string | undefined, wanted: string) =>
			(value ?? '').trim().toLowerCase() === lower(wanted);
		const description = trimmed(dto.Description);
		if (description) tests.push((instance) => equalsText(instance.Description, description));
		const rulesetName = trimmed(dto.PlannedChangeName);
		if (rulesetName) tests.push((instance) => equalsText(instance.PlannedChangeName, rulesetName));
		const displayName = trimmed(dto.DisplayName);
		if (displayName) tests.push((instance) => equalsText(instance.DisplayName, displayName));
		const fragment = trimmed(dto.DisplayNameContains)?.toLowerCase();
		if (fragment) tests.push((instance) => instance.DisplayName.toLowerCase().includes(fragment));
		if (dto.ExcludeDisabled) tests.push((instance) => !instance.Disabled);
		if (dto.ExcludeOutOfSchedule) tests.push((instance) => isActiveAt(instance, now));
		if (dto.DisallowRules !== undefined)
			tests.push((instance) => rulesetOf(holder, instance).DisallowRules === dto.DisallowRules);
		const from = parseDate(dto.StartDateUtc);
		const to = parseDate(dto.EndDateUtc);
		if (from !== undefined && to !== undefined && from > to)
			errors.push(
				fieldError('EndDateUtc', 'Invalid', "'End Date Utc' must not be before 'Start Date Utc'."),
			);
		if (from !== undefined || to !== undefined)
			tests.push((instance) => overlaps(instance, from ?? -Infinity, to ?? Infinity));
		if (errors.length > 0) throw validationError(errors);

		// Default order: newest start first, ties in creation order (INFERENCES.plannedChangeInstanceOrder).
		const selected = holder.plannedChanges
			.filter((instance) => tests.every((test) => test(instance)))
			.map((instance, index) => ({ instance, index }))
			.sort(
				(a, b) =>
					Date.parse(b.instance.StartTimeUtc) - Date.parse(a.instance.StartTimeUtc) ||
					a.index - b.index,
			)
			.map(({ instance }) => instance);
		const views = new Map(
			selected.map((instance) => [
				instance,
				toInstance(
					store,
					instance,
					rulesetOf(holder, instance),
					now,
					dto.OmitPlannedChangeDefinitions,
				),
			]),
		);
		const read = (instance: PlannedChangeRecord, [field, ...rest]: string[]) =>
			readPath(views.get(instance)?.[field as (typeof INSTANCE_FIELDS)[number]], rest);
		const page = pagedRows(selected, dto, resolveInstanceField, read, hub.settings.takeCap);
		return ok({
			PlannedChangeInstances: page.rows.map((instance) => views.get(instance)),
			Total: page.total,
			Returned: page.rows.length,
			Version: RESPONSE_VERSION,
		});
	},
});

// ---------------------------------------------------------------- /plannedChangeInstances/add

/** INFERENCES.plannedChangeAdd, plannedChangeScheduleDefaults */
export const addPlannedChangeInstance = route({
	name: '/plannedChangeInstances/add',
	dtoName: 'AddPlannedChangeInstance',
	request: AddPlannedChangeInstanceRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto }) => {
		const now = Date.now();
		const store = hub.store;
		const errors: ResponseError[] = [];
		const displayName = trimmed(dto.DisplayName);
		if (!displayName) errors.push(notEmpty('DisplayName'));
		const description = trimmed(dto.Description);
		if (!description) errors.push(notEmpty('Description'));
		const rulesetName = trimmed(dto.PlannedChangeName);
		const ruleset = rulesetName ? findRuleset(store.events, rulesetName) : undefined;
		if (rulesetName && !ruleset)
			errors.push(
				fieldError('PlannedChangeName', 'NotFound', `Planned change '${rulesetName}' not found`),
			);
		const groups = checkGroupNames(errors, store, 'MemberGroups', dto.MemberGroups ?? []);
		const devices = checkDeviceIds(
			errors,
			store,
			'MemberAgentDeviceIds',
			dto.MemberAgentDeviceIds ?? [],
		);
		const start = dateOf(dto.StartTimeUtc, new Date(now).toISOString());
		const end = dateOf(dto.EndTimeUtc, OPEN_END);
		checkWindow(errors, start, end);
		const periodicity = checkPeriodicity(errors, dto, {
			PeriodicityCount: 0,
			PeriodicityUnit: 'None',
			PeriodDurationCount: 0,
			PeriodDurationUnit: 'None',
		});
		if (errors.length > 0) throw validationError(errors);
		const record = createInstance(
			store.events,
			{
				DisplayName: displayName as string,
				Description: description,
				Origin: trimmed(dto.Origin),
				AssignedTo: trimmed(dto.AssignedTo),
				PlannedChangeName: ruleset?.Name,
				StartTimeUtc: start,
				EndTimeUtc: end,
				Disabled: dto.Disabled ?? false,
				DisallowRules: dto.DisallowRules,
				UseAttributeRules: dto.UseAttributeRules ?? false,
				MemberGroups: groups,
				MemberAgentDeviceIds: devices,
				...periodicity,
			},
			now,
		);
		return oneInstance(hub, record, now);
	},
});

// ---------------------------------------------------------------- /plannedChangeInstances/update

/** INFERENCES.plannedChangeUpdate */
export const updatePlannedChangeInstance = route({
	name: '/plannedChangeInstances/update',
	dtoName: 'UpdatePlannedChangeInstance',
	request: UpdatePlannedChangeInstanceRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto }) => {
		const now = Date.now();
		const store = hub.store;
		const instance = requireInstance(hub, dto.InstanceId);
		const errors: ResponseError[] = [];
		if (dto.DisplayName !== undefined && !trimmed(dto.DisplayName))
			errors.push(notEmpty('DisplayName'));
		let ruleset = rulesetOf(store.events, instance);
		if (dto.PlannedChangeName !== undefined) {
			const wanted = trimmed(dto.PlannedChangeName);
			const found = wanted ? findRuleset(store.events, wanted) : undefined;
			if (!wanted) errors.push(notEmpty('PlannedChangeName'));
			else if (!found)
				errors.push(
					fieldError('PlannedChangeName', 'NotFound', `Planned change '${wanted}' not found`),
				);
			else ruleset = found;
		}
		const groups =
			dto.MemberGroups && checkGroupNames(errors, store, 'MemberGroups', dto.MemberGroups);
		const devices =
			dto.MemberAgentDeviceIds &&
			checkDeviceIds(errors, store, 'MemberAgentDeviceIds', dto.MemberAgentDeviceIds);
		const start = dateOf(dto.StartTimeUtc, instance.StartTimeUtc);
		const end = dateOf(dto.EndTimeUtc, instance.EndTimeUtc);
		checkWindow(errors, start, end);
		const periodicity = checkPeriodicity(errors, dto, instance);
		if (errors.length > 0) throw validationError(errors);

		const at = new Date(now).toISOString();
		if (dto.DisplayName !== undefined) instance.DisplayName = dto.DisplayName.trim();
		if (dto.Description !== undefined) instance.Description = trimmed(dto.Description);
		if (dto.AssignedTo !== undefined) instance.AssignedTo = trimmed(dto.AssignedTo);
		instance.PlannedChangeName = ruleset.Name;
		if (groups) instance.MemberGroups = groups;
		if (devices) instance.MemberAgentDeviceIds = devices;
		instance.StartTimeUtc = start;
		instance.EndTimeUtc = end;
		Object.assign(instance, periodicity);
		if (dto.Started !== undefined) instance.Started = dto.Started;
		if (dto.Ended !== undefined) instance.Ended = dto.Ended;
		if (dto.Disabled !== undefined) instance.Disabled = dto.Disabled;
		if (dto.DisallowRules !== undefined && dto.DisallowRules !== ruleset.DisallowRules) {
			ruleset.DisallowRules = dto.DisallowRules;
			ruleset.LastModifiedDateUtc = at;
		}
		instance.LastModifiedDateUtc = at;
		store.events.touch();
		return oneInstance(hub, instance, now);
	},
});

// ---------------------------------------------------------------- members

/** INFERENCES.plannedChangeMembers */
export const addPlannedChangeInstanceMembers = route({
	name: '/plannedChangeInstances/addMembers',
	dtoName: 'AddPlannedChangeInstanceMember',
	request: AddPlannedChangeInstanceMemberRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto }) => {
		const instance = requireInstance(hub, dto.InstanceId);
		const errors: ResponseError[] = [];
		const groups = checkGroupNames(errors, hub.store, 'MemberGroups', dto.MemberGroups ?? []);
		const devices = checkDeviceIds(
			errors,
			hub.store,
			'MemberAgentDeviceIds',
			dto.MemberAgentDeviceIds ?? [],
		);
		if (errors.length > 0) throw validationError(errors);
		const newGroups = groups.filter((group) => !instance.MemberGroups.includes(group));
		const newDevices = devices.filter((id) => !instance.MemberAgentDeviceIds.includes(id));
		if (newGroups.length + newDevices.length > 0) {
			instance.MemberGroups.push(...newGroups);
			instance.MemberAgentDeviceIds.push(...newDevices);
			instance.LastModifiedDateUtc = new Date().toISOString();
			hub.store.events.touch();
		}
		return noContent();
	},
});

/** INFERENCES.plannedChangeMembers: one member per request, as the spec says. */
export const deletePlannedChangeInstanceMember = route({
	name: '/plannedChangeInstances/deleteMember',
	dtoName: 'DeletePlannedChangeInstanceMember',
	request: DeletePlannedChangeInstanceMemberRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto }) => {
		const instance = requireInstance(hub, dto.InstanceId);
		const group = trimmed(dto.GroupName);
		const device = trimmed(dto.AgentDeviceId)?.replace(/\s+/g, '');
		if (!group && !device)
			throw validationError([
				fieldError(
					'GroupName',
					'NotEmpty',
					"Either 'Group Name' or 'Agent Device Id' must be given.",
				),
			]);
		if (group && device)
			throw validationError([
				fieldError(
					'AgentDeviceId',
					'Invalid',
					"Remove one member per request: 'Group Name' or 'Agent Device Id', not both.",
				),
			]);
		const before = instance.MemberGroups.length + instance.MemberAgentDeviceIds.length;
		if (group) {
			const canonical = (hub.store.findGroup(group)?.Name ?? group).toLowerCase();
			instance.MemberGroups = instance.MemberGroups.filter(
				(name) => name.toLowerCase() !== canonical,
			);
		} else
			instance.MemberAgentDeviceIds = instance.MemberAgentDeviceIds.filter((id) => id !== device);
		if (instance.MemberGroups.length + instance.MemberAgentDeviceIds.length !== before) {
			instance.LastModifiedDateUtc = new Date().toISOString();
			hub.store.events.touch();
		}
		return noContent();
	},
});

// ---------------------------------------------------------------- /plannedChangeInstances/delete

/** INFERENCES.plannedChangeDelete */
export const deletePlannedChangeInstance = route({
	name: '/plannedChangeInstances/delete',
	dtoName: 'DeletePlannedChangeInstance',
	request: DeletePlannedChangeInstanceRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto }) => {
		if (!dto.InstanceId?.trim()) throw validationError([notEmpty('InstanceId')]);
		const holder = hub.store.events;
		const instance = findInstance(holder, dto.InstanceId);
		if (!instance) return noContent();
		holder.plannedChanges = holder.plannedChanges.filter((change) => change !== instance);
		const stillUsed = holder.plannedChanges.some(
			(change) => change.PlannedChangeName === instance.PlannedChangeName,
		);
		if (dto.DeletePlannedChange && !stillUsed)
			holder.plannedChangeRulesets = holder.plannedChangeRulesets.filter(
				(ruleset) => ruleset.Name !== instance.PlannedChangeName,
			);
		holder.touch();
		return noContent();
	},
});

// ---------------------------------------------------------------- /plannedChangeInstances/reevaluateEvents

/** INFERENCES.plannedChangeReevaluation */
export const reevaluatePlannedChangeInstanceEvents = route({
	name: '/plannedChangeInstances/reevaluateEvents',
	dtoName: 'AddReEvaluationOfPlannedChangeInstanceEvents',
	request: AddReEvaluationOfPlannedChangeInstanceEventsRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto, session }) => {
		const instance = requireInstance(hub, dto.InstanceId);
		const fromMs = parseDate(dto.EarliestEventTimeUtc) ?? Date.parse(instance.StartTimeUtc);
		const toMs = parseDate(dto.LastEventTimeUtc) ?? Date.parse(instance.EndTimeUtc);
		if (fromMs > toMs)
			throw validationError([
				fieldError(
					'LastEventTimeUtc',
					'Invalid',
					"'Last Event Time Utc' must not be before 'Earliest Event Time Utc'.",
				),
			]);
		const holder = hub.store.events;
		reevaluate(hub.store, holder, instance, holder.events, {
			fromMs,
			toMs,
			manual: dto.PlannedChangeManual,
			userName: userOf(session),
			now: Date.now(),
		});
		return noContent();
	},
});

// ---------------------------------------------------------------- /plannedChangeInstances/addOrUpdateFromEvents

/** A rule built from one event and its options, or undefined when no option asks for a criterion. */
function ruleFromEvent(
	event: EventRecord,
	options: PlannedChangeFilterRuleInferenceOptionsInput,
	operator: string,
): Omit<PlannedChangeRule, 'Id' | 'Order'> | undefined {
	const rule: Omit<PlannedChangeRule, 'Id' | 'Order'> = {
		RuleType: 'Filter',
		Name: `${event.ItemTypeName} ${event.ItemName}`,
		NameMatchCaseSensitive: false,
	};
	if (options.FilterByTracker) rule.TrackerTypeName = event.TrackerTypeName;
	if (options.FilterByItemType) rule.ItemTypeName = event.ItemTypeName;
	if (options.FilterByItemValue) {
		rule.NameMatchText = trimmed(options.ItemValueToMatch) ?? event.ItemName;
		rule.NameMatchOperator = operator;
		rule.NameMatchCaseSensitive = options.ItemValueCaseSensitive ?? false;
	}
	return rule.TrackerTypeName || rule.ItemTypeName || rule.NameMatchText ? rule : undefined;
}

/** INFERENCES.plannedChangeFromEvents */
export const addOrUpdatePlannedChangeInstanceFromEvents = route({
	name: '/plannedChangeInstances/addOrUpdateFromEvents',
	dtoName: 'AddOrUpdatePlannedChangeInstanceFromEvents',
	request: AddOrUpdatePlannedChangeInstanceFromEventsRequest,
	permission: 'DeviceRegister',
	handle: ({ hub, dto, session }) => {
		const now = Date.now();
		const at = new Date(now).toISOString();
		const store = hub.store;
		const holder = store.events;
		const errors: ResponseError[] = [];

		const instanceId = trimmed(dto.InstanceId);
		if (!instanceId) throw validationError([notEmpty('InstanceId')]);
		const existing = findInstance(holder, instanceId);
		if (dto.UpdateExisting && !existing)
			throw notFound(`Planned change instance '${instanceId}' not found`);
		const rulesetName = trimmed(dto.Name);
		if (!dto.UpdateExisting) {
			if (existing)
				errors.push(
					fieldError(
						'InstanceId',
						'AlreadyExists',
						`Planned change instance '${instanceId}' already exists; set UpdateExisting to add to it`,
					),
				);
			if (!rulesetName) errors.push(notEmpty('Name'));
			else if (findRuleset(holder, rulesetName))
				errors.push(
					fieldError('Name', 'AlreadyExists', `Planned change '${rulesetName}' already exists`),
				);
		}
		const groups = checkGroupNames(errors, store, 'MemberGroups', dto.MemberGroups ?? []);
		const devices = checkDeviceIds(
			errors,
			store,
			'MemberAgentDeviceIds',
			dto.MemberAgentDeviceIds ?? [],
		);

		// The events: every RuleBuilderItem's EventIds, and with AllEventsSelected all that EventsQuery selects.
		const selected = new Map<string, EventRecord>();
		const drafts: Omit<PlannedChangeRule, 'Id' | 'Order'>[] = [];
		const unknown: string[] = [];
		(dto.RuleBuilderItems ?? []).forEach((item, index) => {
			const field = `RuleBuilderItems[${index}]`;
			const type = trimmed(item.EventType)
				? checkEventEnum(errors, `${field}.EventType`, item.EventType as string, EVENT_TYPES)
				: 'DeviceEvent';
			const options = item.PlannedChangeFilterRuleInferenceOptions ?? {};
			const operator = trimmed(options.ItemValueTextMatchOperator)
				? checkEventEnum(
						errors,
						`${field}.PlannedChangeFilterRuleInferenceOptions.ItemValueTextMatchOperator`,
						options.ItemValueTextMatchOperator as string,
						NAME_MATCH_OPERATORS,
					)
				: 'Equals';
			if (operator === 'Regex' && options.FilterByItemValue && trimmed(options.ItemValueToMatch))
				try {
					new RegExp(options.ItemValueToMatch as string);
				} catch {
					errors.push(
						fieldError(
							`${field}.PlannedChangeFilterRuleInferenceOptions.ItemValueToMatch`,
							'Invalid',
							`'${options.ItemValueToMatch}' is not a valid regular expression`,
						),
					);
				}
			for (const id of (item.EventIds ?? []).map((value) => value.trim()).filter(Boolean)) {
				const event = holder.find(id);
				if (!event || event.arrivalMs > now || type !== 'DeviceEvent') {
					unknown.push(id);
					continue;
				}
				selected.set(event.Id, event);
				const draft = ruleFromEvent(event, options, operator);
				if (draft) drafts.push(draft);
			}
		});
		if (unknown.length > 0)
			errors.push(
				fieldError('RuleBuilderItems', 'NotFound', `Events not found: ${unknown.join(', ')}`),
			);
		if (dto.AllEventsSelected) {
			if (!dto.EventsQuery) errors.push(notEmpty('EventsQuery'));
			else
				for (const event of eventQueries(store, (filter) =>
					hub.cache.selectDevices({ DeviceFilter: filter }),
				).select(dto.EventsQuery, now))
					selected.set(event.Id, event);
		}
		const reconsiderMs = parseDate(dto.ReconsiderEventsFromUtc);
		const endMs = parseDate(dto.EndDateUtc);
		if (errors.length > 0) throw validationError(errors);

		// The resulting ruleset and instance: copies, so that a preview changes nothing.
		const base = existing ? rulesetOf(holder, existing) : undefined;
		const ruleset: PlannedChangeRulesetRecord = base
			? { ...base, Rules: { ...base.Rules } }
			: emptyRuleset(rulesetName as string, rulesetName as string, at, {
					Origin: trimmed(dto.Origin),
				});
		if (!ruleset.DisallowRules) {
			const key = (rule: Omit<PlannedChangeRule, 'Id' | 'Order'>) =>
				JSON.stringify([
					rule.TrackerTypeName?.toLowerCase(),
					rule.ItemTypeName?.toLowerCase(),
					rule.NameMatchText,
					rule.NameMatchOperator,
					rule.NameMatchCaseSensitive,
				]);
			const known = new Set(Object.values(ruleset.Rules).map(key));
			let next = Math.max(0, ...Object.keys(ruleset.Rules).map((id) => Number(id) || 0)) + 1;
			for (const draft of drafts) {
				if (known.has(key(draft))) continue;
				known.add(key(draft));
				const id = String(next++);
				ruleset.Rules[id] = { ...draft, Id: id, Order: Number(id) };
			}
			if (drafts.length > 0) ruleset.LastModifiedDateUtc = at;
		}
		const dates = [...selected.values()].map((event) => event.dateMs);
		if (reconsiderMs !== undefined) dates.push(reconsiderMs);
		const instance: PlannedChangeRecord = existing
			? {
					...existing,
					MemberGroups: [...new Set([...existing.MemberGroups, ...groups])],
					MemberAgentDeviceIds: [...new Set([...existing.MemberAgentDeviceIds, ...devices])],
					EndTimeUtc: endMs === undefined ? existing.EndTimeUtc : new Date(endMs).toISOString(),
					LastModifiedDateUtc: at,
				}
			: {
					InstanceId: instanceId,
					DisplayName: rulesetName as string,
					Origin: trimmed(dto.Origin),
					PlannedChangeName: ruleset.Name,
					StartTimeUtc: new Date(dates.length > 0 ? Math.min(...dates) : now).toISOString(),
					EndTimeUtc: endMs === undefined ? OPEN_END : new Date(endMs).toISOString(),
					Disabled: false,
					UseAttributeRules: false,
					MemberGroups: groups,
					// Without members, the devices of the selected events.
					MemberAgentDeviceIds:
						groups.length + devices.length > 0
							? devices
							: [...new Set([...selected.values()].map((event) => event.agentDeviceId))],
					PeriodicityCount: 0,
					PeriodicityUnit: 'None',
					PeriodDurationCount: 0,
					PeriodDurationUnit: 'None',
					CreationDateUtc: at,
					LastModifiedDateUtc: at,
				};
		checkWindow(errors, instance.StartTimeUtc, instance.EndTimeUtc, ['StartTimeUtc', 'EndDateUtc']);
		if (errors.length > 0) throw validationError(errors);

		if (!dto.PreviewOnly) {
			let target = instance;
			if (existing && base) {
				Object.assign(base, ruleset);
				Object.assign(existing, instance);
				target = existing;
			} else {
				holder.plannedChangeRulesets.push(ruleset);
				holder.plannedChanges.push(instance);
			}
			const by = userOf(session) ? ` by ${userOf(session)}` : '';
			for (const event of selected.values())
				attachEvent(
					event,
					target,
					true,
					at,
					`Added to planned change '${target.DisplayName}'${by}`,
				);
			if (reconsiderMs !== undefined)
				reevaluate(store, holder, target, holder.events, {
					fromMs: reconsiderMs,
					toMs: Date.parse(target.EndTimeUtc),
					userName: userOf(session),
					now,
				});
			holder.touch();
		}
		return ok({
			IsPreview: dto.PreviewOnly ?? false,
			PlannedChange: toDefinition(ruleset),
			PlannedChangeInstance: toInstance(store, instance, ruleset, now),
		});
	},
});

// ---------------------------------------------------------------- /plannedChanges

const RULESET_FIELDS = [
	'Version',
	'Name',
	'DisplayName',
	'Description',
	'Origin',
	'CreationDateUtc',
	'LastModifiedDateUtc',
	'DisallowRules',
	'Rules',
	'RuleCombinationOperator',
] as const;
const resolveRulesetField = resolverFor(RULESET_FIELDS);

/** INFERENCES.plannedChangeRulesetList */
export const plannedChanges = route({
	name: '/plannedChanges',
	dtoName: 'GetPlannedChanges',
	request: GetPlannedChangesRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const lower = (value: string | undefined) => (value ?? '').trim().toLowerCase();
		const rulesetName = trimmed(dto.Name);
		const displayName = trimmed(dto.DisplayName);
		const fragment = trimmed(dto.DisplayNameContains)?.toLowerCase();
		const selected = hub.store.events.plannedChangeRulesets
			.filter(
				(ruleset) =>
					(!rulesetName || lower(ruleset.Name) === lower(rulesetName)) &&
					(!displayName || lower(ruleset.DisplayName) === lower(displayName)) &&
					(!fragment || ruleset.DisplayName.toLowerCase().includes(fragment)) &&
					(dto.DisallowRules === undefined || ruleset.DisallowRules === dto.DisallowRules),
			)
			.map((ruleset, index) => ({ ruleset, index }))
			// Default order: by display name (a dropdown's order), ties in creation order.
			.sort(
				(a, b) =>
					a.ruleset.DisplayName.toLowerCase().localeCompare(b.ruleset.DisplayName.toLowerCase()) ||
					a.index - b.index,
			)
			.map(({ ruleset }) => ruleset);
		const views = new Map(selected.map((ruleset) => [ruleset, toDefinition(ruleset)]));
		const read = (ruleset: PlannedChangeRulesetRecord, [field, ...rest]: string[]) =>
			readPath(views.get(ruleset)?.[field as (typeof RULESET_FIELDS)[number]], rest);
		const page = pagedRows(selected, dto, resolveRulesetField, read, hub.settings.takeCap);
		return ok({
			PlannedChanges: page.rows.map((ruleset) => views.get(ruleset)),
			Total: page.total,
			Returned: page.rows.length,
			Version: RESPONSE_VERSION,
		});
	},
});

// ---------------------------------------------------------------- /stats/plannedChanges

const SUMMARY_FIELDS = [
	'Version',
	'Name',
	'PlannedChangeId',
	'Closure',
	'DevicesInPlannedChange',
	'StartTimeUtc',
	'EndTimeUtc',
	'GroupsInPlannedChange',
] as const;
const resolveSummaryField = resolverFor(SUMMARY_FIELDS);

/** INFERENCES.plannedChangeStats */
export const statsPlannedChanges = route({
	name: '/stats/plannedChanges',
	paths: ['/stats/plannedChanges/hours/{PeriodHours}'],
	dtoName: 'GetCurrentPlannedChanges',
	request: GetCurrentPlannedChangesRequest,
	permission: 'DeviceView',
	handle: ({ hub, dto }) => {
		const now = Date.now();
		const store = hub.store;
		const hours = (dto.PeriodHours ?? 0) > 0 ? (dto.PeriodHours as number) : 24;
		const filter = dto.DeviceFilter;
		const filtered =
			filter &&
			Object.values(filter).some(
				(value) => value !== undefined && !(Array.isArray(value) && value.length === 0),
			);
		const wanted = filtered
			? new Set(hub.cache.selectDevices({ DeviceFilter: filter }))
			: undefined;
		const rows = store.events.plannedChanges
			.filter(
				(instance) =>
					!instance.Disabled && overlaps(instance, now - hours * HOUR, now + hours * HOUR),
			)
			.map((instance, index) => {
				const devices = memberDevices(store, instance);
				return {
					index,
					keep: !wanted || devices.some((device) => wanted.has(device)),
					summary: {
						Version: RESPONSE_VERSION,
						Name: instance.DisplayName,
						PlannedChangeId: instance.InstanceId,
						Closure: isActiveAt(instance, now)
							? 'Open'
							: now < Date.parse(instance.StartTimeUtc)
								? 'Scheduled'
								: 'Closed',
						DevicesInPlannedChange: devices.length,
						StartTimeUtc: instance.StartTimeUtc,
						EndTimeUtc: instance.EndTimeUtc,
						GroupsInPlannedChange: instance.MemberGroups.length,
					} as Record<(typeof SUMMARY_FIELDS)[number], unknown>,
				};
			})
			.filter((row) => row.keep)
			// Default order: soonest start first, ties in creation order.
			.sort(
				(a, b) =>
					Date.parse(a.summary.StartTimeUtc as string) -
						Date.parse(b.summary.StartTimeUtc as string) || a.index - b.index,
			)
			.map((row) => row.summary);
		const read = (row: (typeof rows)[number], [field, ...rest]: string[]) =>
			readPath(row[field as (typeof SUMMARY_FIELDS)[number]], rest);
		const page = pagedRows(rows, dto, resolveSummaryField, read, hub.settings.takeCap);
		return ok({ PlannedChanges: page.rows, Version: RESPONSE_VERSION });
	},
});
