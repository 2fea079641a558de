import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	eventDeviceFilterFields,
	eventTypesField,
	trackerTypesField,
} from '../../../shared/descriptions/eventFilters.description';
import { eventTimeRangeFields } from '../../../shared/descriptions/eventTimeRange.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { buildEventQuery } from '../../../shared/events/eventQuery';
import { periodFields } from '../../../shared/events/timeRange';
import { booleanValue, oneOf } from '../../../shared/parameters/inputValues';
import { countEvents } from '../../../shared/transport/events';
import { simplifyField } from '../../descriptions/common.description';
import {
	rawEventCounts,
	simplifyEventCounts,
	type StatisticsScope,
} from '../../helpers/eventStatistics';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';
import { readPeriod } from '../../helpers/eventPeriod';

const PER = ['each', 'together'] as const;
const WINDOWS = { none: undefined, hour: 3600, day: 86_400 } as const;
const WINDOW_NAMES = Object.keys(WINDOWS) as Array<keyof typeof WINDOWS>;

const properties: INodeProperties[] = [
	...eventTimeRangeFields,
	{
		displayName: 'Per',
		name: 'per',
		type: 'options',
		options: [
			{
				name: 'Group or Device',
				value: 'each',
				description:
					'One item for each group and each device in the filters; one for all devices when the filters name none',
			},
			{
				name: 'All Together',
				value: 'together',
				description: 'One item counting the events of every group and device in the filters',
			},
		],
		default: 'each',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [...eventDeviceFilterFields, eventTypesField, trackerTypesField],
	},
	simplifyField,
	operationOptions({
		displayName: 'Windows',
		name: 'window',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'day', description: 'Also count each day of the period' },
			{ name: 'Hourly', value: 'hour', description: 'Also count each hour of the period' },
			{ name: 'None', value: 'none', description: 'Only the totals of the period' },
		],
		default: 'none',
		description: 'Whether to add counts per hour or per day (windows) to the totals',
	}),
];

const displayOptions = { show: { resource: ['event'], operation: ['getStatistics'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Planned, unplanned, alert and error counts over a period (POST /stats/events, docs/hub-api.md §10.7): one request
 * and one output item per group and device named in the filters (or one for the filters together, or for every
 * device), for dashboards and IF nodes.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client, reference }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const period = readPeriod(this, itemIndex);
		const per = oneOf(this.getNodeParameter('per', itemIndex, 'each'), 'Per', PER);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const window =
			WINDOWS[
				oneOf(
					options.window === undefined ? 'none' : options.window,
					'Options › Windows',
					WINDOW_NAMES,
				)
			];
		const query = await buildEventQuery(
			{
				groupNames: filters.groupNames,
				agentDeviceIds: filters.agentDeviceIds,
				agentDisplayNames: filters.agentDisplayNames,
				eventTypes: filters.eventTypes,
				trackerTypes: filters.trackerTypes,
			},
			reference,
		);
		const deviceFilter = (query.criteria.DeviceFilter ?? {}) as IDataObject;
		const eventFilter = (query.criteria.EventFilter ?? {}) as IDataObject;
		const base: IDataObject = { ...periodFields(period) };
		if (window === undefined) base.ReturnAsSingleResult = true;
		else base.SummaryWindowSeconds = window;
		if (eventFilter.EventTypes) base.EventTypes = eventFilter.EventTypes;
		if (eventFilter.TrackerTypeNames) base.TrackerTypeNames = eventFilter.TrackerTypeNames;

		const scopes: Array<{ scope: StatisticsScope; filter?: IDataObject }> = [];
		const groups = (deviceFilter.GroupNames ?? []) as string[];
		const ids = (deviceFilter.AgentDeviceIds ?? []) as string[];
		const names = (deviceFilter.AgentDisplayNames ?? []) as string[];
		if (groups.length + ids.length + names.length === 0) {
			scopes.push({ scope: { scope: 'all', name: null, id: null } });
		} else if (per === 'together') {
			scopes.push({ scope: { scope: 'selection', name: null, id: null }, filter: deviceFilter });
		} else {
			const displayNames = new Map(
				(groups.length ? await reference.groups() : []).map((group) => [
					group.Name,
					group.DisplayName || group.Name,
				]),
			);
			for (const group of groups)
				scopes.push({
					scope: { scope: 'group', name: displayNames.get(group) ?? group, id: group },
					filter: { GroupNames: [group] },
				});
			for (const id of ids)
				scopes.push({
					scope: { scope: 'device', name: null, id },
					filter: { AgentDeviceIds: [id] },
				});
			for (const name of names)
				scopes.push({
					scope: { scope: 'device', name, id: null },
					filter: { AgentDisplayNames: [name] },
				});
		}

		const output: IDataObject[] = [];
		for (const { scope, filter } of scopes) {
			const answer = await countEvents(
				client,
				filter ? { ...base, DeviceFilter: filter } : base,
				itemIndex,
			);
			output.push(
				simplify
					? simplifyEventCounts(answer, scope, client.hubLabel, window !== undefined)
					: rawEventCounts(answer, scope, client.hubLabel),
			);
		}
		return output;
	});
}
