import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../node.type';
import * as getDeviceResults from './getDeviceResults.operation';
import * as getLatestPosture from './getLatestPosture.operation';
import * as getReports from './getReports.operation';
import * as getRuleResults from './getRuleResults.operation';
import * as getScores from './getScores.operation';

export const operations: Record<string, OperationExecute> = {
	getDeviceResults: getDeviceResults.execute,
	getLatestPosture: getLatestPosture.execute,
	getReports: getReports.execute,
	getRuleResults: getRuleResults.execute,
	getScores: getScores.execute,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['compliance'] } },
		options: [
			{
				name: 'Get Device Results',
				value: 'getDeviceResults',
				description: "One run's score per device, against the previous run",
				action: 'Get the device results of a compliance run',
			},
			{
				name: 'Get Latest Posture',
				value: 'getLatestPosture',
				description:
					'The latest score per policy template and group: pass mark, devices passed and failed, compliant, risk',
				action: 'Get the latest compliance posture',
			},
			{
				name: 'Get Reports',
				value: 'getReports',
				description: 'Which compliance reports have results for which groups and devices',
				action: 'Get compliance reports',
			},
			{
				name: 'Get Rule Results',
				value: 'getRuleResults',
				description: 'The rules a run found failing (or passing), with the devices',
				action: 'Get the rule results of a compliance run',
			},
			{
				name: 'Get Scores',
				value: 'getScores',
				description: "A report's scores over time, per group and device",
				action: 'Get compliance scores over time',
			},
		],
		default: 'getLatestPosture',
	},
	...getDeviceResults.description,
	...getLatestPosture.description,
	...getReports.description,
	...getRuleResults.description,
	...getScores.description,
];
