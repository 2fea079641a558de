import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { agentFiltersCollection } from '../../../shared/descriptions/agentFilters.description';
import { limitField, returnAllField, simplifyField } from '../../descriptions/common.description';
import { pagingOptionFields } from '../../../shared/descriptions/paging.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import {
	limitParameter,
	pageConcurrencyOption,
	pageSizeOption,
	SORT_FIELDS,
	sortOption,
} from '../../../shared/parameters/pageOptions';
import { processItems } from '../processItems';
import { rawAgent, simplifyAgent } from '../../../shared/agents/simplifyAgent';
import { walkAgents } from '../../../shared/transport/agents';
import type { HubRunContext } from '../node.type';
import { resolveAgentQuery } from '../../../shared/agents/agentQuery';
import { booleanValue, optionalBoolean } from '../../../shared/parameters/inputValues';

const properties: INodeProperties[] = [
	returnAllField,
	{ ...limitField, description: 'Max number of agents to return' },
	agentFiltersCollection,
	simplifyField,
	operationOptions(
		{
			displayName: 'Include Credentials',
			name: 'includeCredentials',
			type: 'boolean',
			default: false,
			description: 'Whether to add the credential keys each device uses',
		},
		{
			displayName: 'Include Group Details',
			name: 'includeGroupDetails',
			type: 'boolean',
			default: true,
			description: 'Whether to add the groups each agent belongs to, by display name',
		},
		{
			displayName: 'Include Proxy Master',
			name: 'includeProxyMaster',
			type: 'boolean',
			default: false,
			description:
				'Whether to also return the proxy agent when the filters match only devices it proxies',
		},
		{
			displayName: 'Include Templates',
			name: 'includeTemplates',
			type: 'boolean',
			default: false,
			description: 'Whether to add the tracking templates applied to each agent',
		},
		...pagingOptionFields('agents'),
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'fixedCollection',
			default: {},
			placeholder: 'Add Sort',
			options: [
				{
					displayName: 'Sort',
					name: 'value',
					values: [
						{
							displayName: 'Field',
							name: 'field',
							type: 'options',
							options: SORT_FIELDS.map((field) => ({ name: field, value: field })),
							default: 'Name',
						},
						{
							displayName: 'Direction',
							name: 'direction',
							type: 'options',
							options: [
								{ name: 'Ascending', value: 'ASC' },
								{ name: 'Descending', value: 'DESC' },
							],
							default: 'ASC',
						},
					],
				},
			],
		},
	),
];

const displayOptions = { show: { resource: ['agent'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client, reference }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const returnAll = booleanValue(this.getNodeParameter('returnAll', itemIndex), 'Return All');
		const limit = returnAll ? undefined : limitParameter(this.getNodeParameter('limit', itemIndex));
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

		const query = await resolveAgentQuery(filters, reference);
		const request = {
			deviceFilter: query.deviceFilter,
			includeDeleted: query.includeDeleted,
			groupDetails: optionalBoolean(
				options.includeGroupDetails,
				'Options › Include Group Details',
				true,
			),
			templates: optionalBoolean(options.includeTemplates, 'Options › Include Templates', false),
			credentials: optionalBoolean(
				options.includeCredentials,
				'Options › Include Credentials',
				false,
			),
			includeProxyMaster: optionalBoolean(
				options.includeProxyMaster,
				'Options › Include Proxy Master',
				false,
			),
			sort: sortOption(options),
			pageSize: pageSizeOption(options),
			concurrency: pageConcurrencyOption(options),
			limit,
			itemIndex,
		};
		if (simplify)
			return await walkAgents(client, request, (agent, joins) =>
				simplifyAgent(agent, joins, client.hubLabel),
			);
		return await walkAgents(client, request, (agent, joins) =>
			rawAgent(agent, joins, client.hubLabel),
		);
	});
}
