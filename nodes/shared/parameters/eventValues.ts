import { EVENT_ID_HINT, PLANNED_CHANGE_ID_HINT, parseHubId } from '../transport/eventId';
import { EVENT_STATUSES, type EventStatus } from '../transport/hubEnums';
import { InputError, oneOf, optionalText, quote, requiredText, toList } from './inputValues';
import { uniqueIgnoringCase } from '../helpers/uniqueIgnoringCase';

/** One event id: letters, digits, - and _ (transport/eventId.ts); InputError naming the field otherwise. */
export function eventIdValue(value: unknown, field: string): string {
	const text = requiredText(value, field);
	const id = parseHubId(text);
	if (!id) throw new InputError(field, `${quote(text)} is not an event ID`, EVENT_ID_HINT);
	return id;
}

/** One or more event ids: an array, or text separated by commas, semicolons, spaces or new lines. */
export function eventIdList(value: unknown, field: string): string[] {
	const ids = toList(value, field, /[;,\s]+/).map((entry) => eventIdValue(entry, field));
	if (ids.length === 0)
		throw new InputError(
			field,
			'is empty',
			'Enter an event ID, e.g. {{ $json.id }} after Get Many',
		);
	return uniqueIgnoringCase(ids);
}

/** An optional planned change instance id; empty → undefined. */
export function optionalPlannedChangeId(value: unknown, field: string): string | undefined {
	const text = optionalText(value, field);
	if (text === undefined) return undefined;
	const id = parseHubId(text);
	if (!id)
		throw new InputError(
			field,
			`${quote(text)} is not a planned change ID`,
			PLANNED_CHANGE_ID_HINT,
		);
	return id;
}

/** An event status, from the UI value or text such as "under investigation" (case and spaces ignored). */
export function eventStatusValue(value: unknown, field: string): EventStatus {
	return oneOf(
		typeof value === 'string' ? value.replace(/\s+/g, '') : value,
		field,
		EVENT_STATUSES,
	);
}
