import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resolveGroupField } from '../../../shared/agents/groupNames';
import { resolveAgentDevices } from '../../../shared/agents/resolveAgentDevices';
import { pagingOptionFields } from '../../../shared/descriptions/paging.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { hubDate, optionalDate } from '../../../shared/parameters/dateValues';
import {
	booleanValue,
	InputError,
	optionalBoolean,
	optionalText,
	toList,
} from '../../../shared/parameters/inputValues';
import {
	limitParameter,
	pageConcurrencyOption,
	pageSizeOption,
} from '../../../shared/parameters/pageOptions';
import { parseAgentDeviceId } from '../../../shared/transport/agentDeviceId';
import { walkPlannedChangeInstances } from '../../../shared/transport/plannedChanges';
import { limitField, returnAllField, simplifyField } from '../../descriptions/common.description';
import { rawPlannedChange, simplifyPlannedChange } from '../../helpers/plannedChangeInput';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';

const properties: INodeProperties[] = [
	returnAllField,
	{ ...limitField, description: 'Max number of planned changes to return' },
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
				placeholder: 'e.g. CHG0040100',
				description: 'Part of the display name, any case: find a change request by its number',
			},
			{
				displayName: 'Exclude Disabled',
				name: 'excludeDisabled',
				type: 'boolean',
				default: false,
				description: 'Whether to leave out disabled planned changes',
			},
			{
				displayName: 'Exclude Out of Schedule',
				name: 'excludeOutOfSchedule',
				type: 'boolean',
				default: false,
				description: 'Whether to keep only the planned changes whose schedule covers now',
			},
			{
				displayName: 'Member Device Names or IDs',
				name: 'memberDevices',
				type: 'string',
				default: '',
				placeholder: 'e.g. LON-WEB-0001; 12,340',
				description:
					'Planned changes covering one of these devices, as a member or through a member group. Display names (whole, any case) or Agent Device IDs, separated by semicolons or new lines.',
			},
			{
				displayName: 'Member Group Names or IDs',
				name: 'memberGroups',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getGroups' },
				default: [],
				description:
					'Planned changes with one of these groups (or a parent group) as a member. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Window From',
				name: 'windowStart',
				type: 'dateTime',
				default: '',
				description:
					"Planned changes whose window ends at or after this time. Text without an offset is read in the workflow's time zone.",
			},
			{
				displayName: 'Window To',
				name: 'windowEnd',
				type: 'dateTime',
				default: '',
				description: 'Planned changes whose window starts at or before this time',
			},
		],
	},
	simplifyField,
	operationOptions(...pagingOptionFields('planned changes')),
];

const displayOptions = { show: { resource: ['plannedChange'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The GetPlannedChangeInstances criteria of the Filters: only those set are sent. */
async function buildQuery(
	context: IExecuteFunctions,
	hub: HubRunContext,
	filters: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const query: IDataObject = {};
	const contains = optionalText(filters.displayNameContains, 'Filters › Display Name Contains');
	if (contains) query.DisplayNameContains = contains;
	const groups = await resolveGroupField(
		hub.reference,
		toList(filters.memberGroups, 'Filters › Member Groups'),
		'Filters › Member Groups',
	);
	if (groups.length) query.MemberGroups = groups;
	const deviceField = 'Filters › Member Devices';
	const devices = await resolveAgentDevices(
		hub.client,
		toList(filters.memberDevices, deviceField).map((value) => ({
			by: parseAgentDeviceId(value) ? ('id' as const) : ('name' as const),
			value,
		})),
		deviceField,
		itemIndex,
	);
	if (devices.length) query.MemberAgentDeviceIds = devices.map((device) => device.agentDeviceId);
	if (optionalBoolean(filters.excludeDisabled, 'Filters › Exclude Disabled', false))
		query.ExcludeDisabled = true;
	if (optionalBoolean(filters.excludeOutOfSchedule, 'Filters › Exclude Out of Schedule', false))
		query.ExcludeOutOfSchedule = true;
	const timeZone = context.getTimezone();
	const from = optionalDate(filters.windowStart, 'Filters › Window From', timeZone);
	const to = optionalDate(filters.windowEnd, 'Filters › Window To', timeZone);
	if (from !== undefined && to !== undefined && to < from)
		throw new InputError(
			'Filters › Window To',
			'is before Window From',
			'Give a Window To at or after Window From',
		);
	if (from !== undefined) query.StartDateUtc = hubDate(from);
	if (to !== undefined) query.EndDateUtc = hubDate(to);
	return query;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	hub: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const returnAll = booleanValue(this.getNodeParameter('returnAll', itemIndex), 'Return All');
		const limit = returnAll
			? undefined
			: limitParameter(this.getNodeParameter('limit', itemIndex), 'planned changes');
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const query = await buildQuery(this, hub, filters, itemIndex);
		if (simplify) query.OmitPlannedChangeDefinitions = true;
		const now = Date.now();
		const { hubLabel } = hub.client;
		return await walkPlannedChangeInstances(
			hub.client,
			{
				query,
				pageSize: pageSizeOption(options),
				concurrency: pageConcurrencyOption(options),
				limit,
				itemIndex,
			},
			(instance) =>
				simplify
					? (simplifyPlannedChange(instance, hubLabel, now) as IDataObject & { id: string })
					: (rawPlannedChange(instance, hubLabel) as IDataObject & { InstanceId: string }),
		);
	});
}
