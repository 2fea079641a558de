import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CHANGE_TYPES, EVENT_TYPES } from '../transport/hubEnums';
import { agentFilterFields } from './agentFilters.description';
import { eventStatusOptions } from './eventStatus.description';

/** The agent filters that select events by device (DeviceFilter, docs/hub-api.md §5.2), worded for events. */
const deviceFields: Record<string, Partial<INodeProperties>> = {
	groupNames: {
		hint: 'Events of devices in any of these groups (sub-groups included). An expression may give internal names (e.g. A12) or display names.',
	},
	agentDeviceIds: {
		description:
			'Only events of these devices. Each ID is "&lt;agent ID&gt;,&lt;device ID&gt;"; separate several with semicolons or new lines, or pass an array with an expression.',
	},
	agentDisplayNames: {
		description:
			'Only events of devices with these exact display names. Separate several with semicolons or new lines.',
	},
};

export const eventDeviceFilterFields: INodeProperties[] = agentFilterFields
	.filter((field) => field.name in deviceFields)
	.map((field) => ({ ...field, ...deviceFields[field.name] }) as INodeProperties);

/** Labels for the spec's event types. */
const EVENT_TYPE_NAMES: Record<(typeof EVENT_TYPES)[number], string> = {
	DeviceEvent: 'Device Event (Change)',
	AlertEvent: 'Alert Event',
	ErrorEvent: 'Error Event',
	AuditEvent: 'Audit Event',
	RuleSetResultEvent: 'Rule Set Result Event',
	RuleResultEvent: 'Rule Result Event',
	DataResultsEvent: 'Data Results Event',
	ScheduledPolicyResultEvent: 'Scheduled Policy Result Event',
	RuleSetScoreEvent: 'Rule Set Score Event',
	CommsEvent: 'Comms Event',
	BaselineEvent: 'Baseline Event',
	GroupReportResultEvent: 'Group Report Result Event',
};

export const eventTypeOptions: INodePropertyOptions[] = EVENT_TYPES.map((type) => ({
	name: EVENT_TYPE_NAMES[type],
	value: type,
})).sort((a, b) => a.name.localeCompare(b.name));

export const eventTypesField: INodeProperties = {
	displayName: 'Event Types',
	name: 'eventTypes',
	type: 'multiOptions',
	options: eventTypeOptions,
	default: [],
	description:
		'Only events of these types. Changes to files, registry, services and the like are device events.',
};

export const trackerTypesField: INodeProperties = {
	displayName: 'Tracker Types',
	name: 'trackerTypes',
	type: 'string',
	default: '',
	placeholder: 'filetracker; registrytracker',
	description:
		'Only events raised by these trackers (whole names, any case), e.g. filetracker, registrytracker, servicetracker, usertracker, packagetracker. Separate several with semicolons, commas or new lines.',
};

/**
 * The Filters of Event › Get Many (read by shared/events/eventQuery.ts): GetEvents' Status and TextSearch, the
 * DeviceFilter, and EventFilter criteria (docs/hub-api.md §10.1–§10.2). Only what is set is sent.
 */
export const eventFilterFields: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'statuses',
		type: 'multiOptions',
		options: eventStatusOptions,
		default: [],
		description:
			'Only events with one of these statuses (what the event is now: a new change is Unplanned or Planned, then someone may set another status)',
	},
	{
		displayName: 'Planned Change Status',
		name: 'plannedChangeStatuses',
		type: 'multiOptions',
		options: [
			{
				name: 'Planned',
				value: 'Planned',
				description: 'A planned change covers the event',
			},
			{
				name: 'Unplanned',
				value: 'Unplanned',
				description: 'No planned change covers the event, whatever its status now',
			},
		],
		default: [],
		description: 'Only events that a planned change covers, or only those no planned change covers',
	},
	eventTypesField,
	...eventDeviceFilterFields,
	{
		displayName: 'Text Search',
		name: 'textSearch',
		type: 'string',
		default: '',
		description:
			'Only events whose item name, device name, item type, tracker, comment or author contains this text (any case)',
	},
	trackerTypesField,
	{
		displayName: 'Item Types',
		name: 'itemTypes',
		type: 'string',
		default: '',
		placeholder: 'File; RegistryValue',
		description:
			'Only events about these kinds of item (whole names, any case), e.g. File, RegistryValue, Service, LocalUser, InstalledSoftware. Separate several with semicolons, commas or new lines.',
	},
	{
		displayName: 'Change Type',
		name: 'changeType',
		type: 'options',
		options: CHANGE_TYPES.map((type) => ({ name: type, value: type })),
		default: 'Changed',
		description: 'Only items that were added (New), changed, or removed (Deleted)',
	},
	{
		displayName: 'Item Name',
		name: 'itemName',
		type: 'string',
		default: '',
		placeholder: '/etc/ssh/sshd_config',
		description:
			'Only events whose item name (file path, registry value, service, package…) contains this text, any case',
	},
];

export const eventFiltersCollection: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: eventFilterFields,
};
