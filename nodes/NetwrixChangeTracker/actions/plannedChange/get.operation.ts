import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { booleanValue } from '../../../shared/parameters/inputValues';
import { simplifyField } from '../../descriptions/common.description';
import { plannedChangeLocator } from '../../descriptions/plannedChangeFields.description';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { instanceIdOf, outputOf, readInstance } from './targets/plannedChangeTargets';

const properties: INodeProperties[] = [plannedChangeLocator, simplifyField, operationOptions()];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const instanceId = instanceIdOf(this, itemIndex);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const instance = await readInstance(hub, instanceId, itemIndex, simplify);
		return outputOf(instance, simplify, hub.client.hubLabel);
	});
}
