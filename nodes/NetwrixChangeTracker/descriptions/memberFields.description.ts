import type { INodeProperties } from 'n8n-workflow';

import { agentLocator } from './agentLocator.description';

/** The members an operation adds or removes (planned changes, groups): devices and groups. */

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
		'More devices, separated by semicolons or new lines, or an array from an expression (e.g. the configuration items of a change request, or a CMDB list). An entry of the form "agentId,deviceId" is an ID, anything else a display name (whole, any case).',
};

/** Member groups from the group dropdown (`memberGroups`), labelled for the operation. */
export function memberGroupsFieldOf(displayName: string, hint: string): INodeProperties {
	return {
		displayName,
		name: 'memberGroups',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: `${hint} An expression may give internal names (e.g. A12) or display names.`,
	};
}

/** The groups of a planned change: each covers its devices and those of its sub-groups. */
export const memberGroupsField = memberGroupsFieldOf(
	'Group Names or IDs',
	'Every device of these groups and their sub-groups.',
);
