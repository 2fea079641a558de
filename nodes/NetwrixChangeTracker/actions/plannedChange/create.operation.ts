import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, sleep, updateDisplayOptions } from 'n8n-workflow';

import { hubDate, optionalDate } from '../../../shared/parameters/dateValues';
import {
	InputError,
	booleanValue,
	oneOf,
	optionalText,
	quote,
	requiredText,
} from '../../../shared/parameters/inputValues';
import {
	addPlannedChangeInstance,
	fetchPlannedChangeRulesets,
	lookUpPlannedChangeInstances,
	updatePlannedChangeInstance,
} from '../../../shared/transport/plannedChanges';
import type { HubPlannedChangeInstance } from '../../../shared/transport/schemas';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { ifExistsChoices, simplifyField } from '../../descriptions/common.description';
import {
	memberDeviceListField,
	memberDevicesField,
	memberGroupsField,
} from '../../descriptions/memberFields.description';
import { OPEN_END_MS, readSchedule, SCHEDULE_ENDS } from '../../helpers/plannedChangeInput';
import { appliedNote } from '../appliedWrite';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { readMembers, type Members } from '../memberTargets';
import { outputOf } from './targets/plannedChangeTargets';

export const IF_EXISTS = ['error', 'skip', 'update'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Display Name',
		name: 'displayName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CHG0040100 - Patch the web tier',
		description:
			'Put the change request number first: the Hub has no ticket field, and Get Many finds it with Display Name Contains. With Origin it identifies the planned change for If It Exists.',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 2 },
		description: 'What the change request is for (the Hub requires it)',
	},
	{
		displayName: 'Origin',
		name: 'origin',
		type: 'string',
		default: 'n8n',
		placeholder: 'e.g. servicenow-prod',
		description:
			'Where the change request comes from, e.g. the ITSM instance. The Hub UI writes "Interactive".',
	},
	{
		displayName: 'Assigned To',
		name: 'assignedTo',
		type: 'string',
		default: '',
		placeholder: 'e.g. Priya Patel',
		description: 'Who implements the change',
	},
	{
		displayName: 'Start',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		description:
			"When the change window opens; empty: now. Text without an offset is read in the workflow's time zone.",
	},
	{
		displayName: 'End By',
		name: 'scheduleEnd',
		type: 'options',
		options: [
			{ name: 'End Time', value: 'endTime' },
			{ name: 'Duration', value: 'duration', description: 'A number of hours from Start' },
			{ name: 'Open-Ended', value: 'openEnded', description: 'No end: use End Now when it closes' },
		],
		default: 'endTime',
	},
	{
		displayName: 'End',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		description: 'When the change window closes; not before Start',
		displayOptions: { show: { scheduleEnd: ['endTime'] } },
	},
	{
		displayName: 'Duration (Hours)',
		name: 'durationHours',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 2,
		displayOptions: { show: { scheduleEnd: ['duration'] } },
	},
	memberDevicesField('Devices the change request covers (its configuration items)'),
	memberDeviceListField,
	memberGroupsField,
	{
		displayName: 'If It Exists',
		name: 'ifExists',
		type: 'options',
		options: ifExistsChoices('planned change', {
			name: 'Update',
			value: 'update',
			description:
				'Change what differs: description, assigned to, start, end, members (replaced by those given, when any are), ruleset, Disallow Rules, Disabled',
		}),
		default: 'skip',
		description:
			'What to do when a planned change with this Display Name and Origin (any case) exists. ITSM webhooks can fire more than once: Skip or Update never create a second one.',
	},
	simplifyField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Disabled',
				name: 'disabled',
				type: 'boolean',
				default: false,
				description: 'Whether the planned change is created disabled: it files no events',
			},
			{
				displayName: 'Disallow Rules',
				name: 'disallowRules',
				type: 'boolean',
				default: false,
				description:
					'Whether the ruleset only holds events filed by hand (Approve Events): the planned change files no events by itself',
			},
			{
				displayName: 'Ruleset Name or ID',
				name: 'ruleset',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPlannedChangeRulesets' },
				default: '',
				description:
					'An existing ruleset: which kinds of change are planned. None: a new empty ruleset, which plans every change of the members in the window. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	operationOptions(),
];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** How many planned changes one name lookup reads. */
const LOOKUP_WINDOW = 50;

/** Attempts of the add when the Hub answers 429 or 503 and the planned change is not there afterwards. */
const ADD_ATTEMPTS = 3;

