import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pagingOptionFields } from '../../../shared/descriptions/paging.description';
import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { booleanValue, integerInRange } from '../../../shared/parameters/inputValues';
import { pageConcurrencyOption, pageSizeOption } from '../../../shared/parameters/pageOptions';
import { walkReportSummaries, type ScoresRequest } from '../../../shared/transport/compliance';
import { simplifyField } from '../../descriptions/common.description';
import {
	complianceDeviceFilterFields,
	compliancePeriodFields,
	complianceReportLocator,
} from '../../descriptions/complianceFields.description';
import { complianceDeviceFilter } from '../../helpers/complianceDeviceFilter';
import { reportIdOf, unknownReport } from '../../helpers/complianceInput';
import { readCompliancePeriod } from '../../helpers/compliancePeriod';
import { rawComplianceRecord, simplifyReportSummary } from '../../helpers/simplifyCompliance';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';

const MAX_RUNS = 1000;

const properties: INodeProperties[] = [
	complianceReportLocator,
	...compliancePeriodFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: "Which devices get a row besides the report's group",
		options: complianceDeviceFilterFields,
	},
	simplifyField,
	operationOptions(
		{
			displayName: 'Include Devices Without Results',
			name: 'includeDevicesWithNoResults',
			type: 'boolean',
			default: false,
			description:
				'Whether to add a row for each device of the report that has no score in the period',
		},
		{
			displayName: 'Max Runs',
			name: 'maxRuns',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_RUNS },
			default: 12,
			description: 'Only the most recent runs in the period, up to this many',
		},
		...pagingOptionFields('groups and devices'),
	),
];

const displayOptions = { show: { resource: ['compliance'], operation: ['getScores'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * A report's scores over time, for its group and each device (POST /stats/compliancedata, docs/hub-api.md §16.3):
 * simplified, one row per group or device and run. Every page of groups and devices is read, each once.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client, reference }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const reportId = reportIdOf(this, itemIndex);
		const period = readCompliancePeriod(this, itemIndex);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

		const query: ScoresRequest['query'] = { ReportItemId: reportId, ...period };
		const deviceFilter = await complianceDeviceFilter(filters, reference);
		if (deviceFilter) query.DeviceFilter = deviceFilter;
		if (options.maxRuns !== undefined)
			query.MaxNumberOfSummaries = integerInRange(
				options.maxRuns,
				'Options › Max Runs',
				1,
				MAX_RUNS,
			);
		if (options.includeDevicesWithNoResults !== undefined)
			query.IncludeDevicesWithNoResults = booleanValue(
				options.includeDevicesWithNoResults,
				'Options › Include Devices Without Results',
			);

		const summaries = await walkReportSummaries(client, {
			query,
			pageSize: pageSizeOption(options),
			concurrency: pageConcurrencyOption(options),
			itemIndex,
		});
		if (summaries === undefined) throw unknownReport(reportId);
		if (!simplify) return summaries.map((summary) => rawComplianceRecord(summary, client.hubLabel));
		return summaries.flatMap((summary) =>
			simplifyReportSummary(summary, reportId, client.hubLabel),
		);
	});
}
