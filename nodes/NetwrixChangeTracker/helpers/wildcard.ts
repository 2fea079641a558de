/** A case-insensitive test for a pattern where `*` stands for any run of characters (and nothing else is special). */
export function wildcardMatcher(pattern: string): (text: string) => boolean {
	const source = pattern
		.split('*')
		.map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	const regex = new RegExp(`^${source}$`, 'is');
	return (text) => regex.test(text);
}
