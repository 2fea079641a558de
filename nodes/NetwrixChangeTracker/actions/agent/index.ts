import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../node.type';
import * as count from './count.operation';
import * as deleteAgent from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as register from './register/register.operation';
import * as rename from './rename.operation';
import * as restore from './restore.operation';

export const operations: Record<string, OperationExecute> = {
	count: count.execute,
	delete: deleteAgent.execute,
	get: get.execute,
	getAll: getMany.execute,
	register: register.execute,
	rename: rename.execute,
	restore: restore.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		options: [
			{
				name: 'Count',
				value: 'count',
				description: 'Count agents matching filters',
				action: 'Count agents',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Soft-delete an agent or proxied device (Restore brings it back)',
				action: 'Delete an agent',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an agent or proxied device',
				action: 'Get an agent',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many agents and devices',
				action: 'Get many agents',
			},
			{
				name: 'Register',
				value: 'register',
				description: 'Register an agentless device behind a proxy agent, idempotently',
				action: 'Register a proxied device',
			},
			{
				name: 'Rename',
				value: 'rename',
				description: 'Change the name of an agent or device',
				action: 'Rename an agent',
			},
			{
				name: 'Restore',
				value: 'restore',
				description: 'Bring back a soft-deleted agent or device',
				action: 'Restore an agent',
			},
		],
		default: 'getAll',
	},
	...count.description,
	...deleteAgent.description,
	...get.description,
	...getMany.description,
	...register.description,
	...rename.description,
	...restore.description,
];
