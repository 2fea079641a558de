import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deviceNamesOf } from '../../../shared/agents/deviceNames';
import { pagingOptionFields } from '../../../shared/descriptions/paging.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { booleanValue, oneOf } from '../../../shared/parameters/inputValues';
import {
	limitParameter,
	pageConcurrencyOption,
	pageSizeOption,
} from '../../../shared/parameters/pageOptions';
import { walkGroupMembers, type CheckedMember } from '../../../shared/transport/groups';
import { limitField, returnAllField, simplifyField } from '../../descriptions/common.description';
import { groupField } from '../../descriptions/groupFields.description';
import { rawRecord } from '../../../shared/helpers/hubTag';
import { memberItem, type GroupRef } from '../../helpers/groupOutput';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { groupNameOf, readGroup } from './groupTargets';

const MEMBER_TYPES = { all: undefined, device: 'AgentDevice', group: 'Group' } as const;

const properties: INodeProperties[] = [
	groupField('Group Name or ID', 'The group whose direct members to list'),
	{
		displayName: 'Member Type',
		name: 'memberType',
		type: 'options',
		options: [
			{ name: 'All', value: 'all', description: 'Devices and child groups' },
			{ name: 'Devices', value: 'device' },
			{ name: 'Child Groups', value: 'group' },
		],
		default: 'all',
	},
	returnAllField,
	{ ...limitField, description: 'Max number of members to return' },
	simplifyField,
	operationOptions(...pagingOptionFields('members')),
];

const displayOptions = { show: { resource: ['group'], operation: ['getMembers'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** A page of members as flat items: devices with their names from /agentsRanked, child groups with theirs. */
async function simplifyPage(
	hub: HubRunContext,
	group: GroupRef,
	members: CheckedMember[],
	itemIndex: number,
): Promise<IDataObject[]> {
	const deviceIds = members.flatMap((member) =>
		member.kind === 'device' ? [member.agentDeviceId] : [],
	);
	const names = await deviceNamesOf(hub.client, deviceIds, itemIndex);
	const { hubLabel } = hub.client;
	return await Promise.all(
		members.map(async (member) =>
			member.kind === 'device'
				? memberItem(
						group,
						{
							type: 'device',
							id: member.agentDeviceId,
							name: names.get(member.agentDeviceId) ?? null,
						},
						hubLabel,
					)
				: memberItem(
						group,
						{ type: 'group', id: member.name, name: await groupNameOf(hub.reference, member.name) },
						hubLabel,
					),
		),
	);
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const group = await readGroup(this, hub, itemIndex, 'Group');
		const memberType = oneOf(
			this.getNodeParameter('memberType', itemIndex, 'all'),
			'Member Type',
			Object.keys(MEMBER_TYPES) as Array<keyof typeof MEMBER_TYPES>,
		);
		const returnAll = booleanValue(this.getNodeParameter('returnAll', itemIndex), 'Return All');
		const limit = returnAll
			? undefined
			: limitParameter(this.getNodeParameter('limit', itemIndex), 'members');
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const { hubLabel } = hub.client;
		return await walkGroupMembers(
			hub.client,
			{
				groupName: group.id,
				memberType: MEMBER_TYPES[memberType],
				pageSize: pageSizeOption(options),
				concurrency: pageConcurrencyOption(options),
				limit,
				itemIndex,
			},
			async (members) =>
				simplify
					? await simplifyPage(hub, group, members, itemIndex)
					: members.map((member) => rawRecord(member.record as IDataObject, hubLabel)),
		);
	});
}
