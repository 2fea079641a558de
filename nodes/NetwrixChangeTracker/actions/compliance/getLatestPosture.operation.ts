import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveGroupField } from '../../../shared/agents/groupNames';
import { pagingOptionFields } from '../../../shared/descriptions/paging.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { booleanValue, oneOf, optionalText } from '../../../shared/parameters/inputValues';
import {
	limitParameter,
	pageConcurrencyOption,
	pageSizeOption,
} from '../../../shared/parameters/pageOptions';
import { walkPolicyResults, type PostureRequest } from '../../../shared/transport/compliance';
import { USAGE_TAGS } from '../../../shared/transport/hubEnums';
import { limitField, returnAllField, simplifyField } from '../../descriptions/common.description';
import {
	rawComplianceRecord,
	simplifyPolicyResult,
	type GroupNames,
} from '../../helpers/simplifyCompliance';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';

const properties: INodeProperties[] = [
	returnAllField,
	{ ...limitField, description: 'Max number of results (one per policy template and group)' },
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Group Name or ID',
				name: 'groupName',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getGroupsOrNone' },
				default: '',
				description:
					'Only the reports run against this group. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Usage Tag',
				name: 'usageTag',
				type: 'options',
				options: USAGE_TAGS.map((tag) => ({ name: tag, value: tag })),
				default: 'All',
				description:
					'Only policy templates with this tag: the platform (Windows, Linux…) or the purpose (Compliance, Hardening…)',
			},
		],
	},
	simplifyField,
	operationOptions(...pagingOptionFields('results')),
];

const displayOptions = { show: { resource: ['compliance'], operation: ['getLatestPosture'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * The latest result of every compliance report, per policy template and group (POST /policyRecent, docs/hub-api.md
 * §16.1): average score, pass mark, devices passed / failed / not run, compliant, risk. Paged; each row once.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client, reference }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const returnAll = booleanValue(this.getNodeParameter('returnAll', itemIndex), 'Return All');
		const limit = returnAll
			? undefined
			: limitParameter(this.getNodeParameter('limit', itemIndex), 'results');
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

		const query: PostureRequest['query'] = {};
		if (filters.usageTag !== undefined && filters.usageTag !== '')
			query.UsageTag = oneOf(filters.usageTag, 'Filters › Usage Tag', USAGE_TAGS);
		const group = optionalText(filters.groupName, 'Filters › Group');
		if (group) [query.GroupName] = await resolveGroupField(reference, [group], 'Filters › Group');

		const rows = await walkPolicyResults(client, {
			query,
			pageSize: pageSizeOption(options),
			concurrency: pageConcurrencyOption(options),
			limit,
			itemIndex,
		});
		if (!simplify) return rows.map((row) => rawComplianceRecord(row, client.hubLabel));
		const names: GroupNames = new Map(
			(await reference.groups()).map((each) => [
				each.Name.toLowerCase(),
				each.DisplayName || each.Name,
			]),
		);
		return rows.map((row) => simplifyPolicyResult(row, names, client.hubLabel));
	});
}
