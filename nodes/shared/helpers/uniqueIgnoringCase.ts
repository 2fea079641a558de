/** The values in order, each once, comparing them ignoring case (the first spelling is kept). */
export function uniqueIgnoringCase(values: string[]): string[] {
	const seen = new Set<string>();
	return values.filter((value) => {
		const key = value.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
