import { NodeApiError, type JsonObject } from 'n8n-workflow';

import { loginToHub } from '../../nodes/shared/transport/login';
import { responseInError } from '../../nodes/shared/transport/responseInError';
import { actionNode } from '../harness';

const node = actionNode({});

/** What n8n's HTTP client rejects with for an answer it counts as failed: axios's error, the answer inside. */
function axiosError(status: number, headers: Record<string, string>, data: unknown): Error {
	return Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, headers, data },
	});
}

/** A real login failure (HubLoginError): a Hub URL the node refuses before sending anything. */
async function loginError(): Promise<Error> {
	const helpers = { httpRequest: async () => await Promise.reject(new Error('not sent')) };
	return await loginToHub
		.call({ helpers } as never, { url: 'not a url', username: 'u', password: 'p' })
		.then(
			() => {
				throw new Error('the login was expected to fail');
			},
			(error: Error) => error,
		);
}

describe('responseInError: the Hub answer inside what n8n threw', () => {
	it('n8n 2: the answer, headers and body included, from the axios error NodeApiError wraps', () => {
		const thrown = new NodeApiError(
			node,
			axiosError(503, { 'retry-after': '2' }, { ResponseStatus: { ErrorCode: 'Busy' } }) as never,
		);
		expect(responseInError(thrown)).toEqual({
			statusCode: 503,
			headers: { 'retry-after': '2' },
			body: { ResponseStatus: { ErrorCode: 'Busy' } },
		});
	});

	it('late n8n 1.x: only the status survives (httpCode, no cause), and that is what is acted on', () => {
		const thrown = new NodeApiError(node, {
			message: 'Service unavailable',
			httpCode: '503',
		} as JsonObject);
		expect(thrown.cause).toBeUndefined();
		expect(responseInError(thrown)).toEqual({ statusCode: 503, headers: {}, body: undefined });
	});

	it('a login failure is never taken for an answer, whatever status it carries', async () => {
		const login = await loginError();
		const thrown = Object.assign(new NodeApiError(node, login as never), { httpCode: '401' });
		expect(responseInError(login)).toBeUndefined();
		expect(responseInError(thrown)).toBeUndefined();
	});

	it.each([
		['no status', {}],
		['a network error code', { httpCode: 'ECONNREFUSED' }],
		['a number out of range', { httpCode: '999' }],
	])('%s: no answer', (_, fields) => {
		expect(responseInError(Object.assign(new Error('failed'), fields))).toBeUndefined();
	});
});
