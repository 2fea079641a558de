import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { booleanValue } from '../../../shared/parameters/inputValues';
import { fetchAvailableCompliance } from '../../../shared/transport/compliance';
import { simplifyField } from '../../descriptions/common.description';
import {
	complianceDeviceFilterFields,
	compliancePeriodFields,
} from '../../descriptions/complianceFields.description';
import { complianceDeviceFilter } from '../../helpers/complianceDeviceFilter';
import { readCompliancePeriod } from '../../helpers/compliancePeriod';
import { rawComplianceRecord, simplifyAvailableReports } from '../../helpers/simplifyCompliance';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';

const properties: INodeProperties[] = [
	...compliancePeriodFields,
	{
		displayName: 'Include Devices',
		name: 'includeDevices',
		type: 'boolean',
		default: false,
		description:
			"Whether to add a row per scored device to each report's group row, with the device's own scores",
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: complianceDeviceFilterFields,
	},
	simplifyField,
	operationOptions(),
];

const displayOptions = { show: { resource: ['compliance'], operation: ['getReports'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Which compliance reports have results for which groups and devices, with latest, previous and average scores (POST
 * /stats/getavailablecompliancedata, docs/hub-api.md §16.2): where the Report IDs of the other operations come from.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client, reference }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const period = readCompliancePeriod(this, itemIndex);
		const includeDevices = booleanValue(
			this.getNodeParameter('includeDevices', itemIndex, false),
			'Include Devices',
		);
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const deviceFilter = await complianceDeviceFilter(filters, reference);
		const answer = await fetchAvailableCompliance(
			client,
			{
				...period,
				...(deviceFilter ? { DeviceFilter: deviceFilter } : {}),
				...(includeDevices ? { ReturnDevices: true } : {}),
			},
			itemIndex,
		);
		if (!simplify)
			return (answer.AvailableComplianceDetails ?? []).map((detail) =>
				rawComplianceRecord(detail, client.hubLabel),
			);
		return simplifyAvailableReports(answer, client.hubLabel);
	});
}
