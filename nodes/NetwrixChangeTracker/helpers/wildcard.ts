/**
 * Key patterns where `*` stands for any run of characters (newlines included) and nothing else is special, compared
 * case-insensitively. The pattern can come from an AI agent using the node as a tool, so it is matched without a
 * regular expression (`*a*a*a…b` backtracks exponentially in one): two pointers that remember the last `*` and
 * move its match on by one character when the rest fails. Each character of the text is tried against each
 * position of the pattern at most once per `*`, so a match takes at most (text length + 1) × (pattern length + 1)
 * comparisons, and usually about the text's length.
 */

/** One UTF-16 unit as a case-insensitive regular expression (without the `u` flag) compares it. */
function canonical(unit: string): string {
	const upper = unit.toUpperCase();
	if (upper.length !== 1) return unit;
	if (unit.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) return unit;
	return upper;
}

const STAR = '*';

function units(text: string): string[] {
	const result: string[] = new Array<string>(text.length);
	for (let index = 0; index < text.length; index++) result[index] = canonical(text[index]);
	return result;
}

function match(p: readonly string[], text: string): { matches: boolean; steps: number } {
	const t = units(text);
	let steps = 0;
	let pi = 0;
	let ti = 0;
	let star = -1; // the position of the last `*` seen in the pattern
	let resume = 0; // where in the text the part after that `*` is tried next
	while (ti < t.length) {
		steps++;
		if (pi < p.length && p[pi] === STAR) {
			star = pi++;
			resume = ti;
		} else if (pi < p.length && p[pi] === t[ti]) {
			pi++;
			ti++;
		} else if (star >= 0) {
			pi = star + 1;
			ti = ++resume;
		} else {
			return { matches: false, steps };
		}
	}
	while (pi < p.length && p[pi] === STAR) pi++;
	return { matches: pi === p.length, steps };
}

/** Whether `text` matches `pattern`, and the steps it took (each compares at most one character pair). */
export function matchWildcard(pattern: string, text: string): { matches: boolean; steps: number } {
	return match(units(pattern), text);
}

/** A case-insensitive test for a pattern where `*` stands for any run of characters (and nothing else is special). */
export function wildcardMatcher(pattern: string): (text: string) => boolean {
	const p = units(pattern);
	return (text) => match(p, text).matches;
}
