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
import { booleanValue, optionalText, toList } from '../../../shared/parameters/inputValues';
import {
	limitParameter,
	pageConcurrencyOption,
	pageSizeOption,
} from '../../../shared/parameters/pageOptions';
import { walkGroups } from '../../../shared/transport/groups';
import { limitField, returnAllField, simplifyField } from '../../descriptions/common.description';
import { rawRecord } from '../../../shared/helpers/hubTag';
import { simplifyGroup } from '../../helpers/groupOutput';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';

const properties: INodeProperties[] = [
	returnAllField,
	{ ...limitField, description: 'Max number of groups to return' },
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Display Name Contains',
				name: 'displayNameContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. Datacentre',
				description: 'Part of the display name, any case',
			},
			{
				displayName: 'Parent Group Names or IDs',
				name: 'parentGroups',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getGroups' },
				default: [],
				description:
					'Only the direct child groups of these groups. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	simplifyField,
	operationOptions(...pagingOptionFields('groups')),
];

const displayOptions = { show: { resource: ['group'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const returnAll = booleanValue(this.getNodeParameter('returnAll', itemIndex), 'Return All');
		const limit = returnAll
			? undefined
			: limitParameter(this.getNodeParameter('limit', itemIndex), 'groups');
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

		const query: IDataObject = {};
		const contains = optionalText(filters.displayNameContains, 'Filters › Display Name Contains');
		if (contains) query.DisplayNameContains = contains;
		const parentsField = 'Filters › Parent Groups';
		const parents = await resolveGroupField(
			hub.reference,
			toList(filters.parentGroups, parentsField),
			parentsField,
		);
		if (parents.length) query.MemberOf = parents;

		// The Hub's filters are checked again: a Hub that ignored one does not widen the list.
		const lower = contains?.toLowerCase();
		const parentSet = new Set(parents.map((name) => name.toLowerCase()));
		const groups = await walkGroups(hub.client, {
			query,
			keep: (group) =>
				(!lower || (group.DisplayName ?? '').toLowerCase().includes(lower)) &&
				(parentSet.size === 0 ||
					(group.MemberOf ?? []).some((parent) => parentSet.has(parent.toLowerCase()))),
			pageSize: pageSizeOption(options),
			concurrency: pageConcurrencyOption(options),
			limit,
			itemIndex,
		});
		const { hubLabel } = hub.client;
		return groups.map((group) =>
			simplify ? simplifyGroup(group, hubLabel) : rawRecord(group as IDataObject, hubLabel),
		);
	});
}
