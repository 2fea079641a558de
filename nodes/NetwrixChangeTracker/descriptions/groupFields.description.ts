import type { INodeProperties } from 'n8n-workflow';

/**
 * The group an operation works on, from the group dropdown (valued by internal name, e.g. "A12").
 * allowArbitraryValues: as for the credential Key, a new node shows "required", not "The value "" is not supported!".
 */
export function groupField(
	displayName: string,
	description: string,
	name = 'group',
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		allowArbitraryValues: true,
		required: true,
		default: '',
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		hint: 'An expression may give the internal name (e.g. A12) or the exact display name',
	};
}
