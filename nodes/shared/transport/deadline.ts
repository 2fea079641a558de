/** The error a request gets when its deadline passes; the code makes it read as a timeout (networkFailure.ts). */
function deadlineError(timeoutMs: number): Error {
	return Object.assign(new Error(`No complete answer within ${timeoutMs} ms`), {
		code: 'ETIMEDOUT',
	});
}

/**
 * A deadline for a whole exchange: `signal` aborts the request (n8n passes it to its HTTP client, which then stops
 * reading a trickling body), and `race` settles on time even for work that cannot take the signal — the login n8n
 * runs inside the same call (the credential's preAuthentication) has no way to receive it. The timer does not keep
 * the process alive.
 */
export class Deadline {
	readonly signal: AbortSignal;

	constructor(private readonly timeoutMs: number) {
		this.signal = AbortSignal.timeout(timeoutMs);
	}

	async race<T>(work: Promise<T>): Promise<T> {
		if (this.signal.aborted) throw deadlineError(this.timeoutMs);
		let onAbort: (() => void) | undefined;
		const expired = new Promise<never>((_, reject) => {
			onAbort = () => reject(deadlineError(this.timeoutMs));
			this.signal.addEventListener('abort', onAbort, { once: true });
		});
		try {
			return await Promise.race([work, expired]);
		} finally {
			this.signal.removeEventListener('abort', onAbort!);
		}
	}
}
