import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_RESPONSE_MB } from '../transport/responseBody';

/** Hub request settings every operation's Options collection carries (read by the router). */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Timeout (Ms)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1000 },
		default: 60000,
		description:
			'How long each Hub answer may take in all, from sending the request to its last byte (the login included), before the node gives up',
	},
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 4,
		description:
			'Tries per request when the Hub is throttling (429) or temporarily unavailable (502, 503, 504, connection reset), with growing waits that honour Retry-After',
	},
	{
		displayName: 'Max Response Size (MB)',
		name: 'maxResponseMb',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 2048 },
		default: DEFAULT_MAX_RESPONSE_MB,
		description:
			'Largest Hub answer the node reads; a larger one is refused with an error before it can exhaust the memory of the n8n server',
	},
];

/** An operation's Options collection: its own options, then the Hub request settings. */
export function operationOptions(...options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options, ...requestOptionFields],
	};
}
