import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { agentFiltersCollection } from '../../../shared/descriptions/agentFilters.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { hubTag } from '../../../shared/helpers/hubTag';
import { processItems } from '../processItems';
import { countAgents } from '../../../shared/transport/agents';
import type { HubRunContext } from '../node.type';
import { resolveAgentQuery } from '../../../shared/agents/agentQuery';
import { optionalBoolean } from '../../../shared/parameters/inputValues';

const properties: INodeProperties[] = [
	agentFiltersCollection,
	operationOptions({
		displayName: 'Include Proxy Master',
		name: 'includeProxyMaster',
		type: 'boolean',
		default: false,
		description:
			'Whether to also count the proxy agent when the filters match only devices it proxies',
	}),
];

const displayOptions = { show: { resource: ['agent'], operation: ['count'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client, reference }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const query = await resolveAgentQuery(filters, reference);
		const total = await countAgents(client, {
			deviceFilter: query.deviceFilter,
			includeDeleted: query.includeDeleted,
			includeProxyMaster: optionalBoolean(
				options.includeProxyMaster,
				'Options › Include Proxy Master',
				false,
			),
			itemIndex,
		});
		return { ...hubTag(client.hubLabel), total };
	});
}
