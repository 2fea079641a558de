import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eventFiltersCollection } from '../../../shared/descriptions/eventFilters.description';
import { eventTimeRangeFields } from '../../../shared/descriptions/eventTimeRange.description';
import { pagingOptionFields } from '../../../shared/descriptions/paging.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { buildEventQuery } from '../../../shared/events/eventQuery';
import { readEvents } from '../../../shared/events/readEvents';
import { eventLookups, rawEvent, simplifyEvent } from '../../../shared/events/simplifyEvent';
import { booleanValue, oneOf } from '../../../shared/parameters/inputValues';
import {
	limitParameter,
	pageConcurrencyOption,
	pageSizeOption,
} from '../../../shared/parameters/pageOptions';
import { limitField, returnAllField, simplifyField } from '../../descriptions/common.description';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { readPeriod } from '../../helpers/eventPeriod';

const SORT_ORDERS = ['newestFirst', 'oldestFirst'] as const;

const properties: INodeProperties[] = [
	returnAllField,
	{ ...limitField, description: 'Max number of events to return' },
	...eventTimeRangeFields,
	eventFiltersCollection,
	simplifyField,
	operationOptions(...pagingOptionFields('events'), {
		displayName: 'Sort',
		name: 'sortOrder',
		type: 'options',
		options: [
			{ name: 'Newest First', value: 'newestFirst' },
			{ name: 'Oldest First', value: 'oldestFirst' },
		],
		default: 'newestFirst',
		description: 'Order by the date of the change',
	}),
];

const displayOptions = { show: { resource: ['event'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client, reference }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const returnAll = booleanValue(this.getNodeParameter('returnAll', itemIndex), 'Return All');
		const limit = returnAll
			? undefined
			: limitParameter(this.getNodeParameter('limit', itemIndex), 'events');
		const period = readPeriod(this, itemIndex);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const sortOrder = oneOf(
			options.sortOrder === undefined ? 'newestFirst' : options.sortOrder,
			'Options › Sort',
			SORT_ORDERS,
		);
		const pageSize = pageSizeOption(options);
		const concurrency = pageConcurrencyOption(options);
		const read = {
			query: await buildEventQuery(filters, reference),
			period,
			newestFirst: sortOrder === 'newestFirst',
			pageSize,
			concurrency,
			limit,
			itemIndex,
		};
		if (!simplify)
			return await readEvents(client, read, (event) => rawEvent(event, client.hubLabel));
		const lookups = await eventLookups(reference);
		return await readEvents(
			client,
			read,
			(event) => simplifyEvent(event, lookups, client.hubLabel),
			lookups.plannedChanges,
		);
	});
}
