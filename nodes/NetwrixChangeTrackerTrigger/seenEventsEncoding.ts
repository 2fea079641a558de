/**
 * The events the New Events mode has emitted that it may read again (those dated inside the look-back window), kept
 * in the workflow's static data between polls. A busy Hub emits thousands of events per window, so the list is one
 * string of a few bytes per event, not an object per event:
 *
 *   `@<date step>` starts the events of one DateUtc: milliseconds after the date before it (the first: after
 *                  `base`, the start of the window), in base 36;
 *   `,<p><rest>`   one event ID (lower case, URI-encoded): the first `p` characters (one base-36 digit, 0–35) of
 *                  the ID before it, then `rest`.
 *
 * Event IDs are opaque to the node (docs/hub-api.md §10.3); on the Hub they are ObjectId-like and ordered by
 * arrival, so IDs of events read together share most of their digits and `rest` is short. URI encoding never
 * produces `@` or `,`. Example (base 2025-01-15T09:00:00.000Z): `@0,06787790e000000000001866e,m70@1kx,m9a` =
 * `…866e` and `…8670` at 09:00:00.000, `…869a` at 09:00:02.049.
 */

export interface SeenEvent {
	/** The event ID, lower case (IDs compare without regard to case). */
	key: string;
	/** Its DateUtc, epoch ms. */
	at: number;
}

const MAX_PREFIX = 35;
const STEP = /^[0-9a-z]+$/;
const PREFIX = /^[0-9a-z]$/;

function sharedPrefix(a: string, b: string): number {
	const max = Math.min(a.length, b.length, MAX_PREFIX);
	let length = 0;
	while (length < max && a.charCodeAt(length) === b.charCodeAt(length)) length++;
	return length;
}

/** Sorted by date, then ID; events dated before `base` are not written (they are outside the window). */
export function encodeSeenEvents(events: Iterable<SeenEvent>, base: number): string {
	const sorted = [...events]
		.filter((event) => event.at >= base)
		.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const parts: string[] = [];
	let date = base;
	let group: number | undefined;
	let previous = '';
	for (const event of sorted) {
		if (event.at !== group) {
			parts.push('@', (event.at - date).toString(36));
			date = event.at;
			group = event.at;
		}
		const id = encodeURIComponent(event.key);
		const prefix = sharedPrefix(previous, id);
		parts.push(',', prefix.toString(36), id.slice(prefix));
		previous = id;
	}
	return parts.join('');
}

/** Undefined when the text is not a valid encoding (the trigger then starts over from a baseline). */
export function decodeSeenEvents(text: string, base: number): SeenEvent[] | undefined {
	if (text === '') return [];
	if (!text.startsWith('@')) return undefined;
	const events: SeenEvent[] = [];
	let date = base;
	let previous = '';
	for (const group of text.slice(1).split('@')) {
		const [step, ...ids] = group.split(',');
		if (!STEP.test(step) || ids.length === 0) return undefined;
		date += parseInt(step, 36);
		if (!Number.isSafeInteger(date)) return undefined;
		for (const entry of ids) {
			if (!PREFIX.test(entry.charAt(0))) return undefined;
			const prefix = parseInt(entry.charAt(0), 36);
			if (prefix > previous.length) return undefined;
			const id = previous.slice(0, prefix) + entry.slice(1);
			if (id === '') return undefined;
			let key: string;
			try {
				key = decodeURIComponent(id);
			} catch {
				return undefined;
			}
			events.push({ key, at: date });
			previous = id;
		}
	}
	return events;
}
