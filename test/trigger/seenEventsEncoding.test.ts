import {
	advance,
	startState,
	windowOf,
	type WindowEvent,
} from '../../nodes/NetwrixChangeTrackerTrigger/eventWatermark';
import {
	decodeSeenEvents,
	encodeSeenEvents,
	type SeenEvent,
} from '../../nodes/NetwrixChangeTrackerTrigger/seenEventsEncoding';

const BASE = Date.parse('2025-01-15T09:00:00.000Z');
const byDate = (a: SeenEvent, b: SeenEvent) =>
	a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

describe('seen event IDs encoding', () => {
	it('groups IDs by date and writes each as the digits it does not share with the one before', () => {
		const events = [
			{ key: '6787790e000000000001866e', at: BASE },
			{ key: '6787790e0000000000018670', at: BASE },
			{ key: '6787790e000000000001869a', at: BASE + 2049 },
		];
		const text = encodeSeenEvents(events, BASE);
		expect(text).toBe('@0,06787790e000000000001866e,m70@1kx,m9a');
		expect(decodeSeenEvents(text, BASE)).toEqual(events);
		expect(encodeSeenEvents([], BASE)).toBe('');
		expect(decodeSeenEvents('', BASE)).toEqual([]);
	});

	it('round-trips opaque IDs of any characters and length, and leaves out IDs dated before the base', () => {
		const events: SeenEvent[] = [
			{ key: 'a,b@c', at: BASE + 5 },
			{ key: 'ünïcødé-id_1', at: BASE + 5 },
			{ key: 'x'.repeat(80), at: BASE + 10 },
			{ key: 'x'.repeat(40), at: BASE + 10 },
			{ key: '0f8fad5b-d9cb-469f-a165-70867728950e', at: BASE + 3_600_000 },
		];
		const text = encodeSeenEvents([...events, { key: 'old', at: BASE - 1 }], BASE);
		expect(decodeSeenEvents(text, BASE)).toEqual([...events].sort(byDate));
	});

	it('costs a few bytes per ID for IDs that arrive together', () => {
		const events = Array.from({ length: 1000 }, (_, index) => ({
			key: `6787790e${index.toString(16).padStart(16, '0')}`,
			at: BASE + index * 900,
		}));
		const text = encodeSeenEvents(events, BASE);
		expect(decodeSeenEvents(text, BASE)).toEqual(events);
		expect(text.length / events.length).toBeLessThan(8);
	});

	it.each(['x', '@', '@0', '@0,', '@!,0a', '@0,5abc', '@0,0%E0%A4%A'])(
		'rejects %p (the trigger then takes a new baseline)',
		(text) => expect(decodeSeenEvents(text, BASE)).toBeUndefined(),
	);
});

describe('watermark and look-back', () => {
	const event = (key: string, minutes: number): WindowEvent<string> => ({
		key,
		at: BASE + minutes * 60_000,
		item: key,
	});
	const LOOK_BACK = 15 * 60_000;

	it('emits unseen events up to the cap; capped, the watermark stops at the last one emitted', () => {
		const state = startState(BASE);
		const { start } = windowOf(state, LOOK_BACK, BASE + 3_600_000);
		const events = [event('a', 1), event('b', 2), event('c', 2), event('d', 40)];
		const first = advance(state, events, 2, LOOK_BACK, start);
		expect(first.emitted.map((e) => e.key)).toEqual(['a', 'b']);
		expect(first.capped).toBe(true);
		expect(first.next.watermark).toBe(BASE + 2 * 60_000);
		const second = advance(first.next, events, 2, LOOK_BACK, start);
		expect(second.emitted.map((e) => e.key)).toEqual(['c', 'd']);
		expect(second.capped).toBe(false);
		// Only IDs dated within the look-back of the new watermark are kept.
		expect(second.next.from).toBe(BASE + 25 * 60_000);
		expect([...second.next.seen.keys()]).toEqual(['d']);
	});

	it('never moves the watermark back for a late event, and reads from it minus the look-back', () => {
		const state = { watermark: BASE + 60 * 60_000, from: BASE, seen: new Map() };
		expect(windowOf(state, LOOK_BACK, BASE + 61 * 60_000)).toEqual({
			start: BASE + 45 * 60_000,
			end: BASE + 61 * 60_000,
		});
		const late = advance(state, [event('late', 50)], 10, LOOK_BACK, BASE + 45 * 60_000);
		expect(late.next.watermark).toBe(state.watermark);
		expect(late.next.seen.get('late')).toBe(BASE + 50 * 60_000);
	});
});
