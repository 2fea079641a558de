import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { decodeFleet, encodeFleet, type Fleet } from './fleetEncoding';

const STATE_VERSION = 1;

/** Where the agent mode keeps its state in the node's static data. */
export const FLEET_STATE_KEY = 'changeTracker';

/** What the trigger keeps in the node's workflow static data (a handful of small fields plus the encoded fleet). */
interface StoredState {
	version: number;
	/** Which Hub and filters the fleet was recorded for; when either changes, a new baseline is taken. */
	query: string;
	fleet: string;
	since: string;
}

/** A short fingerprint of the Hub and the filters, so a changed filter does not read as mass registrations. */
export function queryFingerprint(hubApiUrl: string, deviceFilter: IDataObject): string {
	return createHash('sha256')
		.update(JSON.stringify([hubApiUrl, deviceFilter]))
		.digest('base64url')
		.slice(0, 16);
}

/** The fleet recorded by an earlier poll for the same query, or undefined (first activation or filters changed). */
export function recordedFleet(staticData: IDataObject, query: string): Fleet | undefined {
	const state = staticData[FLEET_STATE_KEY] as Partial<StoredState> | undefined;
	if (
		!state ||
		state.version !== STATE_VERSION ||
		state.query !== query ||
		typeof state.fleet !== 'string'
	)
		return undefined;
	return decodeFleet(state.fleet);
}

/** Stores the fleet; leaves static data untouched when nothing changed, so n8n does not re-save the workflow. */
export function recordFleet(
	staticData: IDataObject,
	query: string,
	fleet: Fleet,
	now: string,
): void {
	const encoded = encodeFleet(fleet);
	const state = staticData[FLEET_STATE_KEY] as Partial<StoredState> | undefined;
	if (state && state.version === STATE_VERSION && state.query === query && state.fleet === encoded)
		return;
	const next: StoredState = {
		version: STATE_VERSION,
		query,
		fleet: encoded,
		since: state?.query === query && state.since ? state.since : now,
	};
	staticData[FLEET_STATE_KEY] = next as unknown as IDataObject;
}
