import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { booleanValue, InputError } from '../../../shared/parameters/inputValues';
import { deletePlannedChangeMember } from '../../../shared/transport/plannedChanges';
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
	memberDevicesField('Devices to remove'),
	memberDeviceListField,
	memberGroupsField,
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['removeMembers'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const has = (list: string[] | null | undefined, value: string) =>
	(list ?? []).some((entry) => entry.toLowerCase() === value.toLowerCase());

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
		const instanceId = instanceIdOf(this, itemIndex);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const members = await readMembers(this, hub, itemIndex);
		if (members.devices.length === 0 && members.groups.length === 0)
			throw new InputError(
				'Devices',
				'no device or group is given',
				'Add the devices or groups to remove',
			);
		const existing = await readInstance(hub, instanceId, itemIndex);
		const removed: string[] = [];
		const absent: string[] = [];
		for (const { agentDeviceId } of members.devices) {
			if (!has(existing.MemberAgentDeviceIds, agentDeviceId)) {
				absent.push(agentDeviceId);
				continue;
			}
			await deletePlannedChangeMember(
				hub.client,
				existing.InstanceId,
				{ device: agentDeviceId },
				itemIndex,
			);
			removed.push(agentDeviceId);
		}
		for (const group of members.groups) {
			if (!has(existing.MemberGroups, group)) {
				absent.push(group);
				continue;
			}
			await deletePlannedChangeMember(hub.client, existing.InstanceId, { group }, itemIndex);
			removed.push(group);
		}
		const instance = removed.length
			? await readInstance(hub, existing.InstanceId, itemIndex)
			: existing;
		return outputOf(instance, simplify, hub.client.hubLabel, {
			[simplify ? 'removed' : 'Removed']: removed,
			[simplify ? 'notMembers' : 'NotMembers']: absent,
		});
	});
}
