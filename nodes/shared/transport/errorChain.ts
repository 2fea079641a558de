/** Causes followed at most: n8n wraps an HTTP failure two or three deep (NodeApiError → AxiosError → Node error). */
const MAX_DEPTH = 8;

/** An error and the errors it was caused by (`cause`), outermost first; stops at a loop, or after MAX_DEPTH. */
export function* errorChain(error: unknown): Generator<Record<string, unknown>> {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current) && seen.size < MAX_DEPTH) {
		seen.add(current);
		yield current as Record<string, unknown>;
		current = (current as { cause?: unknown }).cause;
	}
}
