import type { INodeProperties } from 'n8n-workflow';

const AGENT_DEVICE_ID_REGEX = '^\\s*[A-Za-z0-9_-]+\\s*,\\s*[A-Za-z0-9_-]+\\s*$';

/** A resource locator for one agent or device: from a searchable list, by "agentId,deviceId", or by display name. */
export function agentLocator(options: {
	name: string;
	displayName: string;
	description: string;
	searchListMethod: 'searchAgents' | 'searchProxyAgents';
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12,340',
				hint: 'The agentDeviceId: the agent ID, a comma and the device ID (12,12 is agent 12 itself)',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: AGENT_DEVICE_ID_REGEX,
							errorMessage: 'Use the agent ID, a comma and the device ID, e.g. 12,340',
						},
					},
				],
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. LON-WEB-0042',
				hint: 'The display name, exactly as the Hub shows it',
			},
		],
	};
}

export const agentToRead = agentLocator({
	name: 'agent',
	displayName: 'Agent',
	description: 'The agent or proxied device',
	searchListMethod: 'searchAgents',
});
