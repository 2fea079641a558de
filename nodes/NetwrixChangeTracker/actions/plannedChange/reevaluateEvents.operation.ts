import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { hubDate, optionalDate } from '../../../shared/parameters/dateValues';
import { InputError, optionalBoolean } from '../../../shared/parameters/inputValues';
import { reevaluatePlannedChangeEvents } from '../../../shared/transport/plannedChanges';
import { plannedChangeLocator } from '../../descriptions/plannedChangeFields.description';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { instanceIdOf, readInstance } from './targets/plannedChangeTargets';

const properties: INodeProperties[] = [
	plannedChangeLocator,
	{
		displayName: 'Options',
		name: 'reevaluateOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Events From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description:
					"The earliest change to re-classify; empty: the planned change's Start. Text without an offset is read in the workflow's time zone.",
			},
			{
				displayName: 'Events To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: "The latest change to re-classify; empty: the planned change's End",
			},
			{
				displayName: 'Only Events Filed by Hand',
				name: 'manualOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to re-check only the events filed under it by hand',
			},
		],
	},
	operationOptions(),
];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['reevaluateEvents'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Re-classifies the events already received against the planned change (after a late approval, a changed window
 * or new members): the Hub files the unplanned ones it now covers and takes out the ones it filed that no longer
 * match (docs/hub-api.md §14.8).
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	const timeZone = this.getTimezone();
	return await processItems(this, items, async (itemIndex) => {
		const instanceId = instanceIdOf(this, itemIndex);
		const options = this.getNodeParameter('reevaluateOptions', itemIndex, {}) as IDataObject;
		const from = optionalDate(options.from, 'Options › Events From', timeZone);
		const to = optionalDate(options.to, 'Options › Events To', timeZone);
		if (from !== undefined && to !== undefined && to < from)
			throw new InputError(
				'Options › Events To',
				'is before Events From',
				'Give an Events To at or after Events From',
			);
		const manualOnly = optionalBoolean(
			options.manualOnly,
			'Options › Only Events Filed by Hand',
			false,
		);
		const existing = await readInstance(hub, instanceId, itemIndex);
		const body: IDataObject & { InstanceId: string } = { InstanceId: existing.InstanceId };
		if (from !== undefined) body.EarliestEventTimeUtc = hubDate(from);
		if (to !== undefined) body.LastEventTimeUtc = hubDate(to);
		if (manualOnly) body.PlannedChangeManual = true;
		await reevaluatePlannedChangeEvents(hub.client, body, itemIndex);
		return {
			...(hub.client.hubLabel ? { hub: hub.client.hubLabel } : {}),
			id: existing.InstanceId,
			displayName: existing.DisplayName ?? '',
			reevaluated: true,
			eventsFrom: body.EarliestEventTimeUtc ?? existing.StartTimeUtc ?? null,
			eventsTo: body.LastEventTimeUtc ?? existing.EndTimeUtc ?? null,
		};
	});
}
