/**
 * Event and planned change ids are opaque strings (docs/hub-api.md §10.3: ObjectId-like, 24 hex digits, on the Hubs
 * seen so far; planned change instances are GUIDs). The node accepts any id made of letters, digits, `-` and `_`
 * (up to 128), which both forms are, and rejects what cannot be an id: spaces, commas, slashes, quotes, paths. An id
 * goes into a path (`/event/history/{EventId}`), so nothing else may pass.
 */
const HUB_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export const EVENT_ID_HINT =
	'Use the id of an event as Event › Get Many returns it (24 hexadecimal digits, for example "6787790e000000000001866e")';

export const PLANNED_CHANGE_ID_HINT =
	'Use the id of a planned change instance (a GUID such as "0f8fad5b-d9cb-469f-a165-70867728950e"), as the plannedChangeId field of Event › Get Many shows it';

/** The id trimmed, or undefined when it is not text of id characters. */
export function parseHubId(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	return HUB_ID.test(text) ? text : undefined;
}

/** Characters toLowerCase would change. */
const UPPER_CASE = /[A-Z]|[^\x00-\x7F]/;

/**
 * The key an event (or planned change) id is compared and de-duplicated by: hex ids compare without regard to case.
 * An id with nothing to lower is its own key, not a copy: a walk keeps the key of every event it reads.
 */
export function hubIdKey(id: string): string {
	return UPPER_CASE.test(id) ? id.toLowerCase() : id;
}

/** Whether two event (or planned change) ids name the same record. */
export function sameHubId(a: string | null | undefined, b: string | null | undefined): boolean {
	return typeof a === 'string' && typeof b === 'string' && hubIdKey(a) === hubIdKey(b);
}
