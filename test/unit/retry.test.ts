import {
	backoffMs,
	decideRetry,
	isRetryableStatus,
	parseRetryAfterMs,
} from '../../nodes/shared/transport/retry';

const policy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

describe('retry policy', () => {
	it('retries reads on 429/502/503/504, writes only on 429/503', () => {
		expect([429, 502, 503, 504].map((s) => isRetryableStatus(s, false))).toEqual([
			true,
			true,
			true,
			true,
		]);
		expect([429, 502, 503, 504].map((s) => isRetryableStatus(s, true))).toEqual([
			true,
			false,
			true,
			false,
		]);
		expect([400, 401, 403, 404, 500].some((s) => isRetryableStatus(s, false))).toBe(false);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-26T10:00:00Z');
		expect(parseRetryAfterMs('3', now)).toBe(3000);
		expect(parseRetryAfterMs(['1.5'], now)).toBe(1500);
		expect(parseRetryAfterMs('Thu, 26 Nov 2026 10:00:07 GMT', now)).toBe(7000);
		expect(parseRetryAfterMs('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfterMs('soon', now)).toBeUndefined();
		expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with jitter, capped', () => {
		expect(backoffMs(1, policy, () => 0)).toBe(250);
		expect(backoffMs(1, policy, () => 1)).toBe(500);
		expect(backoffMs(3, policy, () => 1)).toBe(2000);
		expect(backoffMs(20, policy, () => 1)).toBe(30_000);
	});

	it('honours Retry-After, stops after the attempts, and refuses waits beyond the cap', () => {
		const now = 0;
		expect(decideRetry(1, policy, '5', now)).toEqual({ retry: true, waitMs: 5000 });
		expect(decideRetry(4, policy, '1', now)).toEqual({ retry: false, reason: 'attempts' });
		expect(decideRetry(1, policy, '600', now)).toEqual({
			retry: false,
			reason: 'retryAfterTooLong',
		});
	});
});
