import { hubIdKey, parseHubId, sameHubId } from '../../nodes/shared/transport/eventId';

describe('event and planned change ids', () => {
	it('compare without regard to case', () => {
		expect(hubIdKey('6787790E000000000001866E')).toBe('6787790e000000000001866e');
		expect(hubIdKey('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(
			'0f8fad5b-d9cb-469f-a165-70867728950e',
		);
		expect(sameHubId('6787790E000000000001866E', '6787790e000000000001866e')).toBe(true);
		expect(sameHubId('6787790e000000000001866e', '6787790e000000000001866f')).toBe(false);
		expect(sameHubId(undefined, undefined)).toBe(false);
		expect(sameHubId(null, '')).toBe(false);
	});

	it('lower every letter toLowerCase would, not only A-Z', () => {
		expect(hubIdKey('ÀB-c')).toBe('àb-c');
		expect(hubIdKey('Ä')).toBe('Ä'.toLowerCase());
	});

	it('keep an id already in lower case as it is', () => {
		for (const id of ['6787790e000000000001866e', 'a_b-9', '0f8fad5b-d9cb-469f-a165-70867728950e'])
			expect(hubIdKey(id)).toBe(id);
	});

	it('accept only text of id characters', () => {
		expect(parseHubId(' 6787790e000000000001866e ')).toBe('6787790e000000000001866e');
		expect(parseHubId(42)).toBe('42');
		for (const bad of ['', 'a b', 'a,b', '../x', '"x"', 'a'.repeat(129), null, {}, ['x']])
			expect(parseHubId(bad)).toBeUndefined();
	});
});
