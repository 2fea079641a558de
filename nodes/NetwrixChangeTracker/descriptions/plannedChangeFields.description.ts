import type { INodeProperties } from 'n8n-workflow';

/** The planned change instance an operation works on: from a searchable list or by its Instance ID. */
export const plannedChangeLocator: INodeProperties = {
	displayName: 'Planned Change',
	name: 'plannedChange',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The planned change instance',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPlannedChanges', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3f2b8c1e-7a4d-4e0b-9c61-2d5f8a9b0c13',
			hint: 'The Instance ID (the id field of Get Many)',
		},
	],
};
