import { agentDeviceKey } from '../../nodes/shared/transport/agentDeviceId';
import { DistinctKeys } from '../../nodes/shared/transport/distinctKeys';

describe('DistinctKeys: the rows a walk has read', () => {
	it('takes each key once, small numbers and text alike, and counts them', () => {
		const keys = new DistinctKeys();
		expect(keys.add(12)).toBe(true);
		expect(keys.add('12,340')).toBe(true);
		expect(keys.add(12)).toBe(false);
		expect(keys.add('12,340')).toBe(false);
		expect(keys.size).toBe(2);
	});

	it('keeps a number and the same digits as text apart', () => {
		const keys = new DistinctKeys();
		expect(keys.add(5)).toBe(true);
		expect(keys.add('5')).toBe(true);
		expect(keys.size).toBe(2);
	});

	it('keeps every bit of the bitset apart as it grows, in any order', () => {
		const keys = new DistinctKeys();
		const ids = [0, 31, 32, 33, 1023, 1024, 70_000, 2 ** 24 - 1, 5, 64];
		for (const id of ids) expect(keys.add(id)).toBe(true);
		for (const id of ids) expect(keys.add(id)).toBe(false);
		expect(keys.add(30)).toBe(true);
		expect(keys.size).toBe(ids.length + 1);
	});

	it('keeps numbers the bitset does not hold (large, negative, fractional) in the set', () => {
		const keys = new DistinctKeys();
		for (const id of [2 ** 24, 2 ** 40, -1, 1.5]) {
			expect(keys.add(id)).toBe(true);
			expect(keys.add(id)).toBe(false);
		}
		expect(keys.add(1)).toBe(true);
		expect(keys.size).toBe(5);
	});
});

describe('agentDeviceKey: what a walk tells agents and devices apart by', () => {
	it('is the id as a number for an agent on its own machine with a small decimal id', () => {
		expect(agentDeviceKey('12', '12')).toBe(12);
		expect(agentDeviceKey('0', '0')).toBe(0);
		expect(agentDeviceKey('9999999', '9999999')).toBe(9_999_999);
	});

	it('is the Agent Device ID for a proxied device and for ids a number would not tell apart', () => {
		expect(agentDeviceKey('12', '340')).toBe('12,340');
		// Leading zeros, long ids and non-decimal ids stay text: "012" and "12" are different ids.
		expect(agentDeviceKey('012', '012')).toBe('012,012');
		expect(agentDeviceKey('10000000', '10000000')).toBe('10000000,10000000');
		expect(agentDeviceKey('c9e6b0d1', 'c9e6b0d1')).toBe('c9e6b0d1,c9e6b0d1');
		expect(agentDeviceKey('1e3', '1e3')).toBe('1e3,1e3');
	});

	it('gives different devices different keys', () => {
		const devices: Array<[string, string]> = [
			['12', '12'],
			['012', '012'],
			['12', '340'],
			['340', '12'],
			['0', '0'],
			['00', '00'],
		];
		const keys = new DistinctKeys();
		for (const [agentId, deviceId] of devices)
			expect(keys.add(agentDeviceKey(agentId, deviceId))).toBe(true);
		expect(keys.size).toBe(devices.length);
	});
});
