import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { agentFilterFields } from '../shared/descriptions/agentFilters.description';
import { requestOptionFields } from '../shared/descriptions/requestOptions.description';
import { pagingOptionFields } from '../shared/descriptions/paging.description';
import { getGroups, getProxyAgents } from '../shared/dropdowns';
import { newEventsProperties } from './newEvents.description';
import { DEFAULT_CONFIRM_DELETIONS_ABOVE, TRIGGER_FILTERS } from './pollFleet';
import { pollTrigger, TRIGGER_SUBTITLE } from './pollTrigger';

const agentStatus = { show: { triggerOn: ['agentStatus'] } };

export class NetwrixChangeTrackerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Netwrix Change Tracker Trigger',
		name: 'netwrixChangeTrackerTrigger',
		icon: {
			light: 'file:../../icons/netwrixChangeTracker.svg',
			dark: 'file:../../icons/netwrixChangeTracker.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: TRIGGER_SUBTITLE,
		description:
			'Starts the workflow when Change Tracker agents go offline, come online, are registered or are deleted, or when the Hub records new change events',
		defaults: { name: 'Netwrix Change Tracker Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'netwrixChangeTrackerApi', required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'triggerOn',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Agent Status Changes',
						value: 'agentStatus',
						description: 'An agent goes offline, comes online, is registered or is deleted',
					},
					{
						name: 'New Events',
						value: 'newEvents',
						description:
							'The Hub records a change event: a file, registry value, service, user, package… added, changed or removed',
					},
				],
				default: 'agentStatus',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				displayOptions: agentStatus,
				options: [
					{
						name: 'Agent Came Online',
						value: 'cameOnline',
						description: 'An agent or device that was offline or waiting for contact is online',
					},
					{
						name: 'Agent Deleted',
						value: 'deleted',
						description: 'An agent or device was deleted on the Hub',
					},
					{
						name: 'Agent Registered',
						value: 'registered',
						description:
							'A new agent or device matches the filters (newly registered, restored, or added to a watched group)',
					},
					{
						name: 'Agent Went Offline',
						value: 'wentOffline',
						description: 'An agent or device that was online or waiting for contact is offline',
					},
					{
						name: 'Any Status Change',
						value: 'anyStatusChange',
						description: 'Any change of online status, including to and from Waiting for Contact',
					},
				],
				default: ['wentOffline'],
				description: 'The changes that start the workflow; each change is one item',
			},
			{
				displayName:
					'The first poll after activation records the current agents and starts nothing; later polls report what changed since the poll before',
				name: 'baselineNotice',
				type: 'notice',
				default: '',
				displayOptions: agentStatus,
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				displayOptions: agentStatus,
				options: agentFilterFields.filter((field) =>
					(TRIGGER_FILTERS as readonly string[]).includes(field.name),
				),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: agentStatus,
				options: [
					{
						displayName: 'Confirm Mass Deletion Above (%)',
						name: 'confirmDeletionsAbove',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 100 },
						default: DEFAULT_CONFIRM_DELETIONS_ABOVE,
						description:
							'When one poll would show more than this share of the watched agents deleted or gone, the trigger reads the fleet again and reports only what the second read shows, so one empty or partial Hub answer cannot flood the workflow. 0 confirms every deletion; 100 turns the check off.',
					},
					{
						displayName: 'Emit Current Agents on First Run',
						name: 'emitOnFirstRun',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after activation (or after the filters change) outputs every matching agent once, with event "current"',
					},
					...pagingOptionFields('agents'),
					...requestOptionFields,
				],
			},
			...newEventsProperties,
		],
	};

	methods = { loadOptions: { getGroups, getProxyAgents } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTrigger.call(this);
	}
}
