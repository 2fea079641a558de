import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../node.type';
import * as addMembers from './addMembers.operation';
import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as getMembers from './getMembers.operation';
import * as getMemberships from './getMemberships.operation';
import * as removeMembers from './removeMembers.operation';

export const operations: Record<string, OperationExecute> = {
	addMembers: addMembers.execute,
	create: create.execute,
	getAll: getMany.execute,
	getMembers: getMembers.execute,
	getMemberships: getMemberships.execute,
	removeMembers: removeMembers.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Add Members',
				value: 'addMembers',
				description:
					'Add devices or child groups to a group (members already there are left alone)',
				action: 'Add members to a group',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a device group under a parent group',
				action: 'Create a group',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get groups, with filters',
				action: 'Get many groups',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				description: 'Get the devices and child groups of a group',
				action: 'Get the members of a group',
			},
			{
				name: 'Get Memberships',
				value: 'getMemberships',
				description: 'Get the groups a device is in',
				action: 'Get the groups of a device',
			},
			{
				name: 'Remove Members',
				value: 'removeMembers',
				description: 'Remove devices or child groups from a group (absent ones are left alone)',
				action: 'Remove members from a group',
			},
		],
		default: 'getAll',
	},
	...addMembers.description,
	...create.description,
	...getMany.description,
	...getMembers.description,
	...getMemberships.description,
	...removeMembers.description,
];
