import type { INodeProperties } from 'n8n-workflow';

/**
 * Time Range, Start and End (read by shared/events/timeRange.ts): which events by DateUtc. Start and End are not
 * marked required: n8n would then demand them whenever Time Range is an expression; the node reports an empty one
 * itself, naming the field.
 */
export const eventTimeRangeFields: INodeProperties[] = [
	{
		displayName: 'Time Range',
		name: 'timeRange',
		type: 'options',
		options: [
			{
				name: 'Between Two Dates',
				value: 'between',
				description: 'Changes from Start to End (both included)',
			},
			{ name: 'Last 24 Hours', value: 'last24Hours' },
			{ name: 'Last 7 Days', value: 'last7Days' },
			{ name: 'Last Hour', value: 'lastHour' },
			{ name: 'Since a Date', value: 'since', description: 'Changes from Start until now' },
		],
		default: 'last24Hours',
		description:
			'When the changes happened on the devices (the event date). Events an offline agent sends later are dated when the change happened.',
	},
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		description:
			"The earliest change to include. Text without an offset (e.g. 2025-01-31T09:00:00) is read in the workflow's time zone.",
		displayOptions: { show: { timeRange: ['since', 'between'] } },
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		description: 'The latest change to include; not before Start',
		displayOptions: { show: { timeRange: ['between'] } },
	},
];
