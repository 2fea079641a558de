import type { IHttpRequestOptions } from 'n8n-workflow';

import { NetwrixChangeTrackerApi } from '../../credentials/NetwrixChangeTrackerApi.credentials';
import { SESSION_FIELD } from '../../nodes/shared/transport/login';

describe("the credential's authenticate", () => {
	const credential = new NetwrixChangeTrackerApi();
	const request: IHttpRequestOptions = {
		url: 'https://hub.example.com/api/agentsRanked',
		method: 'POST',
		headers: { Accept: 'application/json' },
	};

	it('sends the stored session as the Cookie header and keeps the other headers', async () => {
		const sent = await credential.authenticate(
			{ [SESSION_FIELD]: 'ss-id=abc; ss-pid=def', password: 'secret' },
			request,
		);
		expect(sent).toEqual({
			...request,
			headers: { Accept: 'application/json', Cookie: 'ss-id=abc; ss-pid=def' },
		});
	});

	it('leaves the request it was given unchanged (n8n may send it again after a new login)', async () => {
		await credential.authenticate({ [SESSION_FIELD]: 'ss-id=abc' }, request);
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});

	it('sends an empty Cookie before any login, never a text like "undefined"', async () => {
		for (const session of [undefined, null, 42]) {
			const sent = await credential.authenticate({ [SESSION_FIELD]: session as never }, request);
			expect(sent.headers?.Cookie).toBe('');
		}
	});
});
