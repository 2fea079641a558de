import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eventStatusOptions } from '../../../shared/descriptions/eventStatus.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { hubTag } from '../../../shared/helpers/hubTag';
import {
	eventIdList,
	eventStatusValue,
	optionalPlannedChangeId,
} from '../../../shared/parameters/eventValues';
import { sameHubId } from '../../../shared/transport/eventId';
import { setEventStatus } from '../../../shared/transport/events';
import type { EventStatus } from '../../../shared/transport/hubEnums';
import { batchSizeOption, eventIdsField } from '../../descriptions/eventFields.description';
import type { HubRunContext } from '../node.type';
import { eventBatchSize } from './batchedWrites/batchSize';
import { writeEventsInBatches } from './batchedWrites/batchedWrite';

const properties: INodeProperties[] = [
	eventIdsField,
	{
		displayName: 'New Status',
		name: 'status',
		type: 'options',
		options: eventStatusOptions,
		default: 'Acknowledged',
		description: 'The status the events get (see docs/events.md for what each means)',
	},
	{
		displayName: 'Planned Change ID',
		name: 'plannedChangeId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 0f8fad5b-d9cb-469f-a165-70867728950e',
		description:
			'Optional: the planned change instance to file the events under. They become Planned (matched by hand) as well as getting the new status.',
	},
	operationOptions(batchSizeOption),
];

const displayOptions = { show: { resource: ['event'], operation: ['setStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface StatusChange {
	status: EventStatus;
	plannedChangeId?: string;
}

/**
 * POST /acknowledgeEvents in batches (docs/hub-api.md §10.4). Output per input item:
 * `{ hub?, eventIds, status, plannedChangeId, changed }`; changed counts the item's events that had another status
 * (or planned change): setting the status an event already has is success with nothing sent.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	const hub = hubTag(client.hubLabel);
	return await writeEventsInBatches<StatusChange>(this, items, client, {
		idsField: 'Event IDs',
		changeName: 'status',
		batchSize: eventBatchSize(this),
		read: (itemIndex) => {
			const eventIds = eventIdList(this.getNodeParameter('eventIds', itemIndex), 'Event IDs');
			const status = eventStatusValue(this.getNodeParameter('status', itemIndex), 'New Status');
			const plannedChangeId = optionalPlannedChangeId(
				this.getNodeParameter('plannedChangeId', itemIndex, ''),
				'Planned Change ID',
			);
			return {
				eventIds,
				change: { status, plannedChangeId },
				key: `${status}\n${plannedChangeId?.toLowerCase() ?? ''}`,
			};
		},
		isApplied: (event, change) =>
			event.Status?.toLowerCase() === change.status.toLowerCase() &&
			(change.plannedChangeId === undefined ||
				sameHubId(event.PlannedChangeId, change.plannedChangeId)),
		write: async (eventIds, change, itemIndex) =>
			await setEventStatus(client, { eventIds, ...change }, itemIndex),
		output: (write, changed) => ({
			...hub,
			eventIds: write.eventIds,
			status: write.change.status,
			plannedChangeId: write.change.plannedChangeId ?? null,
			changed,
		}),
	});
}
