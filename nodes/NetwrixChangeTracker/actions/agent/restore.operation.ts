import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { agentToRead } from '../../descriptions/agentLocator.description';
import { concurrencyOption } from '../../descriptions/concurrency.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { agentDeviceIdOf } from '../../../shared/transport/agentDeviceId';
import { hubTag } from '../../../shared/helpers/hubTag';
import { itemConcurrency } from '../itemConcurrency';
import { processItems } from '../processItems';
import { restoreDevices } from '../../../shared/transport/devices';
import type { HubRunContext } from '../node.type';
import { findAgent, notFoundError, type AgentLocatorValue } from '../../../shared/agents/findAgent';
import { displayNameOf } from '../../../shared/agents/displayName';

const properties: INodeProperties[] = [
	{ ...agentToRead, description: 'The soft-deleted agent or proxied device to bring back' },
	operationOptions(concurrencyOption),
];

const displayOptions = { show: { resource: ['agent'], operation: ['restore'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Reverses a soft delete (/device/reRegister). Output: `{ hub?, agentDeviceId, name, deleted: false, restored }`;
 * restored is false when the device was not deleted (nothing to do).
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(
		this,
		items,
		async (itemIndex) => {
			const locator = this.getNodeParameter('agent', itemIndex) as AgentLocatorValue;
			const found = await findAgent(client, locator, 'Agent', itemIndex, { prefer: 'deleted' });
			if (!found) throw notFoundError('Agent', locator);
			const { agent } = found;
			const agentDeviceId = agentDeviceIdOf(agent.AgentDevice);
			const restored = agent.Deleted === true;
			if (restored) await restoreDevices(client, [agentDeviceId], itemIndex);
			return {
				...hubTag(client.hubLabel),
				agentDeviceId,
				name: displayNameOf(agent) || null,
				deleted: false,
				restored,
			};
		},
		itemConcurrency(this),
	);
}
