import type { INodeProperties } from 'n8n-workflow';

/** The Hub's DeviceFilter (docs/hub-api.md §5.2), shared by Get Many, Count and the trigger. */
export const agentFilterFields: INodeProperties[] = [
	{
		displayName: 'Group Names or IDs',
		name: 'groupNames',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		default: [],
		hint: 'Agents in any of these groups. An expression may give internal names (e.g. A12) or display names.',
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Agent Device IDs',
		name: 'agentDeviceIds',
		type: 'string',
		default: '',
		placeholder: '12,12; 12,340',
		description:
			'Only these devices. Each ID is "&lt;agent ID&gt;,&lt;device ID&gt;"; separate several with semicolons or new lines, or pass an array with an expression.',
	},
	{
		displayName: 'Display Names',
		name: 'agentDisplayNames',
		type: 'string',
		default: '',
		placeholder: 'LON-WEB-0001; LON-SQL-0002',
		description:
			'Only agents with these exact display names. Separate several with semicolons or new lines.',
	},
	{
		displayName: 'Online Statuses',
		name: 'onlineStatuses',
		type: 'multiOptions',
		options: [
			{ name: 'Offline', value: 'Offline' },
			{ name: 'Online', value: 'Online' },
			{ name: 'Waiting for Contact', value: 'WaitingForContact' },
		],
		default: [],
		description: 'Only agents in one of these states',
	},
	{
		displayName: 'Exclude Proxied Devices',
		name: 'excludeProxiedDevices',
		type: 'boolean',
		default: true,
		description: 'Whether to leave out agentless devices reached through a proxy agent',
	},
	{
		displayName: 'Can Proxy',
		name: 'canProxy',
		type: 'boolean',
		default: true,
		description:
			'Whether to return only agents that can proxy (on) or only agents that cannot (off)',
	},
	{
		displayName: 'Proxy Agent Names or IDs',
		name: 'proxyAgentIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getProxyAgents' },
		default: [],
		hint: 'Devices proxied by these agents (agent IDs)',
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Credential Key Names or IDs',
		name: 'credentialKeys',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCredentialKeys' },
		default: [],
		hint: 'Devices that use these Hub credentials',
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'OS',
		name: 'os',
		type: 'string',
		default: '',
		placeholder: 'Windows Server 2022',
		description: 'Operating system to search for',
	},
	{
		displayName: 'Text Search',
		name: 'textSearch',
		type: 'string',
		default: '',
		description: 'Agents whose name, host name or IP address starts with this text',
	},
	{
		displayName: 'Text Search Exact Match',
		name: 'textSearchExactMatch',
		type: 'boolean',
		default: false,
		description: 'Whether Text Search must match exactly instead of as a prefix',
	},
	{
		displayName: 'Include Deleted',
		name: 'includeDeleted',
		type: 'boolean',
		default: false,
		description: 'Whether to also return soft-deleted devices (the Hub keeps them, marked deleted)',
	},
];

export const agentFiltersCollection: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: agentFilterFields,
};
