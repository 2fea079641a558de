import type { INodeProperties } from 'n8n-workflow';

/** Hub request settings every operation's Options collection carries (read by the router). */
export const requestOptionFields: INodeProperties[] = [
	{
		displayName: 'Timeout (Ms)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1000 },
		default: 60000,
		description: 'How long to wait for each Hub answer before giving up',
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
