import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { deletePlannedChangeMember } from '../../../shared/transport/plannedChanges';
import { simplifyField } from '../../descriptions/common.description';
import {
	memberDeviceListField,
	memberDevicesField,
	memberGroupsField,
} from '../../descriptions/memberFields.description';
import { plannedChangeLocator } from '../../descriptions/plannedChangeFields.description';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { outputOf, readInstance, readMemberChange } from './targets/plannedChangeTargets';

const properties: INodeProperties[] = [
	plannedChangeLocator,
	memberDevicesField('Devices to remove'),
	memberDeviceListField,
	memberGroupsField,
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['removeMembers'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Removes devices and groups, one request per member as the Hub's DTO takes one (docs/hub-api.md §14.6); a member
 * the planned change does not have is success (notMembers) and is not sent.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const { simplify, existing, present, absent } = await readMemberChange(
			this,
			hub,
			itemIndex,
			'remove',
		);
		const members = [
			...present.devices.map((device) => ({ device })),
			...present.groups.map((group) => ({ group })),
		];
		for (const member of members)
			await deletePlannedChangeMember(hub.client, existing.InstanceId, member, itemIndex);
		const instance = members.length
			? await readInstance(hub, existing.InstanceId, itemIndex)
			: existing;
		return outputOf(instance, simplify, hub.client.hubLabel, {
			[simplify ? 'removed' : 'Removed']: [...present.devices, ...present.groups],
			[simplify ? 'notMembers' : 'NotMembers']: [...absent.devices, ...absent.groups],
		});
	});
}
