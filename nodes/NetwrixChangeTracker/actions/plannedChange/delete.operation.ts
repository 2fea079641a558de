import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { booleanValue } from '../../../shared/parameters/inputValues';
import {
	lookUpPlannedChangeInstances,
	deletePlannedChangeInstance,
} from '../../../shared/transport/plannedChanges';
import { plannedChangeLocator } from '../../descriptions/plannedChangeFields.description';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { instanceIdOf } from './targets/plannedChangeTargets';

const properties: INodeProperties[] = [
	plannedChangeLocator,
	{
		displayName: 'Delete Ruleset Too',
		name: 'deleteRuleset',
		type: 'boolean',
		default: false,
		description:
			'Whether to delete its ruleset as well (the Hub keeps a ruleset another planned change still uses)',
	},
	operationOptions(),
];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Deletes a planned change; one the Hub does not have is success with existed: false (nothing is sent). */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const instanceId = instanceIdOf(this, itemIndex);
		const deleteRuleset = booleanValue(
			this.getNodeParameter('deleteRuleset', itemIndex, false),
			'Delete Ruleset Too',
		);
		const answered = await lookUpPlannedChangeInstances(
			hub.client,
			{ InstanceIds: [instanceId], OmitPlannedChangeDefinitions: true },
			20,
			itemIndex,
		);
		const existing = answered.find(
			(instance) => instance.InstanceId.toLowerCase() === instanceId.toLowerCase(),
		);
		if (existing)
			await deletePlannedChangeInstance(hub.client, existing.InstanceId, deleteRuleset, itemIndex);
		return {
			...(hub.client.hubLabel ? { hub: hub.client.hubLabel } : {}),
			id: existing?.InstanceId ?? instanceId,
			displayName: existing?.DisplayName ?? null,
			deleted: existing !== undefined,
			existed: existing !== undefined,
			...(existing && deleteRuleset ? { ruleset: existing.PlannedChangeName ?? null } : {}),
		};
	});
}
