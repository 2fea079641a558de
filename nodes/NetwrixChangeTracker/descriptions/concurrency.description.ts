import type { INodeProperties } from 'n8n-workflow';

/** Most input items a write operation handles at once; more would only queue on the Hub. */
export const MAX_ITEM_CONCURRENCY = 8;

/** For operations that write once per input item: how many items to send to the Hub at once. */
export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_ITEM_CONCURRENCY },
	default: 1,
	description: `How many input items to process at once (1 to ${MAX_ITEM_CONCURRENCY}). Higher finishes large batches sooner on a distant Hub but loads it more. Output order always follows input order.`,
};
