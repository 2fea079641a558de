import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../node.type';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationExecute> = {
	create: create.execute,
	delete: del.execute,
	get: get.execute,
	getAll: getMany.execute,
	update: update.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['credential'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a credential, or update it if it exists',
				action: 'Create a credential',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a credential',
				action: 'Delete a credential',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a credential (secrets masked)',
				action: 'Get a credential',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many credentials (secrets masked)',
				action: 'Get many credentials',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update, rotate, rename or retype a credential',
				action: 'Update a credential',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...del.description,
	...get.description,
	...getMany.description,
	...update.description,
];
