import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { booleanValue, oneOf } from '../../../shared/parameters/inputValues';
import { fetchRunSummary } from '../../../shared/transport/compliance';
import { simplifyField } from '../../descriptions/common.description';
import {
	complianceReportLocator,
	complianceRunField,
} from '../../descriptions/complianceFields.description';
import { reportIdOf, runIdOf, unknownRun } from '../../helpers/complianceInput';
import {
	rawComplianceRecord,
	simplifyDeviceResult,
	simplifyRunSummary,
} from '../../helpers/simplifyCompliance';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';

const OUTPUTS = ['devices', 'summary'] as const;

const properties: INodeProperties[] = [
	complianceReportLocator,
	complianceRunField,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'Per Device',
				value: 'devices',
				description: 'One item per device: its score in this run, the previous one and the change',
			},
			{
				name: 'Run Summary',
				value: 'summary',
				description: "One item: the run's average score against the previous run",
			},
		],
		default: 'devices',
	},
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['compliance'], operation: ['getDeviceResults'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * One run of a report against the run before it (POST /stats/compliancesummarydata, docs/hub-api.md §16.4): per
 * device (task status, score, previous score, change, new) or the run's summary.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const reportId = reportIdOf(this, itemIndex);
		const runId = runIdOf(this, itemIndex);
		const output = oneOf(this.getNodeParameter('output', itemIndex, 'devices'), 'Output', OUTPUTS);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const run = { reportId, runId };
		const answer = await fetchRunSummary(
			client,
			{ ...run, devices: output === 'devices' },
			itemIndex,
		);
		if (answer === undefined) throw unknownRun(runId, reportId);
		if (output === 'summary') {
			if (!simplify) return rawComplianceRecord(answer, client.hubLabel);
			return simplifyRunSummary(answer, run, client.hubLabel);
		}
		const details = answer.AgentTaskDetails ?? [];
		if (!simplify) return details.map((detail) => rawComplianceRecord(detail, client.hubLabel));
		return details.map((detail) =>
			simplifyDeviceResult(detail, { ...run, runUtc: answer.LastRunTimeUtc }, client.hubLabel),
		);
	});
}
