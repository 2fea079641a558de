import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/**
 * The If It Exists choices Create operations share: fail the item, or leave the existing record and output it; then
 * the operation's own (`more`).
 */
export function ifExistsChoices(
	record: string,
	...more: INodePropertyOptions[]
): INodePropertyOptions[] {
	return [
		{ name: 'Error', value: 'error', description: 'Fail this item' },
		{
			name: 'Skip and Return Existing',
			value: 'skip',
			description: `Change nothing and output the existing ${record}`,
		},
		...more,
	];
}
