import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { booleanValue, oneOf, toList } from '../../../shared/parameters/inputValues';
import { fetchRuleResults } from '../../../shared/transport/compliance';
import { RULE_RESULT_STATES } from '../../../shared/transport/hubEnums';
import { simplifyField } from '../../descriptions/common.description';
import { complianceRunField } from '../../descriptions/complianceFields.description';
import { runIdOf, unknownRun } from '../../helpers/complianceInput';
import { rawComplianceRecord, simplifyRuleResult } from '../../helpers/simplifyCompliance';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';

const properties: INodeProperties[] = [
	complianceRunField,
	{
		displayName: 'Rule States',
		name: 'states',
		type: 'multiOptions',
		options: RULE_RESULT_STATES.map((state) => ({ name: state, value: state })),
		default: ['Failed'],
		description:
			'Which rule results: the rules devices failed, passed, or both. None selected: failed (the Hub default).',
	},
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['compliance'], operation: ['getRuleResults'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * The rule results of one run (POST /reports/ruleresults, docs/hub-api.md §16.5): one item per rule and state, with
 * its title, what was found, the expected value, the share of devices passing it and the devices in that state.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const runId = runIdOf(this, itemIndex);
		const states = toList(
			this.getNodeParameter('states', itemIndex, []),
			'Rule States',
			/[;,\s]+/,
		).map((state) => oneOf(state, 'Rule States', RULE_RESULT_STATES));
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const rules = await fetchRuleResults(
			client,
			{ runId, states: [...new Set(states)] },
			itemIndex,
		);
		if (rules === undefined) throw unknownRun(runId);
		if (!simplify) return rules.map((rule) => rawComplianceRecord(rule, client.hubLabel));
		return rules.map((rule) => simplifyRuleResult(rule, runId, client.hubLabel));
	});
}
