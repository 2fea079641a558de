/**
 * Add Members and Remove Members: they read the group, the members given and who is a member now, then send only
 * what changes membership (one request, or none).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { hubTag } from '../../../shared/helpers/hubTag';
import { InputError, quote } from '../../../shared/parameters/inputValues';
import { changeGroupMembers, readGroupMembers } from '../../../shared/transport/groups';
import { groupField } from '../../descriptions/groupFields.description';
import {
	memberDeviceListField,
	memberDevicesField,
	memberGroupsFieldOf,
} from '../../descriptions/memberFields.description';
import type { GroupRef } from '../../helpers/groupOutput';
import {
	readMembers,
	requireSomeMembers,
	splitByMembership,
	type MemberIds,
	type Members,
} from '../memberTargets';
import type { HubRunContext, OperationExecute } from '../node.type';
import { processItems } from '../processItems';
import { groupNameOf, readGroup } from './groupTargets';

const CHILD_GROUPS = 'Child Groups';

interface GroupMemberChange {
	group: GroupRef;
	members: Members;
	present: MemberIds;
	absent: MemberIds;
}

/**
 * Reads an Add or Remove Members item: the group, the devices and child groups (at least one; every one known to
 * the Hub), and which of them the group has now (its direct members, every page of /groupMembers).
 */
async function readGroupMemberChange(
	context: IExecuteFunctions,
	hub: HubRunContext,
	itemIndex: number,
	verb: 'add' | 'remove',
): Promise<GroupMemberChange> {
	const group = await readGroup(context, hub, itemIndex, 'Group');
	// A soft-deleted device is still listed as a member (INFERENCES.groupMembersList): it can be taken out.
	const members = await readMembers(context, hub, itemIndex, {
		groupsLabel: CHILD_GROUPS,
		includeDeleted: verb === 'remove',
	});
	requireSomeMembers(members, verb, 'child groups');
	if (members.groups.some((name) => name.toLowerCase() === group.id.toLowerCase()))
		throw new InputError(
			CHILD_GROUPS,
			`${quote(group.name)} is the group itself`,
			'A group cannot be a member of itself: remove it from Child Groups',
		);
	const current = await readGroupMembers(hub.client, group.id, itemIndex);
	return { group, members, ...splitByMembership(members, current) };
}

/** Members as output: `{ memberType, memberId, memberName }` with the names the item resolved. */
async function describeMembers(
	hub: HubRunContext,
	change: GroupMemberChange,
	ids: MemberIds,
): Promise<IDataObject[]> {
	const deviceNames = new Map(
		change.members.devices.map((device) => [device.agentDeviceId, device.name]),
	);
	return [
		...ids.devices.map((id) => ({
			memberType: 'device',
			memberId: id,
			memberName: deviceNames.get(id) ?? id,
		})),
		...(await Promise.all(
			ids.groups.map(async (id) => ({
				memberType: 'group',
				memberId: id,
				memberName: await groupNameOf(hub.reference, id),
			})),
		)),
	];
}

/** The fields of Add Members (`add`) or Remove Members (`remove`). */
export function memberChangeProperties(verb: 'add' | 'remove'): INodeProperties[] {
	const adding = verb === 'add';
	return [
		groupField(
			'Group Name or ID',
			adding ? 'The group to add the members to' : 'The group to remove the members from',
		),
		memberDevicesField(adding ? 'Devices to add' : 'Devices to remove'),
		memberDeviceListField,
		memberGroupsFieldOf(
			'Child Group Names or IDs',
			adding
				? 'Groups to place under the group.'
				: 'Child groups to take out of the group (one left with no parent goes back under All Devices).',
		),
		operationOptions(),
	];
}

/**
 * Adds the members the group does not have yet (`add`), or removes those it has (`remove`), in one request; the
 * others are success and are not sent, and when there is nothing to change nothing is sent. The output says what
 * changed: added/alreadyMembers and alreadyMember (nothing added), or removed/notMembers and wasMember (something
 * removed).
 */
export function memberChangeExecute(verb: 'add' | 'remove'): OperationExecute {
	return async function (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		hub: HubRunContext,
	): Promise<INodeExecutionData[]> {
		return await processItems(this, items, async (itemIndex) => {
			const change = await readGroupMemberChange(this, hub, itemIndex, verb);
			const adding = verb === 'add';
			const changing = adding ? change.absent : change.present;
			const unchanged = adding ? change.present : change.absent;
			await changeGroupMembers(
				hub.client,
				adding ? 'add' : 'delete',
				{ groupName: change.group.id, ...changing },
				itemIndex,
			);
			const changed = await describeMembers(hub, change, changing);
			const fields: IDataObject = adding
				? {
						changed: changed.length > 0,
						alreadyMember: changed.length === 0,
						added: changed,
						alreadyMembers: await describeMembers(hub, change, unchanged),
					}
				: {
						changed: changed.length > 0,
						wasMember: changed.length > 0,
						removed: changed,
						notMembers: await describeMembers(hub, change, unchanged),
					};
			return {
				...hubTag(hub.client.hubLabel),
				groupId: change.group.id,
				groupName: change.group.name,
				...fields,
			};
		});
	};
}
