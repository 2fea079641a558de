/** Which planned change and which members an item names, read from its parameters, and the item it outputs. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveGroupField } from '../../../../shared/agents/groupNames';
import {
	resolveAgentDevices,
	type ResolvedDevice,
} from '../../../../shared/agents/resolveAgentDevices';
import {
	booleanValue,
	InputError,
	quote,
	requiredText,
	toList,
} from '../../../../shared/parameters/inputValues';
import { lookUpPlannedChangeInstances } from '../../../../shared/transport/plannedChanges';
import type { HubPlannedChangeInstance } from '../../../../shared/transport/schemas';
import {
	rawPlannedChange,
	readDeviceEntries,
	simplifyPlannedChange,
} from '../../../helpers/plannedChangeInput';
import type { HubRunContext } from '../../node.type';

export const PLANNED_CHANGE_FIELD = 'Planned Change';

/** How many instances one lookup by id reads: the one asked for, and room for a Hub that ignores the filter. */
const LOOKUP_WINDOW = 20;

/** The Instance ID the Planned Change locator gives. */
export function instanceIdOf(context: IExecuteFunctions, itemIndex: number): string {
	const locator = context.getNodeParameter('plannedChange', itemIndex) as
		| { value?: unknown }
		| string
		| undefined;
	const value = typeof locator === 'object' && locator !== null ? locator.value : locator;
	return requiredText(value, PLANNED_CHANGE_FIELD);
}

/**
 * The instance with this id, or an error naming the field: only a record whose InstanceId is the one asked for
 * counts, whatever else the Hub answered, so a write never targets another planned change.
 */
export async function readInstance(
	{ client }: HubRunContext,
	instanceId: string,
	itemIndex: number,
	omitDefinition = true,
): Promise<HubPlannedChangeInstance> {
	const answered = await lookUpPlannedChangeInstances(
		client,
		{ InstanceIds: [instanceId], OmitPlannedChangeDefinitions: omitDefinition },
		LOOKUP_WINDOW,
		itemIndex,
	);
	const instance = answered.find(
		(candidate) => candidate.InstanceId.toLowerCase() === instanceId.toLowerCase(),
	);
	if (!instance)
		throw new InputError(
			PLANNED_CHANGE_FIELD,
			`the Hub has no planned change with ID ${quote(instanceId)}`,
			'Check the ID, or pick the planned change from the list',
		);
	return instance;
}

export interface Members {
	devices: ResolvedDevice[];
	groups: string[];
}

/** The Devices, Device Names or IDs (List) and Group Names or IDs of an item, checked against the Hub. */
export async function readMembers(
	context: IExecuteFunctions,
	{ client, reference }: HubRunContext,
	itemIndex: number,
): Promise<Members> {
	const entries = readDeviceEntries(
		context.getNodeParameter('memberDevices', itemIndex, {}),
		context.getNodeParameter('memberDeviceList', itemIndex, ''),
		'Devices',
	);
	const groupEntries = toList(context.getNodeParameter('memberGroups', itemIndex, []), 'Groups');
	const groups = await resolveGroupField(reference, groupEntries, 'Groups');
	const devices = await resolveAgentDevices(client, entries, 'Devices', itemIndex);
	return { devices, groups };
}

/** The members an Add or Remove Members item names, split by whether the planned change already has them. */
export interface MemberChange {
	simplify: boolean;
	existing: HubPlannedChangeInstance;
	present: { devices: string[]; groups: string[] };
	absent: { devices: string[]; groups: string[] };
}

const includes = (list: string[] | null | undefined, value: string) =>
	(list ?? []).some((entry) => entry.toLowerCase() === value.toLowerCase());

/** Reads an Add or Remove Members item: the planned change, the members (at least one), who is already a member. */
export async function readMemberChange(
	context: IExecuteFunctions,
	hub: HubRunContext,
	itemIndex: number,
	verb: 'add' | 'remove',
): Promise<MemberChange> {
	const instanceId = instanceIdOf(context, itemIndex);
	const simplify = booleanValue(context.getNodeParameter('simplify', itemIndex, true), 'Simplify');
	const members = await readMembers(context, hub, itemIndex);
	if (members.devices.length === 0 && members.groups.length === 0)
		throw new InputError(
			'Devices',
			'no device or group is given',
			`Add the devices or groups to ${verb}`,
		);
	const existing = await readInstance(hub, instanceId, itemIndex);
	const devices = members.devices.map((device) => device.agentDeviceId);
	const isDevice = (id: string) => includes(existing.MemberAgentDeviceIds, id);
	const isGroup = (name: string) => includes(existing.MemberGroups, name);
	return {
		simplify,
		existing,
		present: { devices: devices.filter(isDevice), groups: members.groups.filter(isGroup) },
		absent: {
			devices: devices.filter((id) => !isDevice(id)),
			groups: members.groups.filter((name) => !isGroup(name)),
		},
	};
}

/** An instance as output: simplified or the Hub's record, with the operation's own fields added. */
export function outputOf(
	instance: HubPlannedChangeInstance,
	simplify: boolean,
	hubLabel: string,
	extra: IDataObject = {},
): IDataObject {
	const base = simplify
		? simplifyPlannedChange(instance, hubLabel, Date.now())
		: rawPlannedChange(instance, hubLabel);
	return { ...base, ...extra };
}
