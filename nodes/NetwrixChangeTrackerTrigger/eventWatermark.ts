import type { SeenEvent } from './seenEventsEncoding';

/**
 * What the New Events mode knows between polls (docs/trigger.md, New Events). Invariant: every event the trigger
 * emitted that is dated at or after `from` is in `seen`; nothing dated before `from` is emitted any more.
 */
export interface EventState {
	/** The newest DateUtc of the events emitted so far (or the baseline's time, or Emit Events Since). */
	watermark: number;
	/** The earliest DateUtc a poll still reads: the baseline at first, then the watermark minus the look-back. */
	from: number;
	/** Emitted events dated at or after `from`: ID (lower case) → DateUtc. */
	seen: Map<string, number>;
}

/** One event of a read, in the order the poll emits them (oldest first). */
export interface WindowEvent<T> {
	key: string;
	at: number;
	/** What the poll emits for it; absent for events already in `seen` (nothing is kept for them). */
	item?: T;
}

/** The first state: nothing emitted, nothing dated before `since` will be. */
export function startState(since: number): EventState {
	return { watermark: since, from: since, seen: new Map() };
}

/**
 * The DateUtc period a poll reads, both ends inclusive: from the watermark minus the look-back (never before
 * `from`, whose earlier events were emitted or are out of scope) to now. The end is fixed, so an event dated in the
 * future by a device clock that runs ahead is read when its time comes and cannot move the watermark ahead.
 */
export function windowOf(
	state: EventState,
	lookBackMs: number,
	now: number,
): { start: number; end: number } {
	const start = Math.max(state.from, state.watermark - lookBackMs);
	return { start, end: Math.max(now, start) };
}

/**
 * How many events a poll reads at most: enough for `cap` not seen yet even if every seen event is among the
 * oldest of the window.
 */
export function readLimit(state: EventState, cap: number): number {
	return cap + state.seen.size;
}

export interface PollOutcome<T> {
	/** Oldest first, at most `cap`. */
	emitted: Array<WindowEvent<T>>;
	/** More unseen events were read than the cap allows: the next poll takes them. */
	capped: boolean;
	next: EventState;
}

/**
 * The events a poll emits and the state after it. `events` are the window's events, each once, oldest first
 * (ties in the Hub's order). The first `cap` events not seen yet are emitted; the watermark moves to the newest of
 * them (never back), so when capped it stops at the last emitted event's DateUtc and the events left over (dated at
 * or after it) are read again next poll. Events dated before the new `from` (watermark − look-back) are forgotten.
 */
export function advance<T>(
	state: EventState,
	events: Array<WindowEvent<T>>,
	cap: number,
	lookBackMs: number,
	start: number,
): PollOutcome<T> {
	const unseen = events.filter((event) => !state.seen.has(event.key));
	const emitted = unseen.slice(0, cap);
	const newest = emitted.length ? emitted[emitted.length - 1].at : undefined;
	const watermark = newest === undefined ? state.watermark : Math.max(state.watermark, newest);
	const from = Math.max(start, watermark - lookBackMs);
	const seen = new Map<string, number>();
	for (const [key, at] of state.seen) if (at >= from) seen.set(key, at);
	for (const event of emitted) if (event.at >= from) seen.set(event.key, event.at);
	return { emitted, capped: unseen.length > cap, next: { watermark, from, seen } };
}

export function seenList(state: EventState): SeenEvent[] {
	return [...state.seen].map(([key, at]) => ({ key, at }));
}

/** Whether two states would be stored alike (then static data is left alone, and n8n does not re-save it). */
export function sameState(a: EventState, b: EventState): boolean {
	if (a.watermark !== b.watermark || a.from !== b.from || a.seen.size !== b.seen.size) return false;
	for (const [key, at] of a.seen) if (b.seen.get(key) !== at) return false;
	return true;
}
