import type { Fleet, FleetEntry, FleetStatus } from './fleetEncoding';

/** Event values, as chosen in the trigger's Events parameter and written to each item's `event`. */
export const FLEET_EVENTS = [
	'wentOffline',
	'cameOnline',
	'registered',
	'deleted',
	'anyStatusChange',
] as const;
export type FleetEventOption = (typeof FLEET_EVENTS)[number];

/** `statusChanged` is a status change that is neither to Online nor to Offline (e.g. to Waiting for Contact). */
export type FleetEvent = Exclude<FleetEventOption, 'anyStatusChange'> | 'statusChanged';

export interface FleetChange {
	key: string;
	event: FleetEvent;
	previousStatus: FleetStatus | null;
}

export interface FleetDiff {
	/** In Hub order. */
	changes: FleetChange[];
	/**
	 * Keys of live devices seen last time that the Hub no longer lists for the filters: either deleted (soft-deleted
	 * devices leave their groups) or no longer matching (e.g. moved to another group). The caller looks them up.
	 */
	missing: string[];
}

function statusEvent(status: FleetStatus): FleetEvent {
	if (status === 'Offline') return 'wentOffline';
	if (status === 'Online') return 'cameOnline';
	return 'statusChanged';
}

function changeOf(
	key: string,
	before: FleetEntry | undefined,
	now: FleetEntry,
): FleetChange | undefined {
	if (!before || before.deleted) {
		// A device seen for the first time, or restored after a soft delete; already-deleted newcomers are just noted.
		return now.deleted
			? undefined
			: { key, event: 'registered', previousStatus: before ? before.status : null };
	}
	if (now.deleted) return { key, event: 'deleted', previousStatus: before.status };
	if (now.status !== before.status)
		return { key, event: statusEvent(now.status), previousStatus: before.status };
	return undefined;
}

/** Every change between two snapshots of the same filtered fleet. Pure: O(n) over both maps. */
export function detectChanges(previous: Fleet, current: Fleet): FleetDiff {
	const changes: FleetChange[] = [];
	for (const [key, now] of current) {
		const change = changeOf(key, previous.get(key), now);
		if (change) changes.push(change);
	}
	const missing: string[] = [];
	for (const [key, before] of previous) {
		if (!before.deleted && !current.has(key)) missing.push(key);
	}
	return { changes, missing };
}

/**
 * Whether a diff takes more than `percent` % of the live devices recorded before out of the fleet (deleted, or no
 * longer listed): too many to believe on one Hub answer. Strictly more: at 50, one of two devices is not a mass
 * removal, the only device of one is; at 100 nothing is; at 0 any removal is.
 */
export function isMassRemoval(previous: Fleet, diff: FleetDiff, percent: number): boolean {
	let removed = diff.missing.length;
	for (const change of diff.changes) if (change.event === 'deleted') removed++;
	if (removed === 0) return false;
	let live = 0;
	for (const entry of previous.values()) if (!entry.deleted) live++;
	return removed * 100 > percent * live;
}

/** Whether the user's Events selection asks for this change. */
export function isWanted(event: FleetEvent, wanted: readonly string[]): boolean {
	if (wanted.includes(event)) return true;
	const isStatusChange =
		event === 'wentOffline' || event === 'cameOnline' || event === 'statusChanged';
	return isStatusChange && wanted.includes('anyStatusChange');
}
