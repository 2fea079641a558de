import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { hubDate } from '../../../shared/parameters/dateValues';
import { booleanValue } from '../../../shared/parameters/inputValues';
import { updatePlannedChangeInstance } from '../../../shared/transport/plannedChanges';
import { simplifyField } from '../../descriptions/common.description';
import { plannedChangeLocator } from '../../descriptions/plannedChangeFields.description';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { instanceIdOf, outputOf, readInstance } from './targets/plannedChangeTargets';

const properties: INodeProperties[] = [plannedChangeLocator, simplifyField, operationOptions()];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['endNow'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Closes the window now (a closed change request): End becomes now. A window that has already ended is left as it
 * is (alreadyEnded: true); one that has not started yet ends at its Start, as the Hub allows no End before Start.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const instanceId = instanceIdOf(this, itemIndex);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const existing = await readInstance(hub, instanceId, itemIndex);
		const now = Date.now();
		const end = Date.parse(existing.EndTimeUtc ?? '');
		const flag = simplify ? 'alreadyEnded' : 'AlreadyEnded';
		if (!Number.isNaN(end) && end <= now)
			return outputOf(existing, simplify, hub.client.hubLabel, { [flag]: true });
		const start = Date.parse(existing.StartTimeUtc ?? '');
		const updated = await updatePlannedChangeInstance(
			hub.client,
			{
				InstanceId: existing.InstanceId,
				EndTimeUtc: hubDate(Number.isNaN(start) ? now : Math.max(now, start)),
			},
			itemIndex,
		);
		const instance = updated ?? (await readInstance(hub, existing.InstanceId, itemIndex));
		return outputOf(instance, simplify, hub.client.hubLabel, { [flag]: false });
	});
}
