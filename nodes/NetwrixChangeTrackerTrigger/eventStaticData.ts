import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { seenList, type EventState } from './eventWatermark';
import { decodeSeenEvents, encodeSeenEvents } from './seenEventsEncoding';

/** Where the New Events mode keeps its state in the node's static data (the agent mode uses `changeTracker`). */
export const EVENT_STATE_KEY = 'changeTrackerEvents';

const STATE_VERSION = 1;

/** The stored form: dates as ISO text, so the static data reads well in a database dump. */
interface StoredEventState {
	version: number;
	/** Which Hub the IDs belong to: another Hub starts over from a baseline. */
	hub: string;
	/** Options › Emit Events Since when the state was started, or null: setting another date starts over. */
	since: string | null;
	watermark: string;
	from: string;
	seen: string;
}

/** A short fingerprint of the Hub, so a credential pointed at another Hub does not match its event IDs. */
export function hubFingerprint(hubApiUrl: string): string {
	return createHash('sha256').update(hubApiUrl).digest('base64url').slice(0, 16);
}

const instant = (text: unknown): number | undefined => {
	if (typeof text !== 'string') return undefined;
	const value = Date.parse(text);
	return Number.isNaN(value) ? undefined : value;
};

export interface RecordedEvents {
	state: EventState;
	/** Emit Events Since (epoch ms) the state was started with, or undefined. */
	since?: number;
}

/** The state recorded by an earlier poll on this Hub, or undefined (first poll, another Hub, unreadable state). */
export function recordedEvents(staticData: IDataObject, hub: string): RecordedEvents | undefined {
	const stored = staticData[EVENT_STATE_KEY] as Partial<StoredEventState> | undefined;
	if (!stored || stored.version !== STATE_VERSION || stored.hub !== hub) return undefined;
	const watermark = instant(stored.watermark);
	const from = instant(stored.from);
	if (watermark === undefined || from === undefined || typeof stored.seen !== 'string')
		return undefined;
	const seen = decodeSeenEvents(stored.seen, from);
	if (!seen) return undefined;
	const since = stored.since === null ? undefined : instant(stored.since);
	if (stored.since !== null && since === undefined) return undefined;
	return {
		state: { watermark, from, seen: new Map(seen.map((event) => [event.key, event.at])) },
		since,
	};
}

/** Stores the state (always a new object, so n8n sees the change and saves the workflow's static data). */
export function recordEvents(
	staticData: IDataObject,
	hub: string,
	state: EventState,
	since: number | undefined,
): void {
	const stored: StoredEventState = {
		version: STATE_VERSION,
		hub,
		since: since === undefined ? null : new Date(since).toISOString(),
		watermark: new Date(state.watermark).toISOString(),
		from: new Date(state.from).toISOString(),
		seen: encodeSeenEvents(seenList(state), state.from),
	};
	staticData[EVENT_STATE_KEY] = stored as unknown as IDataObject;
}
