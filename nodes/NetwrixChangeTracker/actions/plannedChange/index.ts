import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../node.type';
import * as addMembers from './addMembers.operation';
import * as approveEvents from './approveEvents.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as endNow from './endNow.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as reevaluateEvents from './reevaluateEvents.operation';
import * as removeMembers from './removeMembers.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationExecute> = {
	addMembers: addMembers.execute,
	approveEvents: approveEvents.execute,
	create: create.execute,
	delete: del.execute,
	endNow: endNow.execute,
	get: get.execute,
	getAll: getMany.execute,
	reevaluateEvents: reevaluateEvents.execute,
	removeMembers: removeMembers.execute,
	update: update.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['plannedChange'] } },
		options: [
			{
				name: 'Add Members',
				value: 'addMembers',
				description: 'Add devices or groups to a planned change',
				action: 'Add members to a planned change',
			},
			{
				name: 'Approve Events',
				value: 'approveEvents',
				description: 'File unplanned events under a planned change after the fact',
				action: 'Approve events into a planned change',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a planned change for an approved change request',
				action: 'Create a planned change',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a planned change',
				action: 'Delete a planned change',
			},
			{
				name: 'End Now',
				value: 'endNow',
				description: 'Close the change window now (the change request is closed)',
				action: 'End a planned change now',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a planned change',
				action: 'Get a planned change',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get planned changes, with filters',
				action: 'Get many planned changes',
			},
			{
				name: 'Reevaluate Events',
				value: 'reevaluateEvents',
				description: 'Classify the events already received again against a planned change',
				action: 'Reevaluate the events of a planned change',
			},
			{
				name: 'Remove Members',
				value: 'removeMembers',
				description: 'Remove devices or groups from a planned change',
				action: 'Remove members from a planned change',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the window, description, assignee or state of a planned change',
				action: 'Update a planned change',
			},
		],
		default: 'getAll',
	},
	...addMembers.description,
	...approveEvents.description,
	...create.description,
	...del.description,
	...endNow.description,
	...get.description,
	...getMany.description,
	...reevaluateEvents.description,
	...removeMembers.description,
	...update.description,
];
