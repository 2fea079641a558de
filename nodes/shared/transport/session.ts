import { isLoginError } from './login';

export interface HubResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** Sends one request; `reloginOn401` lets n8n re-run the credential's login once if the Hub answers 401. */
type SendRequest = (reloginOn401: boolean) => Promise<HubResponse>;

async function settled(promise: Promise<unknown> | undefined): Promise<void> {
	await promise?.then(
		() => undefined,
		() => undefined,
	);
}

/**
 * Keeps logins to one per execution however many requests run in parallel.
 *
 * n8n logs in (the credential's preAuthentication) when no session is stored, and again when a request that
 * allows it comes back 401. Left alone, parallel requests would each log in. So: the first request of an
 * execution runs alone and may log in; later requests may not, and on a 401 exactly one of them re-logs in
 * while the others wait and then resend. A rejected login is remembered and never attempted again in this
 * execution: the Hub locks the account after a few failures.
 */
export class SessionGate {
	private established = false;

	private establishing: Promise<HubResponse> | undefined;

	private relogin: Promise<HubResponse> | undefined;

	/** Counts finished re-logins, to tell whether a 401 predates the current session. */
	private epoch = 0;

	private loginFailure: unknown;

	async exchange(send: SendRequest): Promise<HubResponse> {
		if (this.loginFailure !== undefined) throw this.loginFailure;
		if (!this.established) return await this.establish(send);

		await settled(this.relogin);
		const epoch = this.epoch;
		const response = await send(false);
		if (response.statusCode !== 401) return response;

		if (this.relogin) {
			await settled(this.relogin);
			return await send(false);
		}
		if (epoch !== this.epoch) return await send(false);

		this.relogin = this.rememberLoginFailure(send(true)).finally(() => {
			this.epoch++;
			this.relogin = undefined;
		});
		return await this.relogin;
	}

	private async establish(send: SendRequest): Promise<HubResponse> {
		if (this.establishing) {
			await settled(this.establishing);
			return await this.exchange(send);
		}
		this.establishing = this.rememberLoginFailure(send(true));
		try {
			const response = await this.establishing;
			this.established = true;
			return response;
		} finally {
			this.establishing = undefined;
		}
	}

	private async rememberLoginFailure(request: Promise<HubResponse>): Promise<HubResponse> {
		return await request.then(undefined, async (error: unknown) => {
			if (isLoginError(error)) this.loginFailure = error;
			return await Promise.reject(error);
		});
	}
}
