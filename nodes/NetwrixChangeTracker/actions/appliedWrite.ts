import { NodeApiError } from 'n8n-workflow';

/**
 * A write the Hub refused because the record already exists (HTTP 400 or 409). The client retries a write the Hub
 * answered with 429 or 503; behind a proxy that answers 503 after forwarding, the first attempt was applied and
 * the retry meets the record it created. Register and Credential Create look before they write, so on this
 * answer they read the record again: if it did not exist before and now matches what was sent, this run created
 * it and it is reported as created, with `appliedNote`; anything else is the Hub's error, unchanged.
 */
export function isExistsConflict(error: unknown): boolean {
	return error instanceof NodeApiError && (error.httpCode === '400' || error.httpCode === '409');
}

/** The note on an item created by an attempt whose answer was lost (what the Hub reported, then why it is ours). */
export function appliedNote(what: string): string {
	return `The Hub answered that this ${what} already exists, but it did not exist when this run looked before writing and the one the Hub has now matches what was sent: an earlier attempt of this write was applied (the Hub or a proxy answered it with an error such as 503, and it was retried), so it is reported as created`;
}

/**
 * Runs a write. When the Hub answers it with "already exists", `findApplied` reads the record again and returns
 * it if it is what this write sent (an earlier attempt was applied); otherwise the Hub's error is thrown as it was.
 */
export async function writeOrFindApplied<T, A>(
	write: () => Promise<T>,
	findApplied: () => Promise<A | undefined>,
): Promise<{ written: T } | { applied: A }> {
	const outcome = await write().then(
		(written) => ({ written }),
		(error: unknown) => ({ error }),
	);
	if ('written' in outcome) return outcome;
	const applied = isExistsConflict(outcome.error) ? await findApplied() : undefined;
	if (applied === undefined) throw outcome.error;
	return { applied };
}
