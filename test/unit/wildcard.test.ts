import { matchWildcard, wildcardMatcher } from '../../nodes/NetwrixChangeTracker/helpers/wildcard';

/** The matcher before issue 13 (finding 7): a regular expression, the reference for what matches. */
function regexMatcher(pattern: string): (text: string) => boolean {
	const source = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	const regex = new RegExp(`^${source}$`, 'is');
	return (text) => regex.test(text);
}

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('wildcardMatcher (issue 13, finding 7)', () => {
	it.each([
		['Sql*', 'SqlProd', true],
		['sql*', 'SQLPROD', true],
		['*ssh*', 'LinuxSSHKey', true],
		['*ssh', 'LinuxSSHKey', false],
		['n8n*rotation', 'N8nDatabaseRotation', true],
		['*', '', true],
		['', '', true],
		['', 'a', false],
		['**', 'anything', true],
		['a*b*c', 'abc', true],
		['a*b*c', 'acb', false],
		['a.c', 'abc', false],
		['a.c', 'A.C', true],
		['(x)+[y]?', '(X)+[Y]?', true],
		['^$\\', '^$\\', true],
		['a*', 'a\nb', true],
		['*b', 'a\nb', true],
		['é*', 'É-key', true],
		['straße', 'STRASSE', false],
		['K*', 'k', true],
		['\u212a*', 'k', false],
		['Ω', 'ω', true],
	])('%j matches %j: %s', (pattern, text, expected) => {
		expect(wildcardMatcher(pattern)(text)).toBe(expected);
		expect(regexMatcher(pattern)(text)).toBe(expected);
	});

	it('agrees with the regular expression it replaces on 20,000 random small patterns and keys', () => {
		const next = random(13);
		const alphabet = [
			'a',
			'A',
			'b',
			'B',
			'*',
			'.',
			'\n',
			'é',
			'É',
			'ı',
			'I',
			'ſ',
			'S',
			'K',
			'k',
			'\u212a',
		];
		const pick = (length: number) =>
			Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
		const keyAlphabet = alphabet.filter((char) => char !== '*').concat('*');
		const key = (length: number) =>
			Array.from({ length }, () => keyAlphabet[Math.floor(next() * keyAlphabet.length)]).join('');
		const disagreements: string[] = [];
		for (let round = 0; round < 20_000; round++) {
			const pattern = pick(Math.floor(next() * 7));
			const text = key(Math.floor(next() * 9));
			if (wildcardMatcher(pattern)(text) !== regexMatcher(pattern)(text))
				disagreements.push(JSON.stringify([pattern, text]));
		}
		expect(disagreements).toEqual([]);
	});

	it('takes at most (key length + 1) × (pattern length + 1) steps, on random and pathological inputs', () => {
		const next = random(7);
		for (let round = 0; round < 2_000; round++) {
			const pattern = Array.from({ length: Math.floor(next() * 12) }, () =>
				next() < 0.4 ? '*' : 'ab'[Math.floor(next() * 2)],
			).join('');
			const text = Array.from(
				{ length: Math.floor(next() * 40) },
				() => 'ab'[Math.floor(next() * 2)],
			).join('');
			const { steps } = matchWildcard(pattern, text);
			expect(steps).toBeLessThanOrEqual((text.length + 1) * (pattern.length + 1));
		}
	});

	it('builds no regular expression from the pattern, so no pattern can make it backtrack', () => {
		const built: string[] = [];
		const NativeRegExp = RegExp;
		const spy = jest.spyOn(globalThis, 'RegExp').mockImplementation(((
			source: string | RegExp,
			flags?: string,
		) => {
			built.push(String(source));
			return new NativeRegExp(source, flags);
		}) as unknown as () => RegExp);
		try {
			expect(wildcardMatcher(`${'*a'.repeat(12)}*b`)('a'.repeat(20))).toBe(false);
		} finally {
			spy.mockRestore();
		}
		expect(built).toEqual([]);
	});

	it('the pattern that froze n8n (*a ×12, then *b, against 34 characters) finishes in a bounded number of steps', () => {
		// The regex took 2.7 s here and ~10x longer per 5 more characters; the steps of this matcher grow linearly.
		const pattern = `${'*a'.repeat(12)}*b`;
		const stepsFor = (length: number) => matchWildcard(pattern, 'a'.repeat(length)).steps;
		const { matches, steps } = matchWildcard(pattern, 'a'.repeat(34));
		expect(matches).toBe(false);
		expect(steps).toBeLessThanOrEqual(35 * (pattern.length + 1));
		expect(stepsFor(39) - stepsFor(34)).toBe(stepsFor(44) - stepsFor(39));
		// A key as long as a Hub allows, with a pattern as long as an agent might send.
		const long = matchWildcard(`${'*a'.repeat(200)}*b`, 'a'.repeat(10_000));
		expect(long.matches).toBe(false);
		expect(long.steps).toBeLessThanOrEqual(10_001 * 402);
	});
});
