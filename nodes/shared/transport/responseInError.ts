import { errorChain } from './errorChain';
import { isLoginError } from './login';
import type { HubResponse } from './session';

/** The HTTP answer inside an error n8n threw (NodeApiError → AxiosError → response), if there was one. */
export function responseInError(error: unknown): HubResponse | undefined {
	for (const link of errorChain(error)) {
		const response = link.response as
			| { status?: unknown; headers?: unknown; data?: unknown }
			| undefined;
		if (response && typeof response.status === 'number') {
			return {
				statusCode: response.status,
				headers: (response.headers ?? {}) as Record<string, unknown>,
				body: response.data,
			};
		}
	}
	return statusOnlyResponse(error);
}

/**
 * Late n8n 1.x (n8n-workflow 1.120) throws a NodeApiError without the HTTP client's error inside (its `cause` field
 * is reset after construction); only the answer's status survives, as `httpCode`. That status is then all there is
 * to act on: no headers, no body.
 */
function statusOnlyResponse(error: unknown): HubResponse | undefined {
	if (isLoginError(error)) return undefined;
	const httpCode = (error as { httpCode?: unknown } | undefined)?.httpCode;
	if (typeof httpCode !== 'string' || !/^[1-5]\d\d$/.test(httpCode)) return undefined;
	return { statusCode: Number(httpCode), headers: {}, body: undefined };
}
