import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { addPlannedChangeMembers } from '../../../shared/transport/plannedChanges';
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
	memberDevicesField(
		'Devices to add (configuration items linked after the change request was created)',
	),
	memberDeviceListField,
	memberGroupsField,
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['addMembers'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Adds devices and groups; members already there are success (alreadyMembers), and when every one is there
 * nothing is sent.
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
			'add',
		);
		await addPlannedChangeMembers(
			hub.client,
			{ instanceId: existing.InstanceId, groups: absent.groups, devices: absent.devices },
			itemIndex,
		);
		const added = [...absent.devices, ...absent.groups];
		const instance = added.length
			? await readInstance(hub, existing.InstanceId, itemIndex)
			: existing;
		return outputOf(instance, simplify, hub.client.hubLabel, {
			[simplify ? 'added' : 'Added']: added,
			[simplify ? 'alreadyMembers' : 'AlreadyMembers']: [...present.devices, ...present.groups],
		});
	});
}
