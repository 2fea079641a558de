import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { agentToRead } from '../../descriptions/agentLocator.description';
import { concurrencyOption } from '../../descriptions/concurrency.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { agentDeviceIdOf } from '../../../shared/transport/agentDeviceId';
import { hubTag } from '../../../shared/helpers/hubTag';
import { requiredText } from '../../../shared/parameters/inputValues';
import { itemConcurrency } from '../itemConcurrency';
import { processItems } from '../processItems';
import { renameDevice } from '../../../shared/transport/devices';
import type { HubRunContext } from '../node.type';
import { findAgent, notFoundError, type AgentLocatorValue } from '../../../shared/agents/findAgent';
import { displayNameOf } from '../../../shared/agents/displayName';

const properties: INodeProperties[] = [
	{ ...agentToRead, description: 'The agent or proxied device to rename' },
	{
		displayName: 'New Name',
		name: 'newName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. LON-SW-0042',
		description: 'The device name the Hub shows from now on',
	},
	operationOptions(concurrencyOption),
];

const displayOptions = { show: { resource: ['agent'], operation: ['rename'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Output: `{ hub?, agentDeviceId, name, previousName, renamed }`; renamed is false when the name was already right. */
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
			const newName = requiredText(this.getNodeParameter('newName', itemIndex), 'New Name', 255);
			const found = await findAgent(client, locator, 'Agent', itemIndex, { prefer: 'live' });
			if (!found) throw notFoundError('Agent', locator);
			const { agent } = found;
			const previousName = displayNameOf(agent);
			const renamed = previousName !== newName;
			if (renamed) await renameDevice(client, agent.AgentDevice, newName, itemIndex);
			return {
				...hubTag(client.hubLabel),
				agentDeviceId: agentDeviceIdOf(agent.AgentDevice),
				name: newName,
				previousName,
				renamed,
			};
		},
		itemConcurrency(this),
	);
}
