import type { INodeProperties } from 'n8n-workflow';

import { eventFiltersCollection } from '../shared/descriptions/eventFilters.description';
import { pagingOptionFields } from '../shared/descriptions/paging.description';
import { requestOptionFields } from '../shared/descriptions/requestOptions.description';
import {
	DEFAULT_LOOK_BACK_MINUTES,
	DEFAULT_MAX_EVENTS_PER_POLL,
	MAX_EVENTS_PER_POLL,
	MAX_LOOK_BACK_MINUTES,
} from './pollEvents';

const show = { show: { triggerOn: ['newEvents'] } };

/** Trigger On › New Events: the Filters of Event › Get Many (Status Unplanned by default) and the poll's options. */
export const newEventsProperties: INodeProperties[] = [
	{
		displayName:
			'The first poll after activation records the time and starts nothing; later polls emit each new event once, oldest first. Set Options › Emit Events Since to start from an earlier date.',
		name: 'newEventsNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{
		...eventFiltersCollection,
		// Not `filters`: the agent mode's Filters would carry over when Trigger On is switched, without this default.
		name: 'eventFilters',
		default: { statuses: ['Unplanned'] },
		description:
			'Which events start the workflow. Status is what the event is when the poll reads it: an event acknowledged before then is not emitted.',
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'eventOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Emit Events Since',
				name: 'emitEventsSince',
				type: 'dateTime',
				default: '',
				description:
					'Emit the events dated from this date on, instead of only those after activation. Setting another date starts over from it (its events are emitted again); clearing it changes nothing.',
			},
			{
				displayName: 'Look-Back (Minutes)',
				name: 'lookBackMinutes',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_LOOK_BACK_MINUTES },
				default: DEFAULT_LOOK_BACK_MINUTES,
				description:
					'How late an event may reach the Hub (from an agent that was offline or busy) and still be emitted: each poll reads again from the newest event seen minus this. Events dated earlier that arrive later are missed. Longer is safer but each poll reads more and remembers more event IDs.',
			},
			{
				displayName: 'Max Events per Poll',
				name: 'maxEventsPerPoll',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_EVENTS_PER_POLL },
				default: DEFAULT_MAX_EVENTS_PER_POLL,
				description:
					'Most events one poll emits, oldest first; the rest are emitted by the next polls, none lost',
			},
			...pagingOptionFields('events').filter((field) => field.name === 'pageSize'),
			...requestOptionFields,
		],
	},
];
