import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { hubTag } from '../../../shared/helpers/hubTag';
import { eventIdList } from '../../../shared/parameters/eventValues';
import { requiredText } from '../../../shared/parameters/inputValues';
import { setEventComment } from '../../../shared/transport/events';
import { batchSizeOption, eventIdsField } from '../../descriptions/eventFields.description';
import type { HubRunContext } from '../node.type';
import { eventBatchSize } from './batchedWrites/batchSize';
import { writeEventsInBatches } from './batchedWrites/batchedWrite';

/** Longest comment the node sends; the Hub documents no limit. */
const MAX_COMMENT = 4000;

const properties: INodeProperties[] = [
	eventIdsField,
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		placeholder: 'e.g. INC0012345',
		description: `A ticket number or note written onto the events (up to ${MAX_COMMENT} characters). It replaces the comment an event has.`,
	},
	operationOptions(batchSizeOption),
];

const displayOptions = { show: { resource: ['event'], operation: ['addComment'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * POST /setCommentsForEvents in batches (docs/hub-api.md §10.5). Output per input item:
 * `{ hub?, eventIds, comment, changed }`; an event that already has the comment is left alone.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	const hub = hubTag(client.hubLabel);
	return await writeEventsInBatches<string>(this, items, client, {
		idsField: 'Event IDs',
		changeName: 'comment',
		batchSize: eventBatchSize(this),
		pageBound: true,
		read: (itemIndex) => {
			const eventIds = eventIdList(this.getNodeParameter('eventIds', itemIndex), 'Event IDs');
			const comment = requiredText(
				this.getNodeParameter('comment', itemIndex),
				'Comment',
				MAX_COMMENT,
			);
			return { eventIds, change: comment, key: comment };
		},
		isApplied: (event, comment) => (event.Comment ?? '') === comment,
		write: async (eventIds, comment, itemIndex) =>
			await setEventComment(client, eventIds, comment, itemIndex),
		output: (write, changed) => ({
			...hub,
			eventIds: write.eventIds,
			comment: write.change,
			changed,
		}),
	});
}
