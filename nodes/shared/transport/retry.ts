/** When and how long to wait before sending a Hub request again. */
export interface RetryPolicy {
	/** Total tries per request, the first included. */
	maxAttempts: number;
	/** Back-off before the 2nd try; doubles for each further try. */
	baseDelayMs: number;
	/** No single wait is longer; a Retry-After beyond it ends the retries. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};

/**
 * 429 and 503 mean the Hub did not process the request, so even writes may be sent again.
 * 502 and 504 come from a proxy that may have passed the request on: only reads are retried.
 */
export function isRetryableStatus(status: number, isWrite: boolean): boolean {
	if (status === 429 || status === 503) return true;
	return !isWrite && (status === 502 || status === 504);
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: unknown, nowMs: number): number | undefined {
	const header = Array.isArray(value) ? value[0] : value;
	if (typeof header !== 'string' && typeof header !== 'number') return undefined;
	const text = String(header).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/** Exponential back-off with jitter (50–100 % of the step), so parallel clients do not retry in lockstep. */
export function backoffMs(
	attempt: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	const step = policy.baseDelayMs * 2 ** (attempt - 1);
	return Math.min(policy.maxDelayMs, Math.round(step * (0.5 + random() * 0.5)));
}

type RetryDecision =
	| { retry: true; waitMs: number }
	| { retry: false; reason: 'attempts' | 'retryAfterTooLong' };

/** `attempt` is the try that just failed (1-based). */
export function decideRetry(
	attempt: number,
	policy: RetryPolicy,
	retryAfterHeader: unknown,
	nowMs: number,
): RetryDecision {
	if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts' };
	const retryAfter = parseRetryAfterMs(retryAfterHeader, nowMs);
	if (retryAfter !== undefined && retryAfter > policy.maxDelayMs)
		return { retry: false, reason: 'retryAfterTooLong' };
	return { retry: true, waitMs: Math.max(retryAfter ?? 0, backoffMs(attempt, policy)) };
}
