import type { INodeProperties } from 'n8n-workflow';

/** Event IDs per request of Set Status and Add Comment. */
export const DEFAULT_EVENT_BATCH_SIZE = 500;
export const MAX_EVENT_BATCH_SIZE = 2000;

/** The events Set Status and Add Comment change: from each input item. */
export const eventIdsField: INodeProperties = {
	displayName: 'Event IDs',
	name: 'eventIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 6787790e000000000001866e',
	description:
		'The events to change: one ID per item (map the ID field of Get Many with an expression), or several separated by commas, semicolons or new lines. The IDs of all input items are sent together, in batches.',
};

export const batchSizeOption: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_EVENT_BATCH_SIZE },
	default: DEFAULT_EVENT_BATCH_SIZE,
	description: `Event IDs per request (1 to ${MAX_EVENT_BATCH_SIZE}), read from the first item for the whole run. The events are read in batches of the same size first.`,
};

/** Get: the event to read. */
export const eventIdField: INodeProperties = {
	displayName: 'Event ID',
	name: 'eventId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 6787790e000000000001866e',
	description: 'The event to read (the ID field of Get Many)',
};
