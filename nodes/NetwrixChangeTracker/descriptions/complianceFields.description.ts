import type { INodeProperties } from 'n8n-workflow';

import { agentFilterFields } from '../../shared/descriptions/agentFilters.description';

/** The compliance report an operation reads: from a searchable list (reports with data) or by its Report Item ID. */
export const complianceReportLocator: INodeProperties = {
	displayName: 'Report',
	name: 'report',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The compliance report: a policy template run against a group',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchComplianceReports', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 65a0c0de0000000000000101',
			hint: 'The Report Item ID (the reportId field of Get Reports)',
		},
	],
};

/** One run of a report (its Report Instance ID), as Get Latest Posture and Get Scores output it. */
export const complianceRunField: INodeProperties = {
	displayName: 'Run ID',
	name: 'runId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 65a0c0de00000000000ba007',
	description:
		'The Report Instance ID of one run: the runId field of Get Latest Posture or Get Scores',
};

/**
 * Period, Start and End (read by helpers/compliancePeriod.ts): which runs, by their date. Start and End are not
 * marked required (an expression in Period would make n8n demand them); the node reports an empty one, naming it.
 */
export const compliancePeriodFields: INodeProperties[] = [
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{ name: 'All Runs', value: 'all', description: 'Every run the Hub keeps' },
			{
				name: 'Between Two Dates',
				value: 'between',
				description: 'Runs from Start to End (both included)',
			},
			{ name: 'Last 30 Days', value: 'last30Days' },
			{ name: 'Last 90 Days', value: 'last90Days' },
			{ name: 'Since a Date', value: 'since', description: 'Runs from Start until now' },
		],
		default: 'all',
		description: 'Which runs of the reports, by the date they ran',
	},
	{
		displayName: 'Start',
		name: 'periodStart',
		type: 'dateTime',
		default: '',
		description:
			"The earliest run to include. Text without an offset (e.g. 2025-01-31T09:00:00) is read in the workflow's time zone.",
		displayOptions: { show: { period: ['since', 'between'] } },
	},
	{
		displayName: 'End',
		name: 'periodEnd',
		type: 'dateTime',
		default: '',
		description: 'The latest run to include; not before Start',
		displayOptions: { show: { period: ['between'] } },
	},
];

/** The agent filters that select devices (DeviceFilter, docs/hub-api.md §5.2), worded for compliance results. */
const deviceFields: Record<string, Partial<INodeProperties>> = {
	groupNames: {
		hint: 'Results of devices in any of these groups (sub-groups included). An expression may give internal names (e.g. A12) or display names.',
	},
	agentDeviceIds: {
		description:
			'Only results of these devices. Each ID is "&lt;agent ID&gt;,&lt;device ID&gt;"; separate several with semicolons or new lines, or pass an array with an expression.',
	},
	agentDisplayNames: {
		description:
			'Only results of devices with these exact display names. Separate several with semicolons or new lines.',
	},
};

export const complianceDeviceFilterFields: INodeProperties[] = agentFilterFields
	.filter((field) => field.name in deviceFields)
	.map((field) => ({ ...field, ...deviceFields[field.name] }) as INodeProperties);
