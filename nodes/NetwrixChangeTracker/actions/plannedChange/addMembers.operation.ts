import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { booleanValue, InputError } from '../../../shared/parameters/inputValues';
import { addPlannedChangeMembers } from '../../../shared/transport/plannedChanges';
import { simplifyField } from '../../descriptions/common.description';
import {
	memberDeviceListField,
	memberDevicesField,
	memberGroupsField,
	plannedChangeLocator,
} from '../../descriptions/plannedChangeFields.description';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { instanceIdOf, outputOf, readInstance, readMembers } from './targets/plannedChangeTargets';

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

const has = (list: string[] | null | undefined, value: string) =>
	(list ?? []).some((entry) => entry.toLowerCase() === value.toLowerCase());

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
		const instanceId = instanceIdOf(this, itemIndex);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const members = await readMembers(this, hub, itemIndex);
		if (members.devices.length === 0 && members.groups.length === 0)
			throw new InputError(
				'Devices',
				'no device or group is given',
				'Add the devices or groups to add',
			);
		const existing = await readInstance(hub, instanceId, itemIndex);
		const devices = members.devices.map((device) => device.agentDeviceId);
		const newDevices = devices.filter((id) => !has(existing.MemberAgentDeviceIds, id));
		const newGroups = members.groups.filter((name) => !has(existing.MemberGroups, name));
		const already = [
			...devices.filter((id) => !newDevices.includes(id)),
			...members.groups.filter((name) => !newGroups.includes(name)),
		];
		await addPlannedChangeMembers(
			hub.client,
			{ instanceId: existing.InstanceId, groups: newGroups, devices: newDevices },
			itemIndex,
		);
		const added = [...newDevices, ...newGroups];
		const instance = added.length
			? await readInstance(hub, existing.InstanceId, itemIndex)
			: existing;
		return outputOf(instance, simplify, hub.client.hubLabel, {
			[simplify ? 'added' : 'Added']: added,
			[simplify ? 'alreadyMembers' : 'AlreadyMembers']: already,
		});
	});
}
