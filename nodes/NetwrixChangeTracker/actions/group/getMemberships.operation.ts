import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { displayNameOf } from '../../../shared/agents/displayName';
import { findAgent, notFoundError, type AgentLocatorValue } from '../../../shared/agents/findAgent';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { hubTag } from '../../../shared/helpers/hubTag';
import { uniqueIgnoringCase } from '../../../shared/helpers/uniqueIgnoringCase';
import { booleanValue } from '../../../shared/parameters/inputValues';
import { agentDeviceIdOf } from '../../../shared/transport/agentDeviceId';
import { fetchDeviceMemberships } from '../../../shared/transport/groups';
import { agentLocator } from '../../descriptions/agentLocator.description';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { groupNameOf } from './groupTargets';

const properties: INodeProperties[] = [
	agentLocator({
		name: 'device',
		displayName: 'Device',
		description: 'The device whose groups to list',
		searchListMethod: 'searchAgents',
	}),
	{
		displayName: 'Include Inherited',
		name: 'includeInherited',
		type: 'boolean',
		default: true,
		description:
			'Whether to list the parent groups of its groups too (a device in London Datacentre is also in Datacentres)',
	},
	operationOptions(),
];

const displayOptions = { show: { resource: ['group'], operation: ['getMemberships'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** One item per group the device is in: direct groups first, then (with Include Inherited) their ancestors. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const locator = this.getNodeParameter('device', itemIndex) as AgentLocatorValue;
		const includeInherited = booleanValue(
			this.getNodeParameter('includeInherited', itemIndex, true),
			'Include Inherited',
		);
		const found = await findAgent(hub.client, locator, 'Device', itemIndex);
		if (!found) throw notFoundError('Device', locator);
		const agentDeviceId = agentDeviceIdOf(found.agent.AgentDevice);
		const names = uniqueIgnoringCase(
			await fetchDeviceMemberships(hub.client, agentDeviceId, includeInherited, itemIndex),
		);
		// The device's direct groups as /agentsRanked reports them tell direct from inherited ones.
		const direct = found.joins.groupsByDevice.get(agentDeviceId);
		const directSet = direct && new Set(direct.map((name) => name.toLowerCase()));
		const deviceName = displayNameOf(found.agent) || agentDeviceId;
		return await Promise.all(
			names.map(async (name) => ({
				...hubTag(hub.client.hubLabel),
				agentDeviceId,
				deviceName,
				groupId: name,
				groupName: await groupNameOf(hub.reference, name),
				inherited: directSet ? !directSet.has(name.toLowerCase()) : null,
			})),
		);
	});
}