interface Wanted {
	displayName: string;
	description: string;
	origin?: string;
	assignedTo?: string;
	start?: number;
	end?: number;
	openEnded: boolean;
	members: Members;
	membersGiven: boolean;
	ruleset?: string;
	disallowRules?: boolean;
	disabled?: boolean;
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
	(a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

const sameSet = (a: string[], b: string[]) =>
	a.length === b.length && a.every((value) => b.some((other) => same(value, other)));

const sameInstant = (text: string | null | undefined, instant: number) =>
	Date.parse(text ?? '') === instant;

function addBody(wanted: Wanted): IDataObject {
	const body: IDataObject = { DisplayName: wanted.displayName, Description: wanted.description };
	if (wanted.origin) body.Origin = wanted.origin;
	if (wanted.assignedTo) body.AssignedTo = wanted.assignedTo;
	if (wanted.start !== undefined) body.StartTimeUtc = hubDate(wanted.start);
	if (wanted.end !== undefined) body.EndTimeUtc = hubDate(wanted.end);
	if (wanted.members.groups.length) body.MemberGroups = wanted.members.groups;
	if (wanted.members.devices.length)
		body.MemberAgentDeviceIds = wanted.members.devices.map((device) => device.agentDeviceId);
	if (wanted.ruleset) body.PlannedChangeName = wanted.ruleset;
	if (wanted.disallowRules !== undefined) body.DisallowRules = wanted.disallowRules;
	if (wanted.disabled !== undefined) body.Disabled = wanted.disabled;
	return body;
}

/** The update that makes `existing` what was asked for: only the fields that differ. */
function changesOf(existing: HubPlannedChangeInstance, wanted: Wanted): IDataObject {
	const body: IDataObject = {};
	if (!same(existing.Description, wanted.description)) body.Description = wanted.description;
	if (wanted.assignedTo !== undefined && !same(existing.AssignedTo, wanted.assignedTo))
		body.AssignedTo = wanted.assignedTo;
	if (wanted.start !== undefined && !sameInstant(existing.StartTimeUtc, wanted.start))
		body.StartTimeUtc = hubDate(wanted.start);
	const end = wanted.openEnded ? OPEN_END_MS : wanted.end;
	if (end !== undefined && !sameInstant(existing.EndTimeUtc, end)) body.EndTimeUtc = hubDate(end);
	if (wanted.membersGiven) {
		const groups = wanted.members.groups;
		const devices = wanted.members.devices.map((device) => device.agentDeviceId);
		if (!sameSet(existing.MemberGroups ?? [], groups)) body.MemberGroups = groups;
		if (!sameSet(existing.MemberAgentDeviceIds ?? [], devices)) body.MemberAgentDeviceIds = devices;
	}
	if (wanted.ruleset && !same(existing.PlannedChangeName, wanted.ruleset))
		body.PlannedChangeName = wanted.ruleset;
	if (
		wanted.disallowRules !== undefined &&
		(existing.DisallowRules === true) !== wanted.disallowRules
	)
		body.DisallowRules = wanted.disallowRules;
	if (wanted.disabled !== undefined && (existing.Disabled === true) !== wanted.disabled)
		body.Disabled = wanted.disabled;
	return body;
}

/** Whether an instance the Hub has is the one `wanted` describes (after a lost answer). */
function matches(instance: HubPlannedChangeInstance, wanted: Wanted): boolean {
	return Object.keys(changesOf(instance, { ...wanted, membersGiven: true })).length === 0;
}

const FIELD_NAMES: Record<string, string> = {
	Description: 'description',
	AssignedTo: 'assignedTo',
	StartTimeUtc: 'start',
	EndTimeUtc: 'end',
	MemberGroups: 'memberGroups',
	MemberAgentDeviceIds: 'memberDevices',
	PlannedChangeName: 'ruleset',
	DisallowRules: 'disallowRules',
	Disabled: 'disabled',
};

/** Planned changes with this Display Name and Origin (both ignoring case; no Origin matches an empty one). */
async function findExisting(
	hub: HubRunContext,
	wanted: Wanted,
	itemIndex: number,
): Promise<HubPlannedChangeInstance[]> {
	const answered = await lookUpPlannedChangeInstances(
		hub.client,
		{ DisplayName: wanted.displayName, OmitPlannedChangeDefinitions: true },
		LOOKUP_WINDOW,
		itemIndex,
	);
	return answered.filter(
		(instance) =>
			same(instance.DisplayName, wanted.displayName) && same(instance.Origin, wanted.origin),
	);
}

async function checkRuleset(hub: HubRunContext, value: string | undefined) {
	if (value === undefined) return undefined;
	const rulesets = await fetchPlannedChangeRulesets(hub.client);
	const found =
		rulesets.find((ruleset) => same(ruleset.Name, value)) ??
		rulesets.find((ruleset) => same(ruleset.DisplayName, value));
	if (!found)
		throw new InputError(
			'Ruleset',
			`the Hub has no ruleset ${quote(value)}`,
			'Choose a ruleset from the list, or leave it empty for a new empty ruleset',
		);
	return found.Name;
}

/**
 * Sends the add once; when the Hub answers 429 or 503 (or the connection drops) looks whether the planned change is
 * there now: one that was not there before and matches what was sent was created by this run (an answer was lost);
 * none means nothing was applied, and a 429 or 503 is sent again.
 */
async function addOnce(
	hub: HubRunContext,
	wanted: Wanted,
	itemIndex: number,
): Promise<{ instance: HubPlannedChangeInstance; note?: string }> {
	const body = addBody(wanted);
	for (let attempt = 1; ; attempt++) {
		let failure: unknown;
		try {
			const instance = await addPlannedChangeInstance(hub.client, body, itemIndex);
			if (instance) return { instance };
			failure = new InputError(
				'Display Name',
				'the Hub answered the add without the new planned change',
				'Look it up with Get Many before running again',
			);
		} catch (error) {
			failure = error;
		}
		const status = failure instanceof NodeApiError ? failure.httpCode : undefined;
		const maybeApplied = !(failure instanceof NodeApiError) || status === '429' || status === '503';
		if (!maybeApplied) throw failure;
		const now = (await findExisting(hub, wanted, itemIndex)).filter((instance) =>
			matches(instance, wanted),
		);
		if (now.length === 1) return { instance: now[0], note: appliedNote('planned change') };
		const retryable = status === '429' || status === '503';
		if (now.length > 1 || !retryable || attempt >= ADD_ATTEMPTS) throw failure;
		await sleep(500 * attempt);
	}
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	const timeZone = this.getTimezone();
	return await processItems(this, items, async (itemIndex) => {
		const displayName = requiredText(
			this.getNodeParameter('displayName', itemIndex),
			'Display Name',
		);
		const descriptionText = requiredText(
			this.getNodeParameter('description', itemIndex),
			'Description',
		);
		const origin = optionalText(this.getNodeParameter('origin', itemIndex, 'n8n'), 'Origin');
		const assignedTo = optionalText(
			this.getNodeParameter('assignedTo', itemIndex, ''),
			'Assigned To',
		);
		const start = optionalDate(
			this.getNodeParameter('startTime', itemIndex, ''),
			'Start',
			timeZone,
		);
		const scheduleEnd = oneOf(
			this.getNodeParameter('scheduleEnd', itemIndex, 'endTime'),
			'End By',
			SCHEDULE_ENDS,
		);
		const schedule = readSchedule(
			{
				start,
				scheduleEnd,
				end:
					scheduleEnd === 'endTime'
						? optionalDate(this.getNodeParameter('endTime', itemIndex, ''), 'End', timeZone)
						: undefined,
				durationHours:
					scheduleEnd === 'duration'
						? Number(this.getNodeParameter('durationHours', itemIndex, 2))
						: undefined,
			},
			Date.now(),
		);
		const ifExists = oneOf(
			this.getNodeParameter('ifExists', itemIndex, 'skip'),
			'If It Exists',
			IF_EXISTS,
		);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

		// Everything is checked before the first write: an unknown device, group or ruleset writes nothing.
		const members = await readMembers(this, hub, itemIndex);
		const wanted: Wanted = {
			displayName,
			description: descriptionText,
			origin,
			assignedTo,
			start: schedule.start,
			end: schedule.end,
			openEnded: scheduleEnd === 'openEnded',
			members,
			membersGiven: members.devices.length > 0 || members.groups.length > 0,
			ruleset: await checkRuleset(hub, optionalText(additional.ruleset, 'Ruleset')),
			disallowRules:
				additional.disallowRules === undefined
					? undefined
					: booleanValue(additional.disallowRules, 'Disallow Rules'),
			disabled:
				additional.disabled === undefined
					? undefined
					: booleanValue(additional.disabled, 'Disabled'),
		};

		const existing = await findExisting(hub, wanted, itemIndex);
		if (existing.length > 1)
			throw new InputError(
				'Display Name',
				`${existing.length} planned changes are named ${quote(displayName)} with Origin ${quote(origin ?? '')} (${existing.map((instance) => instance.InstanceId).join(', ')})`,
				'Delete the extra ones, or work on one of them by ID with Update',
			);
		const found = existing[0];
		if (found === undefined) {
			const { instance, note } = await addOnce(hub, wanted, itemIndex);
			return outputOf(instance, simplify, hub.client.hubLabel, {
				[simplify ? 'result' : 'Result']: 'created',
				...(note && { [simplify ? 'note' : 'Note']: note }),
			});
		}
		if (ifExists === 'error')
			throw new InputError(
				'Display Name',
				`a planned change named ${quote(displayName)} with Origin ${quote(origin ?? '')} already exists (${found.InstanceId})`,
				'Set If It Exists to Skip or Update to run this again without creating a second one',
			);
		if (ifExists === 'skip')
			return outputOf(found, simplify, hub.client.hubLabel, {
				[simplify ? 'result' : 'Result']: 'existing',
			});
		const changes = changesOf(found, wanted);
		const changedFields = Object.keys(changes).map((key) => FIELD_NAMES[key] ?? key);
		if (changedFields.length === 0)
			return outputOf(found, simplify, hub.client.hubLabel, {
				[simplify ? 'result' : 'Result']: 'unchanged',
			});
		const updated = await updatePlannedChangeInstance(
			hub.client,
			{ InstanceId: found.InstanceId, ...changes },
			itemIndex,
		);
		return outputOf(updated ?? found, simplify, hub.client.hubLabel, {
			[simplify ? 'result' : 'Result']: 'updated',
			[simplify ? 'changedFields' : 'ChangedFields']: changedFields,
		});
	});
}
