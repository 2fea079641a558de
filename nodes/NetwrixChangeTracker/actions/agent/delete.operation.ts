import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { agentToRead } from '../../descriptions/agentLocator.description';
import { concurrencyOption } from '../../descriptions/concurrency.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { agentDeviceIdOf, parseAgentDeviceId } from '../../../shared/transport/agentDeviceId';
import { hubTag } from '../../../shared/helpers/hubTag';
import { booleanValue, InputError, quote } from '../../../shared/parameters/inputValues';
import { itemConcurrency } from '../itemConcurrency';
import { processItems } from '../processItems';
import { deleteDevices } from '../../../shared/transport/devices';
import type { HubRunContext } from '../node.type';
import { findAgent, notFoundError, type AgentLocatorValue } from '../../../shared/agents/findAgent';
import { displayNameOf } from '../../../shared/agents/displayName';

const properties: INodeProperties[] = [
	{ ...agentToRead, description: 'The agent or proxied device to delete' },
	operationOptions(concurrencyOption, {
		displayName: 'Error If Not Found',
		name: 'errorIfNotFound',
		type: 'boolean',
		default: false,
		description:
			'Whether a device that does not exist or is already deleted fails the item. Off: it is reported as success (notFound or alreadyDeleted), so re-runs are safe.',
	}),
];

const displayOptions = { show: { resource: ['agent'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Soft delete (the Hub keeps the device in its Deleted group; Restore brings it back). Output:
 * `{ hub?, agentDeviceId, name, deleted, alreadyDeleted?, notFound? }` — deleted is the device's state afterwards.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	const hub = hubTag(client.hubLabel);
	return await processItems(
		this,
		items,
		async (itemIndex): Promise<IDataObject> => {
			const locator = this.getNodeParameter('agent', itemIndex) as AgentLocatorValue;
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const errorIfNotFound =
				options.errorIfNotFound === undefined
					? false
					: booleanValue(options.errorIfNotFound, 'Options › Error If Not Found');

			const found = await findAgent(client, locator, 'Agent', itemIndex, { prefer: 'live' });
			if (!found) {
				if (errorIfNotFound) throw notFoundError('Agent', locator);
				const byName = locator.mode === 'name';
				return {
					...hub,
					agentDeviceId: byName ? null : (parseAgentDeviceId(locator.value)?.id ?? null),
					name: byName ? String(locator.value).trim() : null,
					deleted: false,
					notFound: true,
				};
			}
			const { agent } = found;
			const agentDeviceId = agentDeviceIdOf(agent.AgentDevice);
			const name = displayNameOf(agent) || null;
			if (agent.Deleted) {
				if (errorIfNotFound) {
					throw new InputError(
						'Agent',
						`${quote(name ?? agentDeviceId)} (${agentDeviceId}) is already deleted`,
						'Turn off Options › Error If Not Found to treat this as success',
					);
				}
				return { ...hub, agentDeviceId, name, deleted: true, alreadyDeleted: true };
			}
			await deleteDevices(client, [agentDeviceId], itemIndex);
			return { ...hub, agentDeviceId, name, deleted: true, alreadyDeleted: false };
		},
		itemConcurrency(this),
	);
}
