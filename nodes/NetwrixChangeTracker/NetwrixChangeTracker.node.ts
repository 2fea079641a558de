import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as agent from './actions/agent';
import * as compliance from './actions/compliance';
import * as credential from './actions/credential';
import * as event from './actions/event';
import * as group from './actions/group';
import * as plannedChange from './actions/plannedChange';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class NetwrixChangeTracker implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Netwrix Change Tracker',
		name: 'netwrixChangeTracker',
		icon: {
			light: 'file:../../icons/netwrixChangeTracker.svg',
			dark: 'file:../../icons/netwrixChangeTracker.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and manage agents, devices, groups and their members, credentials, change events and planned changes, and read compliance results, in a Netwrix Change Tracker Hub',
		defaults: { name: 'Netwrix Change Tracker' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netwrixChangeTrackerApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Compliance', value: 'compliance' },
					{ name: 'Credential', value: 'credential' },
					{ name: 'Event', value: 'event' },
					{ name: 'Group', value: 'group' },
					{ name: 'Planned Change', value: 'plannedChange' },
				],
				default: 'agent',
			},
			...agent.description,
			...compliance.description,
			...credential.description,
			...event.description,
			...group.description,
			...plannedChange.description,
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
