/** Which planned change and which members an item names, read from its parameters, and the item it outputs. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	booleanValue,
	InputError,
	quote,
	requiredText,
} from '../../../../shared/parameters/inputValues';
import { lookUpPlannedChangeInstances } from '../../../../shared/transport/plannedChanges';
import type { HubPlannedChangeInstance } from '../../../../shared/transport/schemas';
import { rawPlannedChange, simplifyPlannedChange } from '../../../helpers/plannedChangeInput';
import {
	readMembers,
	requireSomeMembers,
	splitByMembership,
	type MemberIds,
} from '../../memberTargets';
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

/** The members an Add or Remove Members item names, split by whether the planned change already has them. */
export interface MemberChange {
	simplify: boolean;
	existing: HubPlannedChangeInstance;
	present: MemberIds;
	absent: MemberIds;
}

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
	requireSomeMembers(members, verb);
	const existing = await readInstance(hub, instanceId, itemIndex);
	return {
		simplify,
		existing,
		...splitByMembership(members, {
			devices: existing.MemberAgentDeviceIds,
			groups: existing.MemberGroups,
		}),
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
