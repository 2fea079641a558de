/** The error a request gets when its deadline passes; the code makes it read as a timeout (networkFailure.ts). */
function deadlineError(timeoutMs: number): Error {
	return Object.assign(new Error(`No complete answer within ${timeoutMs} ms`), {
		code: 'ETIMEDOUT',
	});
}

/**
 * A deadline for a whole exchange, kept by the node itself: `race` settles on time even for work that cannot take the
 * signal — the login n8n runs inside the same call (the credential's preAuthentication) has no way to receive it — and
 * readBody drops a trickling body when `signal` fires. The signal is also handed to n8n as the request's abortSignal,
 * but n8n 2's httpRequestWithAuthentication replaces it with the execution's cancel signal in node executions, so
 * nothing may rely on n8n honouring it. The timer does not keep the process alive.
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
