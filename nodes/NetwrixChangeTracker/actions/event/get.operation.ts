import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { operationOptions } from '../../../shared/descriptions/requestOptions.description';
import { eventLookups, rawEvent, simplifyEvent } from '../../../shared/events/simplifyEvent';
import { hubDateOrNull } from '../../../shared/helpers/hubDates';
import { eventIdValue } from '../../../shared/parameters/eventValues';
import {
	booleanValue,
	InputError,
	optionalBoolean,
	quote,
} from '../../../shared/parameters/inputValues';
import { EVENT_ID_HINT, sameHubId } from '../../../shared/transport/eventId';
import { fetchEventHistory, lookUpEvent } from '../../../shared/transport/events';
import { simplifyField } from '../../descriptions/common.description';
import { eventIdField } from '../../descriptions/eventFields.description';
import type { HubRunContext } from '../node.type';
import { processItems } from '../processItems';

/**
 * Events one lookup reads. A Hub that filters by EventId answers with one; the room is for a Hub that does not
 * (the one asked for must still be among them, or it is "not found").
 */
const LOOKUP_WINDOW = 20;

const properties: INodeProperties[] = [
	eventIdField,
	simplifyField,
	operationOptions({
		displayName: 'Include History',
		name: 'includeHistory',
		type: 'boolean',
		default: false,
		description:
			"Whether to add the event's audit trail: planned change matches, status changes and comments, with who and when",
	}),
];

const displayOptions = { show: { resource: ['event'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

const notFound = (id: string) =>
	new InputError('Event ID', `the Hub has no event with ID ${quote(id)}`, EVENT_ID_HINT);

/**
 * One event (POST /events with EventId, docs/hub-api.md §10.1), only if the Hub answered with that very event; with
 * Include History, its audit trail (/event/history/{EventId}, §10.6) as `history` (simplified) or `History`.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	{ client, reference }: HubRunContext,
): Promise<INodeExecutionData[]> {
	return await processItems(this, items, async (itemIndex) => {
		const id = eventIdValue(this.getNodeParameter('eventId', itemIndex), 'Event ID');
		const simplify = booleanValue(this.getNodeParameter('simplify', itemIndex, true), 'Simplify');
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const includeHistory = optionalBoolean(
			options.includeHistory,
			'Options › Include History',
			false,
		);

		const answer = await lookUpEvent(client, id, LOOKUP_WINDOW, itemIndex);
		const event = answer.events.find((candidate) => sameHubId(candidate.Id, id));
		if (!event) throw notFound(id);

		let output: IDataObject;
		if (simplify) {
			const lookups = await eventLookups(reference);
			output = simplifyEvent(
				event,
				{ ...lookups, plannedChanges: answer.plannedChanges },
				client.hubLabel,
			);
		} else output = rawEvent(event, client.hubLabel);
		if (!includeHistory) return output;

		const history = await fetchEventHistory(client, event.Id, itemIndex);
		if (!history) throw notFound(id);
		if (history.EventId && !sameHubId(history.EventId, event.Id)) {
			throw new InputError(
				'Event ID',
				`the Hub answered the history of ${quote(id)} with the history of ${quote(history.EventId)}`,
				'Check that the credential points at a Change Tracker Hub 8.1 or later',
			);
		}
		const entries = history.HistoryItems ?? [];
		if (!simplify) return { ...output, History: entries };
		return {
			...output,
			history: entries.map((entry) => ({
				dateUtc: hubDateOrNull(entry.DateUtc),
				message: entry.Message ?? null,
			})),
		};
	});
}
