import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { agentToRead } from '../../descriptions/agentLocator.description';
import { simplifyField } from '../../descriptions/common.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { processItems } from '../processItems';
import { rawAgent, simplifyAgent } from '../../../shared/agents/simplifyAgent';
import type { HubRunContext } from '../node.type';
import { findAgent, notFoundError, type AgentLocatorValue } from '../../../shared/agents/findAgent';
import { booleanValue } from '../../../shared/parameters/inputValues';

const properties: INodeProperties[] = [agentToRead, simplifyField, operationOptions()];

const displayOptions = { show: { resource: ['agent'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const locator = this.getNodeParameter('agent', itemIndex) as AgentLocatorValue;
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const found = await findAgent(client, locator, 'Agent', itemIndex);
		if (!found) throw notFoundError('Agent', locator);
		return (simplify ? simplifyAgent : rawAgent)(found.agent, found.joins, client.hubLabel);
	});
}
