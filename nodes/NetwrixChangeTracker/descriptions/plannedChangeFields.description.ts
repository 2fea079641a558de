import type { INodeProperties } from 'n8n-workflow';

import { agentLocator } from './agentLocator.description';

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

/** Member devices: one resource locator per device (list with search, by ID, by name). */
export function memberDevicesField(description: string): INodeProperties {
	return {
		displayName: 'Devices',
		name: 'memberDevices',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Device',
		default: {},
		description,
		options: [
			{
				displayName: 'Device',
				name: 'devices',
				values: [
					agentLocator({
						name: 'device',
						displayName: 'Device',
						description: 'A device: names are matched whole, in any case',
						searchListMethod: 'searchAgents',
					}),
				],
			},
		],
	};
}

/** Member devices as a list from an expression (e.g. the CIs of a change request): names or Agent Device IDs. */
export const memberDeviceListField: INodeProperties = {
	displayName: 'Device Names or IDs (List)',
	name: 'memberDeviceList',
	type: 'string',
	default: '',
	placeholder: 'e.g. LON-WEB-0001; 12,340',
	description:
		'More devices, separated by semicolons or new lines, or an array from an expression (e.g. the configuration items of the change request). An entry of the form "agentId,deviceId" is an ID, anything else a display name (whole, any case).',
};

export const memberGroupsField: INodeProperties = {
	displayName: 'Group Names or IDs',
	name: 'memberGroups',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getGroups' },
	default: [],
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'Every device of these groups and their sub-groups. An expression may give internal names (e.g. A12) or display names.',
};
