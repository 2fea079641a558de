import {
	detectChanges,
	isMassRemoval,
	isWanted,
} from '../../nodes/NetwrixChangeTrackerTrigger/detectChanges';
import {
	decodeFleet,
	encodeFleet,
	fleetStatusOf,
	type Fleet,
	type FleetEntry,
} from '../../nodes/NetwrixChangeTrackerTrigger/fleetEncoding';

const entry = (status: FleetEntry['status'], deleted = false): FleetEntry => ({ status, deleted });
const fleetOf = (entries: Array<[string, FleetEntry]>): Fleet => new Map(entries);

describe('fleet state encoding', () => {
	it('writes agents, their proxied devices and deleted flags as short tokens', () => {
		const fleet = fleetOf([
			['12,12', entry('Online')],
			['12,340', entry('Offline')],
			['12,341', entry('WaitingForContact', true)],
			['17,17', entry('Unknown')],
			['18,900', entry('Online')],
		]);
		const text = encodeFleet(fleet);
		expect(text).toBe('12+,340/,341=#17?18,900+');
		expect(decodeFleet(text)).toEqual(fleet);
	});

	it('round-trips IDs with characters outside the usual alphabet', () => {
		const fleet = fleetOf([
			['a+b,a+b', entry('Offline')],
			['x/y,z=1', entry('Online', true)],
			['x/y,#2', entry('Online')],
			['é,é', entry('WaitingForContact')],
		]);
		expect(decodeFleet(encodeFleet(fleet))).toEqual(fleet);
	});

	it('encodes an empty fleet as an empty string', () => {
		expect(encodeFleet(new Map())).toBe('');
		expect(decodeFleet('')).toEqual(new Map());
	});

	it('rejects text that is not an encoding', () => {
		expect(decodeFleet('12')).toBeUndefined();
		expect(decodeFleet(',5+')).toBeUndefined();
		expect(decodeFleet('12+%E0%A4%A+')).toBeUndefined();
		expect(decodeFleet('{"12,12":"Online"}')).toBeUndefined();
	});

	it('maps unknown Hub statuses to Unknown', () => {
		expect(fleetStatusOf('Offline')).toBe('Offline');
		expect(fleetStatusOf('Sleeping')).toBe('Unknown');
		expect(fleetStatusOf(null)).toBe('Unknown');
	});

	it('costs a few bytes per device for 100,000 numeric IDs', () => {
		const fleet: Fleet = new Map();
		for (let agent = 1; fleet.size < 100_000; agent += 10) {
			fleet.set(`${agent},${agent}`, entry('Online'));
			for (let device = agent + 1; device < agent + 10; device++)
				fleet.set(`${agent},${device}`, entry('Offline'));
		}
		const text = encodeFleet(fleet);
		expect(text.length / fleet.size).toBeLessThan(8);
		expect(decodeFleet(text)?.size).toBe(100_000);
	});
});

describe('detectChanges', () => {
	const before = fleetOf([
		['1,1', entry('Online')],
		['2,2', entry('Offline')],
		['3,3', entry('Online')],
		['4,4', entry('Online')],
		['5,5', entry('WaitingForContact')],
		['6,6', entry('Online', true)],
		['7,7', entry('Online')],
	]);

	it('reports nothing for an unchanged fleet', () => {
		expect(detectChanges(before, new Map(before))).toEqual({ changes: [], missing: [] });
	});

	it('names each change once, with the status before it', () => {
		const after = fleetOf([
			['1,1', entry('Offline')],
			['2,2', entry('Online')],
			['3,3', entry('WaitingForContact')],
			['4,4', entry('Online', true)],
			['5,5', entry('Online')],
			['6,6', entry('Offline')],
			['8,8', entry('Offline')],
			['9,9', entry('Online', true)],
		]);
		expect(detectChanges(before, after)).toEqual({
			changes: [
				{ key: '1,1', event: 'wentOffline', previousStatus: 'Online' },
				{ key: '2,2', event: 'cameOnline', previousStatus: 'Offline' },
				{ key: '3,3', event: 'statusChanged', previousStatus: 'Online' },
				{ key: '4,4', event: 'deleted', previousStatus: 'Online' },
				{ key: '5,5', event: 'cameOnline', previousStatus: 'WaitingForContact' },
				{ key: '6,6', event: 'registered', previousStatus: 'Online' },
				{ key: '8,8', event: 'registered', previousStatus: null },
			],
			missing: ['7,7'],
		});
	});

	it('calls a removal "mass" only above the share of the live devices recorded before', () => {
		const live = (count: number, deleted = 0): Fleet =>
			fleetOf(
				Array.from({ length: count + deleted }, (_, index): [string, FleetEntry] => [
					`${index + 1},${index + 1}`,
					entry('Online', index >= count),
				]),
			);
		const share = (previous: Fleet, current: Fleet, percent: number) =>
			isMassRemoval(previous, detectChanges(previous, current), percent);
		const without = (fleet: Fleet, ...keys: string[]) =>
			fleetOf([...fleet].filter(([key]) => !keys.includes(key)));
		const markDeleted = (fleet: Fleet, ...keys: string[]) =>
			fleetOf(
				[...fleet].map(([key, value]) => [
					key,
					keys.includes(key) ? entry(value.status, true) : value,
				]),
			);

		// Small fleets: one of two is exactly 50% (not more), the only device is 100%.
		expect(share(live(2), without(live(2), '2,2'), 50)).toBe(false);
		expect(share(live(2), new Map(), 50)).toBe(true);
		expect(share(live(1), new Map(), 50)).toBe(true);
		expect(share(live(1), markDeleted(live(1), '1,1'), 50)).toBe(true);
		// Devices already deleted before do not count towards the fleet, nor as removed.
		expect(share(live(4, 6), without(live(4, 6), '1,1', '2,2', '9,9'), 50)).toBe(false);
		expect(share(live(4, 6), markDeleted(live(4, 6), '1,1', '2,2', '3,3'), 50)).toBe(true);
		// Gone from the list and marked deleted add up.
		expect(
			share(live(10), markDeleted(without(live(10), '1,1', '2,2', '3,3'), '4,4', '5,5'), 50),
		).toBe(false);
		expect(
			share(live(10), markDeleted(without(live(10), '1,1', '2,2', '3,3'), '4,4', '5,5', '6,6'), 50),
		).toBe(true);
		// 0: any removal; 100: never; nothing removed is never a mass removal, even from an empty fleet.
		expect(share(live(10), without(live(10), '1,1'), 0)).toBe(true);
		expect(share(live(10), new Map(), 100)).toBe(false);
		expect(share(live(10), live(10), 0)).toBe(false);
		expect(share(new Map(), new Map(), 0)).toBe(false);
	});

	it('matches events to the Events selection', () => {
		expect(isWanted('wentOffline', ['wentOffline'])).toBe(true);
		expect(isWanted('wentOffline', ['anyStatusChange'])).toBe(true);
		expect(isWanted('statusChanged', ['anyStatusChange'])).toBe(true);
		expect(isWanted('statusChanged', ['wentOffline', 'cameOnline'])).toBe(false);
		expect(isWanted('registered', ['anyStatusChange'])).toBe(false);
		expect(isWanted('deleted', ['deleted'])).toBe(true);
	});
});
