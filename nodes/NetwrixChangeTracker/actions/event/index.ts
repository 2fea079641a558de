import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../node.type';
import * as addComment from './addComment.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getStatistics from './getStatistics.operation';
import * as setStatus from './setStatus.operation';

export const operations: Record<string, OperationExecute> = {
	addComment: addComment.execute,
	get: get.execute,
	getAll: getMany.execute,
	getStatistics: getStatistics.execute,
	setStatus: setStatus.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Add Comment',
				value: 'addComment',
				description: 'Write a ticket number or note onto events',
				action: 'Add a comment to events',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a change event, optionally with its history',
				action: 'Get an event',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get change events of a period, with filters',
				action: 'Get many events',
			},
			{
				name: 'Get Statistics',
				value: 'getStatistics',
				description: 'Count planned, unplanned, alert and error events per group or device',
				action: 'Get event statistics',
			},
			{
				name: 'Set Status',
				value: 'setStatus',
				description: 'Acknowledge events, or give them another status',
				action: 'Set the status of events',
			},
		],
		default: 'getAll',
	},
	...addComment.description,
	...get.description,
	...getMany.description,
	...getStatistics.description,
	...setStatus.description,
];
