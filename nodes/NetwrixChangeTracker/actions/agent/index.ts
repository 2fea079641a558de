import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../node.type';
import * as count from './count.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: Record<string, OperationExecute> = {
	count: count.execute,
	get: get.execute,
	getAll: getMany.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		options: [
			{ name: 'Count', value: 'count', description: 'Count agents matching filters', action: 'Count agents' },
			{ name: 'Get', value: 'get', description: 'Get an agent or proxied device', action: 'Get an agent' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many agents and devices', action: 'Get many agents' },
		],
		default: 'getAll',
	},
	...count.description,
	...get.description,
	...getMany.description,
];
